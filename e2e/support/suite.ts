import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, type Browser } from './browser';
import { startE2eServer, type E2eServer } from './server';

/**
 * One server and one browser for a test file: started before its tests, handed to `onStarted`,
 * closed after them (the browser first). Call it at the top of the file.
 */
export function useServerAndBrowser(onStarted: (started: { server: E2eServer; browser: Browser }) => void): void {
  let server: E2eServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
    onStarted({ server, browser });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
}
