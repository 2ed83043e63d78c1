// How far behind the event loop is running, and how busy it is, for admission control
// (src/http/admission.ts). On SQLite every statement runs on the one JS thread (better-sqlite3 is
// synchronous), so a request runs from start to finish without yielding and the in-flight count
// never grows: under overload the excess waits in socket queues, where no counter sees it. Worse, libuv accepts one connection per loop
// iteration, so while iterations are long new clients are not even accepted (the soak measured
// p99 26 s and client timeouts at twice the sustainable rate). How overdue a periodic timer is does
// see it: it is how long the request being admitted now has waited for the loop to reach it.
import { performance, type EventLoopUtilization } from "node:perf_hooks";

const INTERVAL_MS = 10;
/**
 * Utilization is the share of the last window the loop spent working rather than waiting for I/O.
 * Since libuv 1.45 (Node 20) a listening socket accepts one connection per loop iteration: a loop
 * that never waits (utilization 1) accepts only as fast as its iterations go, some 10 a second when
 * they take 100 ms, and new clients (health probes included) queue in the kernel unseen. Measured
 * in the soak at twice the sustainable rate on PostgreSQL: lag 100–250 ms, under the lag bound,
 * 890 connections waiting to be accepted and client timeouts at 30 s. A loop that waits now and
 * then has accepted every pending connection by then.
 */
const UTILIZATION_WINDOW_MS = 250;

let due: number | null = null;
/** How late the timer last fired: how long the previous loop iteration kept it waiting. */
let lastLateness = 0;
let timer: NodeJS.Timeout | undefined;
let windowStart: EventLoopUtilization | undefined;
let windowStartedAt = 0;
let lastUtilization = 0;
let previousUtilization = 0;

/**
 * Starts watching; src/server.ts does once it listens. Not started by merely importing Yoga, so
 * that a test which blocks its own thread (seeding, say) is not refused by the next request. A
 * longer interval (tests) leaves more room between two blocked iterations before the timer can
 * fire on time in between and reset what it saw.
 */
export function watchEventLoop(intervalMs = INTERVAL_MS): void {
  if (timer) return;
  due = performance.now() + intervalMs;
  windowStart = performance.eventLoopUtilization();
  windowStartedAt = performance.now();
  timer = setInterval(() => {
    const now = performance.now();
    lastLateness = Math.max(0, now - (due ?? now));
    due = now + intervalMs;
    if (now - windowStartedAt >= UTILIZATION_WINDOW_MS) {
      previousUtilization = lastUtilization;
      lastUtilization = performance.eventLoopUtilization(windowStart).utilization;
      windowStart = performance.eventLoopUtilization();
      windowStartedAt = now;
    }
  }, intervalMs);
  timer.unref();
}

export function stopWatchingEventLoop(): void {
  clearInterval(timer);
  timer = undefined;
  due = null;
  lastLateness = 0;
  windowStart = undefined;
  windowStartedAt = 0;
  lastUtilization = 0;
  previousUtilization = 0;
}

/**
 * Milliseconds the loop has been behind for two iterations running: the lesser of how overdue
 * the timer is now and how late it fired last. One slow iteration (a cold start compiling Prisma's
 * query engine, a long GC, the process descheduled on a busy machine) does not count; overload,
 * which makes every iteration slow, does. 0 when nobody watches.
 */
export const eventLoopLag = (): number => (due === null ? 0 : Math.max(0, Math.min(performance.now() - due, lastLateness)));

/**
 * The share of its time the loop spent working over the last two windows (UTILIZATION_WINDOW_MS
 * each), the lesser of the two, 0–1: a burst that fills one window does not count, saturation
 * does. 0 when nobody watches.
 */
export const eventLoopUtilization = (): number => (due === null ? 0 : Math.min(lastUtilization, previousUtilization));
