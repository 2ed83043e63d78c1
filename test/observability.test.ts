// Request logs and /metrics: fields of the log line, request ids, what is never logged, SQL
// statements attributed to the right request under concurrency, and the metrics they feed.
import { createYoga, type Plugin } from "graphql-yoga";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "../src/db/client.js";
import { DEFAULT_QUERY } from "../src/graphiql/default-query.js";
import { BoundedLabels } from "../src/lib/bounded-labels.js";
import { trackDatabasePool } from "../src/db/pool.js";
import { createLogger } from "../src/observability/logging.js";
import { createMetrics } from "../src/observability/metrics.js";
import { observabilityPlugins } from "../src/observability/plugins.js";
import { statsOf } from "../src/observability/request-stats.js";
import { requestContextKept } from "../src/observability/statement-count.js";
import { schema } from "../src/schema/index.js";
import { yoga as parleyYoga } from "../src/yoga.js";
import { COST_QUERIES } from "./helpers/cost-queries.js";
import { fullGc } from "./helpers/full-gc.js";
import { importConfiguredServer } from "./helpers/configured-server.js";
import { logStatements } from "./helpers/sql-log.js";
import { onThisEngine } from "./helpers/statement-counts.js";

const DEFAULT_QUERY_STATEMENTS = onThisEngine({ sqlite: 10, postgres: 1 });

type LogLine = Record<string, unknown>;

/** Stands in for the limits plugin: a cost on every request, a refusal when asked to. */
function useFakeLimits(refuseAll: () => boolean): Plugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== "/graphql") return;
      statsOf(request).cost = { requested: 42, limit: 50_000 };
      if (refuseAll() || request.headers.has("x-test-refuse")) {
        statsOf(request).rateLimited = true;
        endResponse(fetchAPI.Response.json({ errors: [{ message: "Too many requests" }] }, { status: 429 }));
      }
    },
  };
}

function observedServer(level: "info" | "debug" = "info") {
  const lines: LogLine[] = [];
  const raw: string[] = [];
  const logger = createLogger({
    level,
    destination: {
      write(line: string) {
        raw.push(line);
        lines.push(JSON.parse(line) as LogLine);
      },
    },
  });
  let refusing = false;
  const metrics = createMetrics();
  const yoga = createYoga({
    schema,
    plugins: [...observabilityPlugins({ logger, metrics }), useFakeLimits(() => refusing)],
  });
  const post = (body: object, headers: Record<string, string> = {}) =>
    yoga.fetch("http://parley/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...headers },
      body: JSON.stringify(body),
    });
  const requestLines = () => lines.filter((line) => line.msg === "graphql request");
  const scrape = async () => (await yoga.fetch("http://parley/metrics")).text();
  return { yoga, post, lines, raw, requestLines, scrape, refuse: (on: boolean) => (refusing = on) };
}

/** The value of one sample in Prometheus text, or undefined. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("the request log", () => {
  it("writes one line per GraphQL request with its id, operation, duration, cost, statements and outcome", async () => {
    const server = observedServer();
    const response = await server.post({ query: DEFAULT_QUERY });
    expect(response.status).toBe(200);
    const [line] = server.requestLines();
    expect(server.requestLines()).toHaveLength(1);
    expect(line).toMatchObject({
      level: "info",
      operationName: "MeetingOverview",
      cost: 42,
      statements: DEFAULT_QUERY_STATEMENTS,
      status: 200,
      outcome: "ok",
      errorCodes: [],
      rateLimited: false,
    });
    expect(line!.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get("x-request-id")).toBe(line!.requestId);
    expect(typeof line!.durationMs).toBe("number");
    expect(typeof line!.time).toBe("string");
  });

  it("keeps an incoming x-request-id and replaces one that is not a plausible id", async () => {
    const server = observedServer();
    const kept = await server.post({ query: "{ countries(first: 1) { totalCount } }" }, { "x-request-id": "edge-7f3a.42" });
    expect(kept.headers.get("x-request-id")).toBe("edge-7f3a.42");
    const replaced = await server.post({ query: "{ countries(first: 1) { totalCount } }" }, { "x-request-id": "x".repeat(500) });
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(server.requestLines().map((line) => line.requestId)).toEqual(["edge-7f3a.42", replaced.headers.get("x-request-id")]);
    expect(server.requestLines().every((line) => line.operationName === null)).toBe(true);
  });

  it("never writes query text or variables at info, and the query text but no variables at debug", async () => {
    const request = {
      query: "query FindSomeone($slug: String!) { person(slug: $slug) { name } }",
      variables: { slug: "secret-slug-4711" },
    };
    const info = observedServer("info");
    await info.post(request);
    expect(info.requestLines()).toHaveLength(1);
    expect(info.raw.join("")).not.toContain("person(slug");
    expect(info.raw.join("")).not.toContain("secret-slug-4711");

    const debug = observedServer("debug");
    await debug.post(request);
    expect(debug.lines.find((line) => line.msg === "graphql query")).toMatchObject({ query: request.query });
    expect(debug.raw.join("")).not.toContain("secret-slug-4711");
  });

  it("records error codes, the outcome and rate-limit refusals", async () => {
    const server = observedServer();
    await server.post({ query: "query Broken { noSuchField }" });
    await server.post({ query: "{ countries(first: 1) { totalCount } }" }, { "x-test-refuse": "1" });
    const [broken, refused] = server.requestLines();
    expect(broken).toMatchObject({ operationName: "Broken", status: 400, outcome: "error", errorCodes: ["GRAPHQL_VALIDATION_FAILED"], statements: 0 });
    expect(refused).toMatchObject({ status: 429, outcome: "error", rateLimited: true, statements: 0 });
  });

  it("does not log /metrics, /health or the GraphiQL page as GraphQL requests", async () => {
    const server = observedServer();
    expect((await server.yoga.fetch("http://parley/metrics")).status).toBe(200);
    expect((await server.yoga.fetch("http://parley/health")).status).toBe(200);
    expect((await server.yoga.fetch("http://parley/graphql", { headers: { accept: "text/html" } })).status).toBe(200);
    expect(server.requestLines()).toEqual([]);
  });
});

describe("SQL statements per request", () => {
  // The default query and the cost queries cost what test/default-query.test.ts and
  // test/filtering.test.ts say. Run together, each request must still be charged its own.
  const known = [
    { name: "MeetingOverview", query: DEFAULT_QUERY, statements: DEFAULT_QUERY_STATEMENTS },
    { name: "Person", query: `query Person { person(slug: "darius-skusevicius") { name aliases { name } } }`, statements: onThisEngine({ sqlite: 2, postgres: 1 }) },
    ...COST_QUERIES.map((entry, index) => ({ name: `Cost${index}`, query: `query Cost${index} ${entry.query}`, statements: entry.statements })),
  ];
  const expected = (name: unknown) => known.find((entry) => entry.name === name)!.statements;

  it("are attributed to the request that caused them, under concurrency", async () => {
    const server = observedServer();
    // Each distinct query four times, all at once (the root findMany of the cost queries is never
    // batched; the two findUnique roots are on different models).
    const concurrent = [...known, ...known.slice(2), ...known.slice(2), ...known.slice(2)];
    const { statements } = await logStatements(() => Promise.all(concurrent.map((entry) => server.post({ query: entry.query }))));
    const lines = server.requestLines();
    expect(lines).toHaveLength(concurrent.length);
    for (const line of lines) {
      expect(line.outcome).toBe("ok");
      expect(line.statements, String(line.operationName)).toBe(expected(line.operationName));
    }
    expect(lines.reduce((sum, line) => sum + (line.statements as number), 0)).toBe(statements.length);
  });

  it("still find Prisma's findUnique queue where src/observability/statement-count.ts expects it", () => {
    expect(requestContextKept).toBe(true);
  });

  it("charge statements Prisma shares between requests to one of them", async () => {
    // Prisma merges findUnique calls of the same shape made in the same tick, across requests:
    // identical concurrent requests may share one set of statements. Nothing is counted twice.
    const server = observedServer();
    const { statements } = await logStatements(() => Promise.all([1, 2, 3].map(() => server.post({ query: DEFAULT_QUERY }))));
    const counts = server.requestLines().map((line) => line.statements as number);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(statements.length);
    expect(counts.every((count) => count === 0 || count === DEFAULT_QUERY_STATEMENTS)).toBe(true);
  });

  it("are in each response's extensions under DEBUG_STATEMENTS, and only then", async () => {
    const { yoga: debugging, db: debuggingDb } = await importConfiguredServer({ DEBUG_STATEMENTS: "true" });
    const sent: string[] = [];
    debuggingDb.$on("query", (event) => sent.push(event.query));
    const post = (server: typeof parleyYoga) =>
      server.fetch("http://parley/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: DEFAULT_QUERY }) });
    const shown = (await (await post(debugging)).json()) as { data: unknown; extensions: { statements?: number } };
    expect(shown.data).not.toBeNull();
    expect(shown.extensions.statements).toBe(DEFAULT_QUERY_STATEMENTS);
    expect(sent).toHaveLength(DEFAULT_QUERY_STATEMENTS);
    const hidden = (await (await post(parleyYoga)).json()) as { extensions: Record<string, unknown> };
    expect(hidden.extensions).not.toHaveProperty("statements");
    await debuggingDb.$disconnect();
  });

  it("do not include work outside requests", async () => {
    const server = observedServer();
    await Promise.all([server.post({ query: "query One { countries(first: 1) { totalCount } }" }), db.country.count(), db.person.count()]);
    expect(server.requestLines()[0]!.statements).toBe(1);
  });
});

describe("GET /metrics", () => {
  afterEach(() => trackDatabasePool(undefined));

  it("serves Prometheus text without a GraphQL body, even while requests are refused", async () => {
    const server = observedServer();
    server.refuse(true);
    const response = await server.yoga.fetch("http://parley/metrics");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    expect(await response.text()).toContain("# TYPE parley_graphql_requests_total counter");
    expect((await server.post({ query: "{ __typename }" })).status).toBe(429);
  });

  it("counts requests, durations, errors, refusals and statements", async () => {
    const server = observedServer();
    await server.post({ query: DEFAULT_QUERY });
    await server.post({ query: DEFAULT_QUERY });
    await server.post({ query: "query Broken { noSuchField }" });
    await server.post({ query: "{ __typename }" });
    await server.post({ query: "{ __typename }" }, { "x-test-refuse": "1" });
    const text = await server.scrape();
    expect(sample(text, 'parley_graphql_requests_total{operation="MeetingOverview",outcome="ok"}')).toBe(2);
    expect(sample(text, 'parley_graphql_requests_total{operation="Broken",outcome="error"}')).toBe(1);
    expect(sample(text, 'parley_graphql_requests_total{operation="unnamed",outcome="ok"}')).toBe(1);
    expect(sample(text, 'parley_graphql_requests_total{operation="unnamed",outcome="error"}')).toBe(1);
    expect(sample(text, 'parley_graphql_request_duration_seconds_count{operation="MeetingOverview"}')).toBe(2);
    expect(sample(text, 'parley_graphql_request_duration_seconds_bucket{le="+Inf",operation="MeetingOverview"}')).toBe(2);
    expect(sample(text, 'parley_graphql_errors_total{code="GRAPHQL_VALIDATION_FAILED"}')).toBe(1);
    expect(sample(text, "parley_rate_limited_requests_total")).toBe(1);
    expect(sample(text, "parley_graphql_sql_statements_count")).toBe(5);
    expect(sample(text, "parley_graphql_sql_statements_sum")).toBe(2 * DEFAULT_QUERY_STATEMENTS);
    // Three requests cost nothing; the default queries cost 10 statements each on SQLite, 1 on PostgreSQL.
    expect(sample(text, 'parley_graphql_sql_statements_bucket{le="5"}')).toBe(onThisEngine({ sqlite: 3, postgres: 5 }));
    expect(sample(text, 'parley_graphql_sql_statements_bucket{le="10"}')).toBe(5);
    expect(sample(text, "process_cpu_user_seconds_total")).toBeGreaterThan(0);
    expect(text).toContain("nodejs_eventloop_lag_seconds");
    // No pool tracked (SQLite, or src/db/client.ts not handing its pool over): the gauge has no samples.
    expect(text).not.toMatch(/^parley_db_pool_connections\{/m);
  });

  it("reports the PostgreSQL pool's connections when one is tracked", async () => {
    trackDatabasePool({ totalCount: 4, idleCount: 3, waitingCount: 1 });
    const text = await observedServer().scrape();
    expect(sample(text, 'parley_db_pool_connections{state="total"}')).toBe(4);
    expect(sample(text, 'parley_db_pool_connections{state="idle"}')).toBe(3);
    expect(sample(text, 'parley_db_pool_connections{state="waiting"}')).toBe(1);
  });

  it("reports what the last full garbage collection left, and when", async () => {
    const server = observedServer();
    const before = Date.now() / 1000;
    fullGc();
    await new Promise((resolve) => setTimeout(resolve, 50)); // GC entries reach observers after the collection
    const text = await server.scrape();
    expect(sample(text, "parley_last_full_gc_timestamp_seconds")).toBeGreaterThanOrEqual(Math.floor(before));
    const rss = sample(text, 'parley_memory_after_full_gc_bytes{kind="rss"}');
    const heapUsed = sample(text, 'parley_memory_after_full_gc_bytes{kind="heap_used"}');
    expect(heapUsed).toBeGreaterThan(1e6);
    expect(rss).toBeGreaterThan(heapUsed!);
    expect(sample(text, 'parley_memory_after_full_gc_bytes{kind="external"}')).toBeGreaterThan(0);
  });

  it("keeps operation-name labels bounded", () => {
    const labels = new BoundedLabels(2);
    expect([labels.label("A"), labels.label(undefined), labels.label("B"), labels.label("C"), labels.label("A")]).toEqual([
      "A",
      "unnamed",
      "B",
      "other",
      "A",
    ]);
    expect(new BoundedLabels(10).label("N".repeat(101))).toBe("other");
  });
});

describe("the server's own wiring (src/yoga.ts)", () => {
  let response: Response;
  beforeEach(async () => {
    response = await parleyYoga.fetch("http://parley/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "wired-1" },
      body: JSON.stringify({ query: "query Wired { countries(first: 1) { totalCount } }" }),
    });
  });

  it("echoes the request id and serves /metrics", async () => {
    expect(response.headers.get("x-request-id")).toBe("wired-1");
    const metrics = await parleyYoga.fetch("http://parley/metrics");
    expect(metrics.status).toBe(200);
    expect(sample(await metrics.text(), 'parley_graphql_requests_total{operation="Wired",outcome="ok"}')).toBeGreaterThanOrEqual(1);
  });
});
