// Prometheus metrics, served as text on GET /metrics. Each Yoga instance has a registry of its own
// (tests build several in one process). Operation names come from clients, so they are bounded
// labels: the first 100 distinct names, then "other"; unnamed operations share "unnamed".
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Plugin } from "graphql-yoga";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { config } from "../config/settings.js";
import { BoundedLabels } from "../lib/bounded-labels.js";
import { databasePoolUsage } from "../db/pool.js";

export const METRICS_PATH = "/metrics";

/** What one GraphQL request did, as logged and counted. */
export interface RequestSummary {
  requestId: string;
  operationName: string | null;
  durationMs: number;
  cost: number | null;
  statements: number;
  status: number;
  /** "aborted" when the client went away before the response: its failure, not the server's. */
  outcome: "ok" | "error" | "aborted";
  errorCodes: string[];
  rateLimited: boolean;
}

export type Metrics = ReturnType<typeof createMetrics>;

export function createMetrics({ operationNames = 100, errorCodes = 50 } = {}) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const operations = new BoundedLabels(operationNames);
  const codes = new BoundedLabels(errorCodes, "UNKNOWN");

  const requests = new Counter({
    name: "parley_graphql_requests_total",
    help: "GraphQL requests by operation name and outcome (ok; aborted when the client closed the connection first; otherwise error when any error was returned or the status was 4xx/5xx).",
    labelNames: ["operation", "outcome"] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "parley_graphql_request_duration_seconds",
    help: "Time from receiving a GraphQL request to its response, by operation name.",
    labelNames: ["operation"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const errors = new Counter({
    name: "parley_graphql_errors_total",
    help: "Errors returned in GraphQL responses, by extensions.code (UNKNOWN when absent).",
    labelNames: ["code"] as const,
    registers: [registry],
  });
  const rateLimited = new Counter({
    name: "parley_rate_limited_requests_total",
    help: "GraphQL requests refused by the rate limiter.",
    registers: [registry],
  });
  const statements = new Histogram({
    name: "parley_graphql_sql_statements",
    help: "SQL statements one GraphQL request caused.",
    buckets: [0, 1, 2, 5, 10, 20, 50, 100, 200, 500],
    registers: [registry],
  });
  new Gauge({
    name: "parley_db_pool_connections",
    help: "PostgreSQL pool connections by state (total, idle, waiting = requests queued for a connection). Absent on SQLite, which has no pool.",
    labelNames: ["state"] as const,
    registers: [registry],
    collect() {
      const usage = databasePoolUsage();
      if (!usage) return;
      this.set({ state: "total" }, usage.total);
      this.set({ state: "idle" }, usage.idle);
      this.set({ state: "waiting" }, usage.waiting);
    },
  });

  return {
    registry,
    record(summary: RequestSummary): void {
      const operation = operations.label(summary.operationName);
      requests.inc({ operation, outcome: summary.outcome });
      duration.observe({ operation }, summary.durationMs / 1000);
      for (const code of summary.errorCodes) errors.inc({ code: codes.label(code) });
      if (summary.rateLimited) rateLimited.inc();
      statements.observe(summary.statements);
    },
  };
}

/** Serves GET /metrics before any other plugin sees the request: no GraphQL body, no rate limit. */
const digest = (text: string) => createHash("sha256").update(text).digest();

const isLoopback = (address: string) => /^(127\.|::1$|::ffff:127\.)/.test(address);

/**
 * Who may read /metrics: it tells the process's memory, versions and traffic, which is nobody
 * else's business. With a token (METRICS_TOKEN), whoever sends it as `Authorization: Bearer …`
 * (compared in constant time); without one, only this machine (a scraper or sidecar on loopback),
 * and in-process callers, which have no socket at all.
 */
function mayReadMetrics(request: Request, serverContext: unknown, token: string | undefined): boolean {
  if (token) {
    const given = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1];
    return given !== undefined && timingSafeEqual(digest(given), digest(token));
  }
  const address = (serverContext as { req?: IncomingMessage } | undefined)?.req?.socket?.remoteAddress;
  return address === undefined || isLoopback(address);
}

export function useMetricsEndpoint(metrics: Metrics, token = config.METRICS_TOKEN): Plugin {
  return {
    async onRequest({ url, request, serverContext, endResponse, fetchAPI }) {
      if (url.pathname !== METRICS_PATH || request.method !== "GET") return;
      if (!mayReadMetrics(request, serverContext, token)) {
        endResponse(
          token
            ? new fetchAPI.Response("A bearer token is required.", { status: 401, headers: { "www-authenticate": 'Bearer realm="metrics"' } })
            : new fetchAPI.Response("Metrics are served to this machine only; set METRICS_TOKEN to scrape them from elsewhere.", { status: 403 }),
        );
        return;
      }
      endResponse(
        new fetchAPI.Response(await metrics.registry.metrics(), {
          headers: { "content-type": metrics.registry.contentType, "cache-control": "no-store" },
        }),
      );
    },
  };
}
