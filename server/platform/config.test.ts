import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to the embedded database under ./data on 127.0.0.1:3000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ host: '127.0.0.1', port: 3000, database: { kind: 'pglite' } });
    expect(config.dataDir.endsWith('/data')).toBe(true);
  });

  it('switches to PostgreSQL when DATABASE_URL is a postgres URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/atrium' }).database).toEqual({ kind: 'postgres', url: 'postgres://u@db:5432/atrium', poolSize: 10 });
  });

  it('reads SEARCH_CONCURRENCY, unset by default (one search per CPU)', () => {
    expect(loadConfig({}).searchConcurrency).toBeUndefined();
    expect(loadConfig({ SEARCH_CONCURRENCY: '4' }).searchConcurrency).toBe(4);
  });

  it('reads SEARCH_CACHE_MB, unset by default (32 MB), 0 turning the result cache off', () => {
    expect(loadConfig({}).searchCacheMb).toBeUndefined();
    expect(loadConfig({ SEARCH_CACHE_MB: '0' }).searchCacheMb).toBe(0);
    expect(loadConfig({ SEARCH_CACHE_MB: '128' }).searchCacheMb).toBe(128);
  });

  it.each([
    ['SEARCH_CACHE_MB', '-1'],
    ['SEARCH_CACHE_MB', 'lots'],
    ['SEARCH_CONCURRENCY', '0'],
    ['SEARCH_CONCURRENCY', 'two'],
    ['DATABASE_URL', 'not a url'],
    ['DATABASE_URL', 'mysql://x@y/z'],
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['LOG_LEVEL', 'loud'],
  ])('refuses %s=%s with one line naming the setting', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    try {
      loadConfig({ [name]: value });
    } catch (error) {
      expect((error as Error).message).toContain(`Invalid setting ${name}=`);
      expect((error as Error).message).not.toContain('\n');
    }
  });
});
