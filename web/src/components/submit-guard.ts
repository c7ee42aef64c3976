import { useRef } from 'react';

/**
 * One submit at a time. TanStack Query reports `isPending` a tick after `mutate`, so the button is
 * still enabled for a second click in the same instant (a double click), which would send the form
 * twice: `start()` answers false while a submit is in flight, until `finish()`.
 */
export function createSubmitGuard(): { start: () => boolean; finish: () => void } {
  let busy = false;
  return {
    start: () => {
      if (busy) return false;
      busy = true;
      return true;
    },
    finish: () => {
      busy = false;
    },
  };
}

/** A submit guard kept for the component's life. */
export function useSubmitGuard(): ReturnType<typeof createSubmitGuard> {
  const guard = useRef<ReturnType<typeof createSubmitGuard>>(null);
  guard.current ??= createSubmitGuard();
  return guard.current;
}
