// Structured logs and Prometheus metrics (GET /metrics). One JSON line per GraphQL request: request
// id, operation name, duration, cost, SQL statements, status, outcome and error codes, rate
// limiting. Never the query text (only at debug), never variables. The same summary feeds the
// metrics (src/observability/metrics.ts); statements are counted by src/observability/statement-count.ts.
import { getOperationAST, type DocumentNode, type ExecutionResult } from "graphql";
import type { Plugin } from "graphql-yoga";
import { logger as sharedLogger, type Logger } from "./logging.js";
import { createMetrics, useMetricsEndpoint, type Metrics, type RequestSummary } from "./metrics.js";
import { statsOf } from "./request-stats.js";
import { useStatementCount } from "./statement-count.js";

export interface ObservabilityOptions {
  /** Where request lines go; the process's stdout logger when absent. */
  logger?: Logger;
  /** The registry /metrics serves; a new one when absent. */
  metrics?: Metrics;
}

/** An incoming x-request-id is kept when it is a plausible id, not arbitrary text to copy into logs. */
const ACCEPTABLE_REQUEST_ID = /^[\w.:@/+=-]{1,128}$/;

export function observabilityPlugins({ logger = sharedLogger(), metrics = createMetrics() }: ObservabilityOptions = {}): Plugin[] {
  return [useMetricsEndpoint(metrics), useStatementCount(), useRequestLog(logger, metrics)];
}

function useRequestLog(logger: Logger, metrics: Metrics): Plugin {
  let graphqlEndpoint = "/graphql";
  /** When each request came, and its path (Yoga has parsed its URL by then: no need to parse it again). */
  const arrivals = new WeakMap<Request, { startedAt: number; pathname: string }>();

  return {
    onYogaInit({ yoga }) {
      graphqlEndpoint = yoga.graphqlEndpoint;
    },
    onRequest({ request, url }) {
      arrivals.set(request, { startedAt: performance.now(), pathname: url.pathname });
      const incoming = request.headers.get("x-request-id");
      statsOf(request).requestId = incoming && ACCEPTABLE_REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
    },
    onParams({ params, request }) {
      const stats = statsOf(request);
      stats.operationName ??= params.operationName ?? undefined;
      if (logger.isLevelEnabled("debug")) {
        logger.debug({ requestId: stats.requestId, operationName: params.operationName ?? null, query: params.query }, "graphql query");
      }
    },
    onParse({ context }) {
      return ({ result }) => {
        if (!isDocument(result)) return;
        const request = context.request;
        const name = getOperationAST(result, context.params.operationName)?.name?.value;
        if (name) statsOf(request).operationName = name;
      };
    },
    onResultProcess({ request, result }) {
      const results = Array.isArray(result) ? result : [result];
      for (const single of results) {
        if (!single || Symbol.asyncIterator in single) continue;
        for (const error of (single as ExecutionResult).errors ?? []) {
          const code = error.extensions?.code;
          statsOf(request).errorCodes.push(typeof code === "string" ? code : "UNKNOWN");
        }
      }
    },
    onResponse({ request, response, setResponse, fetchAPI }) {
      const stats = statsOf(request);
      if (!setHeader(response, "x-request-id", stats.requestId)) {
        const copy = new fetchAPI.Response(response.body, response);
        copy.headers.set("x-request-id", stats.requestId);
        setResponse(copy);
      }
      const arrival = arrivals.get(request); // none when an earlier plugin answered (a CORS preflight)
      const pathname = arrival?.pathname ?? new URL(request.url).pathname;
      // GraphiQL's page shares the endpoint's path but is not a GraphQL request.
      if (pathname !== graphqlEndpoint || response.headers.get("content-type")?.startsWith("text/html")) return;
      const started = arrival?.startedAt ?? performance.now();
      const failed = stats.errorCodes.length > 0 || response.status >= 400 || stats.rateLimited;
      const summary: RequestSummary = {
        requestId: stats.requestId,
        operationName: stats.operationName ?? null,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        cost: stats.cost?.requested ?? null,
        statements: stats.statements,
        status: response.status,
        outcome: request.signal.aborted ? "aborted" : failed ? "error" : "ok",
        errorCodes: stats.errorCodes,
        rateLimited: stats.rateLimited,
      };
      logger.info(summary, "graphql request");
      metrics.record(summary);
    },
  };
}

function isDocument(result: unknown): result is DocumentNode {
  return typeof result === "object" && result !== null && (result as DocumentNode).kind === "Document";
}

/** Sets a header in place; false when the response's headers are immutable. */
function setHeader(response: Response, name: string, value: string): boolean {
  try {
    response.headers.set(name, value);
    return true;
  } catch {
    return false;
  }
}
