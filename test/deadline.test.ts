// The operation deadline (src/guards/deadline.ts) on the real Yoga server, with OPERATION_TIMEOUT_MS set
// below what a genuinely slower query takes, and the database work behind it cancelled (src/db/client.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_QUERY } from "../src/graphiql/default-query.js";
import { DatabaseWorkCancelled, db, runCancellable } from "../src/db/client.js";
import { yoga } from "../src/yoga.js";
import { importConfiguredServer } from "./helpers/configured-server.js";
import { logStatements } from "./helpers/sql-log.js";

type Yoga = typeof yoga;

const post = async (server: Yoga, query: string, accept = "application/graphql-response+json") =>
  await server.fetch("http://parley/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept },
    body: JSON.stringify({ query }),
  });

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await work();
  return { result, ms: performance.now() - start };
}

describe("an operation slower than OPERATION_TIMEOUT_MS", () => {
  // The walk GraphiQL opens on: six levels, each one SQL statement (ten in all) issued after the
  // previous level returned, each a round trip through Prisma's query interpreter and the driver
  // adapter: several milliseconds of execution on any machine, against a deadline of one.
  let control: { ms: number; statements: number };
  const deadlineMs = 1;
  let short: Awaited<ReturnType<typeof importConfiguredServer>>;

  beforeAll(async () => {
    const runs = [];
    for (let run = 0; run < 4; run++) {
      const { result, ms } = await timed(() => logStatements(async () => (await post(yoga, DEFAULT_QUERY)).json()));
      expect(result.result).not.toHaveProperty("errors");
      runs.push({ ms, statements: result.statements.length });
    }
    control = runs.slice(1).reduce((fastest, run) => (run.ms < fastest.ms ? run : fastest));
    short = await importConfiguredServer({ OPERATION_TIMEOUT_MS: String(deadlineMs) });
    // Warm the copy's caches (parse, validation, Prisma's query plans) with a query it can finish.
    await post(short.yoga, "{ meetings(first: 1) { totalCount } }");
  });
  afterAll(async () => {
    await short.db.$disconnect();
  });

  it("ends with one TIMEOUT error and 504, without waiting for the query, and sends no more SQL", async () => {
    const statements: string[] = [];
    short.db.$on("query", (event) => statements.push(event.query));
    const { result: response, ms } = await timed(() => post(short.yoga, DEFAULT_QUERY));
    expect(response.status).toBe(504);
    expect(response.headers.get("content-type")).toMatch(/^application\/graphql-response\+json/);
    const body = (await response.json()) as Record<string, unknown>;
    // (Other plugins may add their own top-level extensions, cost and rate limits.)
    expect(body).not.toHaveProperty("data");
    expect(body.errors).toEqual([
      { message: `The operation did not finish within ${deadlineMs} ms and was stopped.`, extensions: { code: "TIMEOUT" } },
    ]);
    // The answer comes at the deadline, not when the query would have finished: it was sent before
    // the query's statements were. (Not a wall-time comparison: on a fast machine the whole query
    // takes about as long as parsing and validating it, 11 ms against 15 here.)
    expect(statements.length).toBeLessThan(control.statements);
    // Resolvers still running at the deadline may have had a statement in flight; none starts after.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(statements.length).toBeLessThan(control.statements);
    console.log(
      `deadline ${deadlineMs} ms: TIMEOUT after ${ms.toFixed(1)} ms (overshoot ${(ms - deadlineMs).toFixed(1)} ms, parse and validation included); ` +
        `${statements.length} of ${control.statements} statements sent (the whole query takes ${control.ms.toFixed(1)} ms)`,
    );
  });

  it("answers 200 with the same body to a legacy application/json client, as the spec asks", async () => {
    const response = await post(short.yoga, DEFAULT_QUERY, "application/json");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: "TIMEOUT" } }] });
  });

  it("leaves quick operations alone", async () => {
    const response = await post(short.yoga, "{ __typename }");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ data: { __typename: "Query" } });
  });
});

describe("runCancellable", () => {
  it("sends no statement for work whose signal has aborted", async () => {
    const { result, statements } = await logStatements(() =>
      // Prisma's queries are lazy: they run when awaited, so the await belongs inside.
      runCancellable(AbortSignal.abort(new Error("past the deadline")), async () => await db.meeting.count()).then(
        () => "ran",
        (error: unknown) => error,
      ),
    );
    expect(statements).toEqual([]);
    expect(String(result)).toMatch(/database work cancelled/);
    let cause: unknown = result;
    while (cause && !(cause instanceof DatabaseWorkCancelled)) cause = (cause as { cause?: unknown }).cause;
    // Prisma rethrows the adapter's error; the cancellation shows at least in its message.
    expect(cause instanceof DatabaseWorkCancelled || /database work cancelled/.test(String(result))).toBe(true);
  });

  it("lets work under a live signal run as usual", async () => {
    const controller = new AbortController();
    expect(await runCancellable(controller.signal, async () => await db.meeting.count())).toBe(2);
  });
});
