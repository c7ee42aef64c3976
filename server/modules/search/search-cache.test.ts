import { describe, expect, it } from 'vitest';
import { createSearchCache } from './search-cache';

/** A cache on a clock the test moves, and a computation that counts its calls. */
function setup(maxBytes = 1_000_000, maxAgeMs = 60_000) {
  let time = 0;
  const cache = createSearchCache<{ answer: string }>(maxBytes, { maxAgeMs, now: () => time });
  let calls = 0;
  const compute = (answer: string) => () => {
    calls += 1;
    return Promise.resolve({ answer });
  };
  return { cache, compute, calls: () => calls, advance: (ms: number) => (time += ms) };
}

describe('the search result cache', () => {
  it('gives a kept answer again for the same question at the same index version, without computing', async () => {
    const { cache, compute, calls } = setup();
    expect(await cache.through('q', '1.1', compute('first'))).toEqual({ answer: 'first' });
    expect(await cache.through('q', '1.1', compute('second'))).toEqual({ answer: 'first' });
    expect(calls()).toBe(1);
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1, entries: 1 });
  });

  it('computes again once the index version has moved, and keeps the new answer in place of the old', async () => {
    const { cache, compute, calls } = setup();
    await cache.through('q', '1.1', compute('old'));
    expect(await cache.through('q', '1.2', compute('new'))).toEqual({ answer: 'new' });
    expect(await cache.through('q', '1.2', compute('newer'))).toEqual({ answer: 'new' });
    expect(calls()).toBe(2);
    expect(cache.stats().entries).toBe(1);
  });

  it('keeps different questions apart', async () => {
    const { cache, compute } = setup();
    await cache.through('a', '1', compute('for a'));
    expect(await cache.through('b', '1', compute('for b'))).toEqual({ answer: 'for b' });
    expect(await cache.through('a', '1', compute('again'))).toEqual({ answer: 'for a' });
  });

  it('computes again after the longest age, whatever the version', async () => {
    const { cache, compute, advance } = setup(1_000_000, 60_000);
    await cache.through('q', '1', compute('early'));
    advance(59_999);
    expect(await cache.through('q', '1', compute('late'))).toEqual({ answer: 'early' });
    advance(2);
    expect(await cache.through('q', '1', compute('late'))).toEqual({ answer: 'late' });
  });

  it('lets the least recently used answers go when over its size', async () => {
    // {"answer":"aaaa"} is 17 characters, 34 bytes as UTF-16: room for eight of them.
    const { cache, compute, calls } = setup(8 * 34);
    const keys = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    for (const key of keys) await cache.through(key, '1', compute(key.repeat(4)));
    expect(cache.stats()).toMatchObject({ entries: 8, bytes: 8 * 34 });
    await cache.through('a', '1', compute('unused')); // a is now the most recently used
    await cache.through('i', '1', compute('iiii')); // b, the least recently used, goes
    expect(cache.stats()).toMatchObject({ entries: 8, bytes: 8 * 34 });
    const before = calls();
    expect(await cache.through('a', '1', compute('x'))).toEqual({ answer: 'aaaa' });
    expect(await cache.through('c', '1', compute('x'))).toEqual({ answer: 'cccc' });
    expect(await cache.through('b', '1', compute('b again'))).toEqual({ answer: 'b again' });
    expect(calls()).toBe(before + 1);
  });

  it('does not keep an answer larger than an eighth of its size', async () => {
    const { cache, compute } = setup(8 * 100);
    await cache.through('big', '1', compute('x'.repeat(200)));
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0 });
  });

  it('keeps nothing with a size of 0', async () => {
    const { cache, compute, calls } = setup(0);
    await cache.through('q', '1', compute('one'));
    await cache.through('q', '1', compute('two'));
    expect(calls()).toBe(2);
    expect(cache.stats().entries).toBe(0);
  });

  it('has identical questions asked at once wait for the one computation', async () => {
    const { cache } = setup();
    let release: (value: { answer: string }) => void = () => undefined;
    let calls = 0;
    const slow = () => {
      calls += 1;
      return new Promise<{ answer: string }>((resolve) => (release = resolve));
    };
    const first = cache.through('q', '1', slow);
    const second = cache.through('q', '1', slow);
    const otherVersion = cache.through('q', '2', () => Promise.resolve({ answer: 'v2' }));
    release({ answer: 'v1' });
    expect(await first).toEqual({ answer: 'v1' });
    expect(await second).toEqual({ answer: 'v1' });
    expect(await otherVersion).toEqual({ answer: 'v2' });
    expect(calls).toBe(1);
    expect(cache.stats()).toMatchObject({ joined: 1, misses: 2 });
  });

  it('keeps no failure: the error reaches everyone waiting, and the next ask computes again', async () => {
    const { cache, compute } = setup();
    const failing = () => Promise.reject(new Error('database went away'));
    const [a, b] = [cache.through('q', '1', failing), cache.through('q', '1', failing)];
    await expect(a).rejects.toThrow('database went away');
    await expect(b).rejects.toThrow('database went away');
    expect(await cache.through('q', '1', compute('recovered'))).toEqual({ answer: 'recovered' });
  });
});
