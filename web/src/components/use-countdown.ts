import { useEffect, useState } from 'react';
import { getSecondsLeft } from './get-seconds-left';

/** Seconds left until `deadline` (ms since the epoch), re-rendering every second until it reaches 0. */
export function useCountdown(deadline: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  const secondsLeft = getSecondsLeft(deadline, now);

  useEffect(() => {
    if (deadline === null) return;
    setNow(Date.now());
    const timer = window.setInterval(() => {
      const current = Date.now();
      setNow(current);
      if (current >= deadline) window.clearInterval(timer);
    }, 1000);
    return () => window.clearInterval(timer);
  }, [deadline]);

  return secondsLeft;
}
