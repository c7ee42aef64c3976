/**
 * When this browser last heard from the server, for idle sign-out. Every API answer counts (the
 * server counts every request), and tabs share the time through localStorage so that working in
 * one tab keeps the others from warning.
 */
const storageKey = 'atrium.lastActivity';

let lastActivityAt = Date.now();
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

/** Notes that the server just answered a request of this session. */
export function recordActivity(at: number = Date.now()): void {
  if (at <= lastActivityAt) return;
  lastActivityAt = at;
  try {
    window.localStorage.setItem(storageKey, String(at));
  } catch {
    // Storage can be unavailable (private mode); this tab still keeps its own time.
  }
  notify();
}

/** The time (ms since the epoch) of the latest answer from the server, in any tab. */
export function getLastActivityAt(): number {
  return lastActivityAt;
}

/** Calls the listener whenever the time of the last activity moves; returns the unsubscribe function. */
export function subscribeToActivity(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key !== storageKey || !event.newValue) return;
    const at = Number(event.newValue);
    if (Number.isFinite(at) && at > lastActivityAt) {
      lastActivityAt = at;
      notify();
    }
  });
}
