import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Unit and integration tests. Each test file gets its own fresh database: PGlite in memory, or its
// own PostgreSQL database when ATRIUM_TEST_DB=postgres (the second pass of `npm test`, which runs
// the server tests again plus the `*.pg.test.ts` files that only make sense on a PostgreSQL server).
// Browser tests live in e2e/ with their own config.
const onPostgres = process.env.ATRIUM_TEST_DB === 'postgres';

export default defineConfig({
  // The web's modules import shared code as `@common/…` (web/vite.config.ts); their tests need the same.
  resolve: { alias: { '@common': fileURLToPath(new URL('./common', import.meta.url)) } },
  test: {
    include: onPostgres ? ['server/**/*.test.ts'] : ['server/**/*.test.ts', 'common/**/*.test.ts', 'web/src/**/*.test.ts', 'bench/**/*.test.ts'],
    // The CLI tests drive embedded data directories; their PostgreSQL counterpart is cli.pg.test.ts.
    exclude: onPostgres ? ['**/node_modules/**', 'server/cli/cli.test.ts'] : ['**/node_modules/**', '**/*.pg.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    setupFiles: ['server/test/refuse-queued-queries.ts'],
    pool: 'forks',
    maxWorkers: 2,
  },
});
