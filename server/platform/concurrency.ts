/**
 * Runs at most `max` tasks at once; the others wait their turn in arrival order. A finished task
 * (fulfilled or rejected) hands its slot to the next waiting one.
 */
export function createLimiter(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  if (!Number.isInteger(max) || max < 1) throw new Error(`a limiter needs a whole number of slots of at least 1, not ${max}`);
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running < max) running += 1;
    // The slot is handed over by the task that finishes, so `running` stays counted.
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}
