// A client that goes away while its operation runs, on either engine: the operation sends no
// further statement (on PostgreSQL the running one is also cancelled: postgres-aborted-request.test.ts)
// and the request is logged and counted as aborted. The client "goes away" the moment the server
// sends the operation's first statement, so the test does not depend on how fast anything runs.
import { createYoga } from "graphql-yoga";
import { describe, expect, it } from "vitest";
import { db } from "../src/db/client.js";
import { deadlinePlugins } from "../src/guards/deadline.js";
import { createLogger } from "../src/observability/logging.js";
import { createMetrics } from "../src/observability/metrics.js";
import { observabilityPlugins } from "../src/observability/plugins.js";
import { schema } from "../src/schema/index.js";
import { COST_QUERIES } from "./helpers/cost-queries.js";
import { logStatements } from "./helpers/sql-log.js";

// Per level on both engines (ordered through a relation: src/db/join-strategy.ts).
const { query, statements: ALL_STATEMENTS } = COST_QUERIES[0]!;

function server() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ level: "info", destination: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) } });
  const metrics = createMetrics();
  const yoga = createYoga({ schema, plugins: [...observabilityPlugins({ logger, metrics }), ...deadlinePlugins()] });
  const post = (signal?: AbortSignal) =>
    yoga.fetch("http://parley/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
      body: JSON.stringify({ query: query.replace("{", "query GoesAway {") }),
      signal,
    });
  return { post, lines, scrape: async () => (await yoga.fetch("http://parley/metrics")).text() };
}

describe("a client that goes away while its operation runs", () => {
  it("sends no further statement, and is logged and counted as aborted", async () => {
    const { post, lines, scrape } = server();
    const whole = await logStatements(async () => (await post()).json());
    expect(whole.statements).toHaveLength(ALL_STATEMENTS);

    const client = new AbortController();
    const leave = () => client.abort();
    db.$on("query", () => leave());
    const aborted = await logStatements(async () => {
      try {
        await post(client.signal);
      } catch {
        // the client is gone: nobody reads the answer
      }
      // What the operation still had under way settles within a few turns of the loop.
      await new Promise((resolve) => setTimeout(resolve, 200));
    });
    expect(client.signal.aborted).toBe(true);
    expect(aborted.statements.length).toBeGreaterThanOrEqual(1);
    expect(aborted.statements.length).toBeLessThan(ALL_STATEMENTS);
    expect(lines.filter((line) => line.msg === "graphql request")).toMatchObject([
      { operationName: "GoesAway", outcome: "ok" },
      { operationName: "GoesAway", outcome: "aborted" },
    ]);
    expect(await scrape()).toContain('parley_graphql_requests_total{operation="GoesAway",outcome="aborted"} 1');
  });
});
