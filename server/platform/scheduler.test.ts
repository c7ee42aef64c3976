import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startScheduler } from './scheduler';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('startScheduler', () => {
  it('runs a task after its first delay, then every interval after the previous run ends', async () => {
    const run = vi.fn(async () => undefined);
    const scheduler = startScheduler([{ name: 'task', everyMs: 1000, firstRunAfterMs: 50, run }]);
    await vi.advanceTimersByTimeAsync(49);
    expect(run).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(run).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(3000);
    expect(run).toHaveBeenCalledTimes(5);
    await scheduler.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(run).toHaveBeenCalledTimes(5);
  });

  it('never overlaps runs of one task, and waits for a run in progress on stop', async () => {
    let finish: () => void = () => undefined;
    let active = 0;
    let maxActive = 0;
    const run = vi.fn(
      () =>
        new Promise<void>((resolve) => {
          active += 1;
          maxActive = Math.max(maxActive, active);
          finish = () => {
            active -= 1;
            resolve();
          };
        }),
    );
    const scheduler = startScheduler([{ name: 'slow', everyMs: 10, firstRunAfterMs: 0, run }]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(run).toHaveBeenCalledTimes(1);
    let stopped = false;
    const stopping = scheduler.stop().then(() => {
      stopped = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(stopped).toBe(true);
    expect(maxActive).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('logs a failed run and keeps the schedule', async () => {
    const logger = { info: vi.fn(), error: vi.fn() };
    const run = vi.fn(async () => {
      throw new Error('database away');
    });
    const scheduler = startScheduler([{ name: 'flaky', everyMs: 100, firstRunAfterMs: 0, run }], { logger });
    await vi.advanceTimersByTimeAsync(250);
    expect(run).toHaveBeenCalledTimes(3);
    expect(logger.error).toHaveBeenCalledWith(expect.objectContaining({ task: 'flaky' }), 'scheduled task failed');
    await scheduler.stop();
  });

  it('logs each run of a task, but only the failures of a quiet one', async () => {
    const logger = { info: vi.fn(), error: vi.fn() };
    let fail = false;
    const quiet = vi.fn(async () => {
      if (fail) throw new Error('database away');
      return { folded: 3 };
    });
    const loud = vi.fn(async () => ({ sent: 1 }));
    const scheduler = startScheduler(
      [
        { name: 'quiet', everyMs: 100, firstRunAfterMs: 0, quiet: true, run: quiet },
        { name: 'loud', everyMs: 100, firstRunAfterMs: 0, run: loud },
      ],
      { logger },
    );
    await vi.advanceTimersByTimeAsync(150);
    expect(quiet).toHaveBeenCalledTimes(2);
    expect(logger.info).toHaveBeenCalledWith({ task: 'loud', result: { sent: 1 } }, 'scheduled task done');
    expect(logger.info).not.toHaveBeenCalledWith(expect.objectContaining({ task: 'quiet' }), expect.anything());
    fail = true;
    await vi.advanceTimersByTimeAsync(100);
    expect(logger.error).toHaveBeenCalledWith(expect.objectContaining({ task: 'quiet' }), 'scheduled task failed');
    await scheduler.stop();
  });
});
