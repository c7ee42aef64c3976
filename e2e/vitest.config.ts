import { defineConfig } from 'vitest/config';

// Browser tests: the real server (in process, on an in-memory PGlite) serving the built web app,
// driven by playwright-core in Debian's Chromium. One file at a time; each starts its own server.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
  },
});
