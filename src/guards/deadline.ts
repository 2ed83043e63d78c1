// The operation deadline: an operation still executing after OPERATION_TIMEOUT_MS ends with one
// TIMEOUT error, and the database work behind it is cancelled (src/db/client.ts: no further statement is
// sent; on PostgreSQL the running ones are cancelled, and statement_timeout bounds any single
// statement). Also: an operation that could not get a pooled connection in time fails as a whole
// with SERVER_BUSY, which is overload, not the outage SERVICE_UNAVAILABLE reports.
//
// Status codes, for `application/graphql-response+json`: the response then has no `data` (the
// partial result is dropped: half an answer with no way to tell which half is worse than none), so
// the spec asks for a 4xx/5xx: 504 for TIMEOUT (the database behind the server did not answer in
// time), 503 with Retry-After for SERVER_BUSY. For the legacy `application/json` the spec asks 200
// for every well-formed request, and Yoga keeps to that for errors whose status is marked `spec`.
import { GraphQLError, type ExecutionResult } from "graphql";
import { isAsyncIterable, type Plugin } from "graphql-yoga";
import { config } from "../config/settings.js";
import { runCancellable } from "../db/client.js";
import { isDatabaseBusy } from "../db/errors.js";

/** Seconds a client is asked to wait before retrying an operation refused for overload. */
export const BUSY_RETRY_AFTER_SECONDS = 1;

export class OperationTimeout extends Error {
  override name = "OperationTimeout";
}

export const timeoutError = (timeoutMs: number) =>
  new GraphQLError(`The operation did not finish within ${timeoutMs} ms and was stopped.`, {
    extensions: { code: "TIMEOUT", http: { status: 504, spec: true } },
  });

export const serverBusyError = () =>
  new GraphQLError("The server is busy; retry shortly.", {
    extensions: {
      code: "SERVER_BUSY",
      http: { status: 503, spec: true, headers: { "retry-after": String(BUSY_RETRY_AFTER_SECONDS) } },
    },
  });

/** Bounds every operation's execution to `timeoutMs`. */
export function useOperationDeadline(timeoutMs: number): Plugin {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn((args) => {
        // Every listener and pending promise made here is released in `finally`: the soak measured
        // ~300 KB per request kept alive (the whole result) through a never-settled race and
        // AbortSignal.any while they were not.
        const deadline = new AbortController();
        let timedOut = false;
        let settleExpired = () => {};
        const expired = new Promise<void>((resolve) => (settleExpired = resolve));
        const expire = () => {
          timedOut = true;
          deadline.abort(new OperationTimeout(`deadline of ${timeoutMs} ms passed`));
          settleExpired();
        };
        // A client that goes away cancels the work as well.
        const requestSignal = (args.contextValue as { request?: Request } | undefined)?.request?.signal;
        const clientGone = () => deadline.abort(requestSignal?.reason);
        requestSignal?.addEventListener("abort", clientGone, { once: true });
        // Gone already, before execution began (an abort fires its listeners once, at the time).
        if (requestSignal?.aborted) clientGone();
        const signal = deadline.signal;
        const timer = setTimeout(expire, timeoutMs);
        // The executor stops calling resolvers once the signal aborts; runCancellable stops the
        // statements of the resolvers already running, and checks the time before each one.
        // (Yoga's executor, @graphql-tools/executor, takes a `signal` that graphql-js's types lack.)
        const argsWithSignal = { ...args, signal } as typeof args;
        const scope = { signal, deadline: { at: performance.now() + timeoutMs, expire } };
        const work = runCancellable(scope, async () => (await executeFn(argsWithSignal)) as ExecutionResult);
        const settled = work.then(
          (result) => result,
          (error: unknown) => {
            if (timedOut) return undefined;
            throw error;
          },
        );
        // Past the deadline the answer is TIMEOUT, whatever the work has made of it by then.
        return Promise.race([settled, expired])
          .then((result) => (timedOut || !result ? { errors: [timeoutError(timeoutMs)] } : result))
          .finally(() => {
            clearTimeout(timer);
            requestSignal?.removeEventListener("abort", clientGone);
            settleExpired();
          });
      });
      return {
        onExecuteDone({ result, setResult }) {
          if (isAsyncIterable(result)) return;
          if (result.errors?.some((error) => isDatabaseBusy(error.originalError))) setResult({ errors: [serverBusyError()] });
        },
      };
    },
  };
}

export function deadlinePlugins(): Plugin[] {
  return [useOperationDeadline(config.OPERATION_TIMEOUT_MS)];
}
