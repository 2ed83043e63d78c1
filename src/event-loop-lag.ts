// How far behind the event loop is running, for admission control (src/admission.ts). On SQLite
// every statement runs on the one JS thread (better-sqlite3 is synchronous), so a request runs from
// start to finish without yielding and the in-flight count never grows: under overload the excess
// waits in the kernel's socket queues, where no counter sees it, and every answer gets later (the
// soak measured a p99 of 26 s at twice the sustainable rate). How overdue a periodic timer is does
// see it: it is how long the request being admitted now has waited for the loop to reach it.
const INTERVAL_MS = 10;

let due: number | null = null;
let timer: NodeJS.Timeout | undefined;

/**
 * Starts watching; src/server.ts does once it listens. Not started by merely importing Yoga, so
 * that a test which blocks its own thread (seeding, say) is not refused by the next request.
 */
export function watchEventLoop(): void {
  if (timer) return;
  due = performance.now() + INTERVAL_MS;
  timer = setInterval(() => {
    due = performance.now() + INTERVAL_MS;
  }, INTERVAL_MS);
  timer.unref();
}

export function stopWatchingEventLoop(): void {
  clearInterval(timer);
  timer = undefined;
  due = null;
}

/** Milliseconds the loop is behind now (how long the timer is overdue); 0 when nobody watches. */
export const eventLoopLag = (): number => (due === null ? 0 : Math.max(0, performance.now() - due));
