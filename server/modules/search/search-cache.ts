import { performance } from 'node:perf_hooks';

/**
 * The search result cache: an answer is kept under its question (who reads, the query, the
 * filters, the page) together with the index version it was computed at, and given again only
 * while that version still stands (the database raises it whenever an entry, an entitlement or a
 * product name changes; see `search_generations`) and for at most a minute (ranking favours recent
 * updates). The least recently used answers go first when the cache is over its size. Identical
 * questions asked while the first is still being answered wait for that answer instead of
 * computing it again.
 */

export interface SearchCacheStats {
  /** Answered from the cache. */
  hits: number;
  /** Answered by joining an identical search already running. */
  joined: number;
  /** Computed. */
  misses: number;
  entries: number;
  /** Estimated size of the answers held, in bytes. */
  bytes: number;
}

export interface SearchCache<T> {
  /** The kept answer to `key` at `generation`, else `compute()`'s (kept for next time). */
  through(key: string, generation: string, compute: () => Promise<T>): Promise<T>;
  stats(): SearchCacheStats;
}

interface Entry<T> {
  generation: string;
  storedAt: number;
  value: T;
  bytes: number;
}

/** How long an answer is given again at most, whatever the index version. */
export const SEARCH_CACHE_MAX_AGE_MS = 60_000;
/** One answer may take at most this share of the cache. */
const LARGEST_SHARE = 8;

/** A cache holding at most `maxBytes` of answers (estimated as their JSON's UTF-16 size); 0 keeps nothing. */
export function createSearchCache<T>(maxBytes: number, options: { maxAgeMs?: number; now?: () => number } = {}): SearchCache<T> {
  const maxAgeMs = options.maxAgeMs ?? SEARCH_CACHE_MAX_AGE_MS;
  const now = options.now ?? (() => performance.now());
  // A Map iterates in insertion order: re-inserting on a hit keeps the least recently used first.
  const entries = new Map<string, Entry<T>>();
  const running = new Map<string, Promise<T>>();
  const counts = { hits: 0, joined: 0, misses: 0 };
  let bytes = 0;

  const remove = (key: string, entry: Entry<T>) => {
    entries.delete(key);
    bytes -= entry.bytes;
  };

  const keep = (key: string, generation: string, value: T) => {
    const size = JSON.stringify(value).length * 2;
    const old = entries.get(key);
    if (old) remove(key, old);
    if (size > maxBytes / LARGEST_SHARE) return;
    for (const [oldestKey, oldest] of entries) {
      if (bytes + size <= maxBytes) break;
      remove(oldestKey, oldest);
    }
    entries.set(key, { generation, storedAt: now(), value, bytes: size });
    bytes += size;
  };

  return {
    async through(key, generation, compute) {
      const entry = entries.get(key);
      if (entry) {
        if (entry.generation === generation && now() - entry.storedAt < maxAgeMs) {
          entries.delete(key);
          entries.set(key, entry);
          counts.hits += 1;
          return entry.value;
        }
        remove(key, entry);
      }
      const runningKey = `${generation}\u0000${key}`;
      const inFlight = running.get(runningKey);
      if (inFlight) {
        counts.joined += 1;
        return inFlight;
      }
      counts.misses += 1;
      const answer = compute().then(
        (value) => {
          running.delete(runningKey);
          if (maxBytes > 0) keep(key, generation, value);
          return value;
        },
        (error: unknown) => {
          running.delete(runningKey);
          throw error;
        },
      );
      running.set(runningKey, answer);
      return answer;
    },
    stats: () => ({ ...counts, entries: entries.size, bytes }),
  };
}
