// How far behind the event loop is running, for admission control (src/http/admission.ts). On SQLite
// every statement runs on the one JS thread (better-sqlite3 is synchronous), so a request runs from
// start to finish without yielding and the in-flight count never grows: under overload the excess
// waits in socket queues, where no counter sees it. Worse, libuv accepts one connection per loop
// iteration, so while iterations are long new clients are not even accepted (the soak measured
// p99 26 s and client timeouts at twice the sustainable rate). How overdue a periodic timer is does
// see it: it is how long the request being admitted now has waited for the loop to reach it.
const INTERVAL_MS = 10;

let due: number | null = null;
/** How late the timer last fired: how long the previous loop iteration kept it waiting. */
let lastLateness = 0;
let timer: NodeJS.Timeout | undefined;

/**
 * Starts watching; src/server.ts does once it listens. Not started by merely importing Yoga, so
 * that a test which blocks its own thread (seeding, say) is not refused by the next request. A
 * longer interval (tests) leaves more room between two blocked iterations before the timer can
 * fire on time in between and reset what it saw.
 */
export function watchEventLoop(intervalMs = INTERVAL_MS): void {
  if (timer) return;
  due = performance.now() + intervalMs;
  timer = setInterval(() => {
    const now = performance.now();
    lastLateness = Math.max(0, now - (due ?? now));
    due = now + intervalMs;
  }, intervalMs);
  timer.unref();
}

export function stopWatchingEventLoop(): void {
  clearInterval(timer);
  timer = undefined;
  due = null;
  lastLateness = 0;
}

/**
 * Milliseconds the loop has been behind for two iterations running: the lesser of how overdue
 * the timer is now and how late it fired last. One slow iteration (a cold start compiling Prisma's
 * query engine, a long GC, the process descheduled on a busy machine) does not count; overload,
 * which makes every iteration slow, does. 0 when nobody watches.
 */
export const eventLoopLag = (): number => (due === null ? 0 : Math.max(0, Math.min(performance.now() - due, lastLateness)));
