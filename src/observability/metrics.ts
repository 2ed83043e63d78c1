// Prometheus metrics, served as text on GET /metrics. Each Yoga instance has a registry of its own
// (tests build several in one process). Operation names come from clients, so they are bounded
// labels: the first 100 distinct names, then "other"; unnamed operations share "unnamed".
//
// With WEB_CONCURRENCY workers (src/http/cluster.ts) each worker counts what it served, and a scrape
// reaches whichever worker the primary hands its connection to: one worker's numbers would jump
// from scrape to scrape. So a worker asked for /metrics asks the primary, which collects the
// registry of every worker ready to serve and sums them with prom-client's AggregatorRegistry
// (its aggregator per metric: counts, histograms, memory and pool connections add up, versions are
// reported once, event-loop lag is averaged).
import cluster, { type Worker } from "node:cluster";
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Plugin } from "graphql-yoga";
import { AggregatorRegistry, Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { config } from "../config/settings.js";
import { BoundedLabels } from "../lib/bounded-labels.js";
import { databasePoolUsage } from "../db/pool.js";
import { memoryAfterLastFullGc } from "./memory-after-gc.js";

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

  memoryAfterLastFullGc(); // starts watching, so that the first scrape after a collection has it
  new Gauge({
    name: "parley_memory_after_full_gc_bytes",
    help: "Memory right after the last full garbage collection, by kind (rss; heap_used and external: what JavaScript still references once its garbage is gone, which a leak makes grow from collection to collection). Absent before the first full collection.",
    labelNames: ["kind"] as const,
    registers: [registry],
    collect() {
      const after = memoryAfterLastFullGc();
      if (!after) return;
      this.set({ kind: "rss" }, after.rssBytes);
      this.set({ kind: "heap_used" }, after.heapUsedBytes);
      this.set({ kind: "external" }, after.externalBytes);
    },
  });
  new Gauge({
    name: "parley_last_full_gc_timestamp_seconds",
    help: "When the last full garbage collection ended (Unix time), the moment parley_memory_after_full_gc_bytes was taken.",
    registers: [registry],
    aggregator: "max",
    collect() {
      const after = memoryAfterLastFullGc();
      if (after) this.set(after.at / 1000);
    },
  });

  // A worker builds one Yoga: its registry is the one the primary collects.
  if (inParleyCluster()) answerPrimary(registry);

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
      let text: string;
      try {
        text = inParleyCluster() ? String(await ask(toPrimary, WANT_ALL_WORKERS)) : await metrics.registry.metrics();
      } catch (error) {
        // A partial sum would read as counters going down: no answer is better.
        endResponse(new fetchAPI.Response(`Metrics are unavailable: ${(error as Error).message}`, { status: 503 }));
        return;
      }
      endResponse(new fetchAPI.Response(text, { headers: { "content-type": metrics.registry.contentType, "cache-control": "no-store" } }));
    },
  };
}

// Requests between the primary and its workers over the cluster's IPC channel, each answered by a
// REPLY with the request's id. Sending to a process that has gone fails silently: its reply never
// comes, and the asker gives up after ANSWER_TIMEOUT_MS.
// As src/http/cluster.ts's isClusterWorker (not imported: observability stays below http/).
const inParleyCluster = () => cluster.isWorker && config.WEB_CONCURRENCY > 1;
const WANT_ALL_WORKERS = "parley:metrics-of-all-workers"; // worker → primary: the sum, as text
const WANT_WORKER = "parley:metrics-of-worker"; // primary → worker: its registry, as JSON
const REPLY = "parley:metrics-reply";
const ANSWER_TIMEOUT_MS = 5_000;

interface Message {
  type: string;
  id: number;
  value?: unknown;
  error?: string;
}
type Send = (message: Message) => void;

const isMessage = (message: unknown, type: string): message is Message =>
  typeof message === "object" && message !== null && (message as Message).type === type;
const ignore = () => undefined;
const toPrimary: Send = (message) => process.send?.(message, undefined, {}, ignore);
const toWorker =
  (worker: Worker): Send =>
  (message) =>
    worker.send(message, ignore);

const waiting = new Map<number, (reply: Message) => void>();
let lastId = 0;

function ask(send: Send, type: string): Promise<unknown> {
  const id = ++lastId;
  return new Promise((resolve, reject) => {
    const settle = (reply: Message) => {
      clearTimeout(timer);
      waiting.delete(id);
      if (reply.error === undefined) resolve(reply.value);
      else reject(new Error(reply.error));
    };
    const timer = setTimeout(() => settle({ type: REPLY, id, error: `no answer within ${ANSWER_TIMEOUT_MS} ms` }), ANSWER_TIMEOUT_MS);
    waiting.set(id, settle);
    send({ type, id });
  });
}

async function answer(send: Send, id: number, work: () => Promise<unknown>): Promise<void> {
  try {
    send({ type: REPLY, id, value: await work() });
  } catch (error) {
    send({ type: REPLY, id, error: (error as Error).message });
  }
}

const takeReply = (message: unknown) => {
  if (isMessage(message, REPLY)) waiting.get(message.id)?.(message);
};

function answerPrimary(registry: Registry): void {
  process.on("message", (message) => {
    takeReply(message);
    if (isMessage(message, WANT_WORKER)) void answer(toPrimary, message.id, () => registry.getMetricsAsJSON());
  });
}

/** In the primary: answers workers' scrapes with the sum of the registries of `workers()`. */
export function sumWorkersMetrics(workers: () => Worker[]): void {
  cluster.on("message", (from, message) => {
    takeReply(message);
    if (!isMessage(message, WANT_ALL_WORKERS)) return;
    void answer(toWorker(from), message.id, async () => {
      const registries = await Promise.all(workers().map((worker) => ask(toWorker(worker), WANT_WORKER)));
      return AggregatorRegistry.aggregate(registries as object[]).metrics();
    });
  });
}
