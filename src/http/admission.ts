// Admission control: at most MAX_IN_FLIGHT GraphQL requests are worked on at once, and one that
// has waited QUEUE_TIMEOUT_MS for its turn is refused. Without it an overloaded server accepts
// everything and every answer gets slower (measured: 27 s at twice the sustainable rate, and
// minutes to drain the backlog afterwards); with it the excess is refused at once with
// SERVER_BUSY (HTTP 503, Retry-After) and the requests admitted keep their usual latency.
// A request is also refused at once while the event loop stays more than MAX_EVENT_LOOP_LAG_MS
// behind: on SQLite the excess queues before any request is in flight (src/http/event-loop.ts).
// And while the loop is saturated (MAX_EVENT_LOOP_UTILIZATION), new requests wait in the queue
// even with slots free, so that the loop keeps a little idle time in which it accepts connections.
import type { Plugin } from "graphql-yoga";
import { config } from "../config/settings.js";
import { BUSY_RETRY_AFTER_SECONDS, serverBusyError } from "../guards/deadline.js";
import { eventLoopLag, eventLoopUtilization } from "./event-loop.js";
import { statsOf } from "../observability/request-stats.js";

export interface AdmissionOptions {
  maxInFlight: number;
  queueTimeoutMs: number;
  /** 0 turns the lag check off. */
  maxEventLoopLagMs: number;
  /** The current lag in milliseconds (src/http/event-loop.ts unless a test supplies its own). */
  lag?: () => number;
  /** 0 turns the utilization check off. */
  maxEventLoopUtilization: number;
  /** The loop's recent utilization, 0–1 (src/http/event-loop.ts unless a test supplies its own). */
  utilization?: () => number;
}

const configured = (): AdmissionOptions => ({
  maxInFlight: config.MAX_IN_FLIGHT,
  queueTimeoutMs: config.QUEUE_TIMEOUT_MS,
  maxEventLoopLagMs: config.MAX_EVENT_LOOP_LAG_MS,
  maxEventLoopUtilization: config.MAX_EVENT_LOOP_UTILIZATION,
});

/**
 * The refusal: the same SERVER_BUSY error an operation gets when no database connection frees up
 * in time (src/guards/deadline.ts), as a response, since this one ends the request before Yoga would
 * serialise an error. Its code goes into the request's stats: no result reaches the log plugin.
 */
const busy = (request: Request) => {
  statsOf(request).errorCodes.push("SERVER_BUSY");
  const { message, extensions } = serverBusyError();
  return Response.json(
    { errors: [{ message, extensions: { code: extensions.code } }] },
    { status: 503, headers: { "content-type": "application/graphql-response+json; charset=utf-8", "retry-after": String(BUSY_RETRY_AFTER_SECONDS) } },
  );
};

/** How often waiting requests are looked at while only the loop's utilization holds them back. */
const UTILIZATION_RECHECK_MS = 20;

export function useAdmissionControl(options: AdmissionOptions = configured()): Plugin {
  const lag = options.lag ?? eventLoopLag;
  const utilization = options.utilization ?? eventLoopUtilization;
  let inFlight = 0;
  const waiting: (() => void)[] = [];
  const admitted = new WeakSet<Request>();
  let recheck: NodeJS.Timeout | undefined;
  // A saturated loop holds new work back rather than refusing it: refusals to clients that retry at
  // once (a closed loop) would keep the loop saturated by themselves. Held back, the work in
  // flight drains, the loop waits for I/O now and then, and accepts the connections pending.
  const saturated = () => options.maxEventLoopUtilization > 0 && utilization() > options.maxEventLoopUtilization;
  const mayStart = () => inFlight < options.maxInFlight && !saturated();
  const startWaiting = () => {
    while (waiting.length > 0 && mayStart()) {
      inFlight += 1;
      waiting.shift()!();
    }
    // Nothing may end to free a slot when the loop alone holds the queue: look again shortly.
    if (waiting.length > 0 && !recheck) {
      recheck = setInterval(() => {
        startWaiting();
        if (waiting.length === 0) {
          clearInterval(recheck);
          recheck = undefined;
        }
      }, UTILIZATION_RECHECK_MS);
      recheck.unref();
    }
  };
  const release = () => {
    inFlight -= 1;
    startWaiting();
  };
  return {
    async onRequest({ request, url, endResponse }) {
      if (!url.pathname.endsWith("/graphql") || (request.method === "GET" && request.headers.get("accept")?.includes("text/html"))) return;
      // Refusing costs next to nothing, so shedding lets the loop catch up with the backlog.
      if (options.maxEventLoopLagMs > 0 && lag() > options.maxEventLoopLagMs) return endResponse(busy(request));
      if (waiting.length === 0 && mayStart()) {
        inFlight += 1;
        admitted.add(request);
        return;
      }
      // Wait for a slot (and a loop with room), but not longer than the queue allows.
      const started = await new Promise<boolean>((resolve) => {
        const take = () => {
          clearTimeout(timer);
          resolve(true);
        };
        const timer = setTimeout(() => {
          waiting.splice(waiting.indexOf(take), 1);
          resolve(false);
        }, options.queueTimeoutMs);
        waiting.push(take);
        startWaiting();
      });
      if (!started) return endResponse(busy(request));
      admitted.add(request);
    },
    onResponse({ request }) {
      if (admitted.delete(request)) release();
    },
  };
}
