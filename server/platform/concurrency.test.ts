import { describe, expect, it } from 'vitest';
import { createLimiter } from './concurrency';

/** A task that stays running until its `finish` or `fail` is called. */
function deferredTask(log: string[], name: string) {
  let finish!: () => void;
  let fail!: (error: Error) => void;
  const task = () => {
    log.push(`start ${name}`);
    return new Promise<string>((resolve, reject) => {
      finish = () => resolve(name);
      fail = reject;
    });
  };
  return { task, finish: () => finish(), fail: (error: Error) => fail(error) };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('createLimiter', () => {
  it('runs at most max tasks at once and starts the waiting ones in arrival order', async () => {
    const limit = createLimiter(2);
    const log: string[] = [];
    const tasks = ['a', 'b', 'c', 'd'].map((name) => deferredTask(log, name));
    const results = tasks.map((t) => limit(t.task));
    await settle();
    expect(log).toEqual(['start a', 'start b']);
    tasks[1]!.finish();
    await settle();
    expect(log).toEqual(['start a', 'start b', 'start c']);
    tasks[0]!.finish();
    await settle();
    expect(log).toEqual(['start a', 'start b', 'start c', 'start d']);
    tasks[2]!.finish();
    tasks[3]!.finish();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('frees the slot of a task that fails, and passes its error on', async () => {
    const limit = createLimiter(1);
    const log: string[] = [];
    const [first, second] = ['a', 'b'].map((name) => deferredTask(log, name));
    const failed = limit(first!.task);
    const next = limit(second!.task);
    await settle();
    expect(log).toEqual(['start a']);
    first!.fail(new Error('boom'));
    await expect(failed).rejects.toThrow('boom');
    await settle();
    expect(log).toEqual(['start a', 'start b']);
    second!.finish();
    expect(await next).toBe('b');
  });

  it('starts a task at once again after every slot has been given back', async () => {
    const limit = createLimiter(1);
    expect(await limit(async () => 1)).toBe(1);
    expect(await limit(async () => 2)).toBe(2);
    const log: string[] = [];
    const t = deferredTask(log, 'c');
    const result = limit(t.task);
    await settle();
    expect(log).toEqual(['start c']);
    t.finish();
    expect(await result).toBe('c');
  });

  it('refuses a number of slots that is not a whole number of at least 1', () => {
    expect(() => createLimiter(0)).toThrow();
    expect(() => createLimiter(1.5)).toThrow();
  });
});
