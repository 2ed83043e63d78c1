// Counts the SQL statements each request causes. Prisma's query event carries no request, so the
// request's stats travel in AsyncLocalStorage: entered around the whole request (a Yoga
// instrumentation wrapper) and read in the listener. With Prisma's query compiler
// (engineType = "client") the event is emitted in JavaScript, in the continuation of the query's
// own await, so the store seen there is the one of the request that awaited the query.
//
// One exception: Prisma queues findUnique calls and runs the queue on the next tick
// (process.nextTick), which runs in the context of whichever request opened that tick, so a
// concurrent request's findUnique would be charged to another request. `keepRequestContext` makes
// the queue run each call in the async context it was made in; calls Prisma merges into one
// statement (same model and shape, same tick) are charged to one of their requests, never twice.
// test/observability.test.ts checks the counts of concurrent requests, and that the queue still
// looks as expected.
import { AsyncLocalStorage, AsyncResource } from "node:async_hooks";
import { isAsyncIterable, type Plugin } from "graphql-yoga";
import { db } from "../db/client.js";
import { statsOf, type RequestStats } from "./request-stats.js";

const currentRequest = new AsyncLocalStorage<RequestStats>();

db.$on("query", () => {
  const stats = currentRequest.getStore();
  if (stats) stats.statements += 1;
});

/** The parts of Prisma's internal request queue (@prisma/client 6.19 runtime) this module wraps. */
interface PrismaQueue {
  request(request: object): Promise<unknown>;
  options: {
    singleLoader(request: object): Promise<unknown>;
    batchLoader(requests: object[]): Promise<unknown>;
  };
}

function isPrismaQueue(candidate: unknown): candidate is PrismaQueue {
  const queue = candidate as Partial<PrismaQueue> | undefined;
  return (
    typeof queue?.request === "function" &&
    typeof queue.options?.singleLoader === "function" &&
    typeof queue.options.batchLoader === "function"
  );
}

/** False when Prisma's internals changed shape (then findUnique counts may go to the wrong request). */
export function keepRequestContext(client: object): boolean {
  const queue = (client as { _requestHandler?: { dataloader?: unknown } })._requestHandler?.dataloader;
  if (!isPrismaQueue(queue)) return false;
  // The whole async context of the call, every AsyncLocalStorage included (src/db/client.ts keeps the
  // request's cancellation signal in one), not just the request's stats. An AsyncResource carries it
  // as AsyncLocalStorage.snapshot() does (which makes one), without what snapshot adds around it:
  // Node 20 took 20 to 35 µs a snapshot against under 1 µs a resource, on every Prisma call.
  const madeIn = new WeakMap<object, AsyncResource>();
  const inContextOf = <T>(call: object | undefined, work: () => T): T => {
    const resource = call && madeIn.get(call);
    return resource ? resource.runInAsyncScope(work) : work();
  };
  const { request, options } = queue;
  const { singleLoader, batchLoader } = options;
  queue.request = (call) => {
    madeIn.set(call, new AsyncResource("PrismaQueuedCall"));
    return request.call(queue, call);
  };
  options.singleLoader = (call) => inContextOf(call, () => singleLoader.call(options, call));
  options.batchLoader = (calls) => inContextOf(calls[0], () => batchLoader.call(options, calls));
  return true;
}

export const requestContextKept = keepRequestContext(db);

/** Runs everything a request does with its stats in scope, so its statements are counted. */
export function useStatementCount(): Plugin {
  return {
    instrumentation: {
      request({ request }, wrapped) {
        return currentRequest.run(statsOf(request), wrapped);
      },
    },
  };
}

/**
 * Adds `extensions.statements`: the SQL statements the request has caused once its operation is
 * executed. Off unless DEBUG_STATEMENTS is set, since the count is about the server, not the data.
 */
export function useStatementsExtension(): Plugin<{ request: Request }> {
  return {
    onExecute({ args }) {
      const stats = statsOf(args.contextValue.request);
      return {
        onExecuteDone({ result, setResult }) {
          if (isAsyncIterable(result)) return;
          setResult({ ...result, extensions: { ...result.extensions, statements: stats.statements } });
        },
      };
    },
  };
}
