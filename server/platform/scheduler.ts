import type { FastifyBaseLogger } from 'fastify';

/** A recurring piece of work of the server (daily contract reminders, …). */
export interface ScheduledTask {
  name: string;
  /** Time between the end of one run and the start of the next. */
  everyMs: number;
  /** Time from start to the first run; a minute unless given. */
  firstRunAfterMs?: number;
  /** A frequent task whose runs are not worth a log line each (failures still are). */
  quiet?: boolean;
  run(): Promise<unknown>;
}

export interface Scheduler {
  /** Cancels the coming runs and waits for the ones in progress. */
  stop(): Promise<void>;
}

const DEFAULT_FIRST_RUN_MS = 60_000;

/**
 * Runs each task shortly after start, then every `everyMs`. A run never overlaps the previous one
 * of the same task, and a failure is logged without stopping the schedule. The tasks themselves
 * are safe to run on several servers at once (each keeps its own "done" records), so no leader is
 * elected. Timers do not keep the process alive.
 */
export function startScheduler(tasks: readonly ScheduledTask[], options: { logger?: Pick<FastifyBaseLogger, 'info' | 'error'> } = {}): Scheduler {
  let stopped = false;
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<void>>();

  const schedule = (task: ScheduledTask, delayMs: number) => {
    if (stopped) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      const run = (async () => {
        try {
          const result = await task.run();
          if (!task.quiet) options.logger?.info({ task: task.name, result }, 'scheduled task done');
        } catch (error) {
          options.logger?.error({ task: task.name, err: error }, 'scheduled task failed');
        }
      })();
      running.add(run);
      void run.finally(() => {
        running.delete(run);
        schedule(task, task.everyMs);
      });
    }, delayMs);
    timer.unref();
    timers.add(timer);
  };

  for (const task of tasks) schedule(task, task.firstRunAfterMs ?? DEFAULT_FIRST_RUN_MS);

  return {
    stop: async () => {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.all(running);
    },
  };
}
