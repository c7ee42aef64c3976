import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Launches Debian's Chromium headless (Playwright gives each launch a fresh, temporary user-data dir)
 * with the flags that keep it from reaching for the network (this machine has none but the registries).
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A page in a new, isolated context (its own cookies and storage) whose browser prefers the given
 * languages, both in Accept-Language and in navigator.languages.
 */
export async function newPage(browser: Browser, languages = 'ko-KR,ko'): Promise<Page> {
  const context = await browser.newContext({ locale: languages.split(',')[0], viewport: { width: 1280, height: 800 }, extraHTTPHeaders: { 'accept-language': languages } });
  await context.addInitScript((langs: string) => {
    // Runs in the page, where navigator exists; this file is type-checked for Node.
    const nav = (globalThis as unknown as { navigator: object }).navigator;
    Object.defineProperty(nav, 'languages', { get: () => langs.split(',') });
    Object.defineProperty(nav, 'language', { get: () => langs.split(',')[0] });
  }, languages);
  return context.newPage();
}


export type { Browser, BrowserContext, Page };
