// Runs in the postgres project only (see vitest.config.ts): cancelling statements on the server,
// statement_timeout, the pool size and a full pool are PostgreSQL's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { databaseUrl } from "../src/db/url.js";
import { db, runCancellable } from "../src/db/client.js";
import { importConfiguredServer } from "./helpers/configured-server.js";

let admin: pg.Client;
beforeAll(async () => {
  admin = new pg.Client({ connectionString: databaseUrl() });
  await admin.connect();
});
afterAll(() => admin.end());

const running = async (marker: string) =>
  Number(
    (
      await admin.query(
        "SELECT count(*) AS n FROM pg_stat_activity WHERE state = 'active' AND query LIKE $1 AND pid <> pg_backend_pid()",
        [`%${marker}%`],
      )
    ).rows[0].n,
  );

async function untilRunning(marker: string, count: number): Promise<void> {
  for (let attempt = 0; attempt < 100 && (await running(marker)) < count; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(await running(marker)).toBe(count);
}

const errorText = (error: unknown) => JSON.stringify(error, Object.getOwnPropertyNames(error)) + String(error);

describe("cancelling database work on PostgreSQL", () => {
  it("bounds every statement of the server's pool by statement_timeout = OPERATION_TIMEOUT_MS", async () => {
    expect(await db.$queryRawUnsafe("SHOW statement_timeout")).toEqual([{ statement_timeout: "10s" }]);
  });

  it("cancels a running statement on the server when its work is cancelled", async () => {
    const controller = new AbortController();
    const work = runCancellable(controller.signal, async () => await db.$queryRawUnsafe("SELECT pg_sleep(9.123)::text"));
    const failure = work.then(
      () => undefined,
      (error: unknown) => error,
    );
    await untilRunning("pg_sleep(9.123)", 1);
    const aborted = performance.now();
    controller.abort(new Error("deadline"));
    const error = await failure;
    const ms = performance.now() - aborted;
    expect(errorText(error)).toMatch(/57014|canceling statement due to user request/);
    expect(ms).toBeLessThan(2_000);
    expect(await running("pg_sleep(9.123)")).toBe(0);
    console.log(`pg_sleep(9.123) cancelled ${ms.toFixed(0)} ms after the abort`);
    // The connection went back to the pool in working order.
    expect(await db.$queryRawUnsafe("SELECT 1::int AS one")).toEqual([{ one: 1 }]);
  });

  it("lets statement_timeout stop a statement run outside any cancellable work", async () => {
    const server = await importConfiguredServer({ OPERATION_TIMEOUT_MS: "300" });
    try {
      const started = performance.now();
      const error = await server.db.$queryRawUnsafe("SELECT pg_sleep(5)::text").then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(errorText(error)).toMatch(/canceling statement due to statement timeout/);
      expect(performance.now() - started).toBeLessThan(2_000);
    } finally {
      await server.db.$disconnect();
    }
  });
});

describe("a full pool (DATABASE_POOL_MAX) while PostgreSQL is healthy", () => {
  it("holds DATABASE_POOL_MAX connections, then answers SERVER_BUSY (503, Retry-After), not SERVICE_UNAVAILABLE", async () => {
    const server = await importConfiguredServer({ DATABASE_POOL_MAX: "2" });
    try {
      await server.db.$queryRawUnsafe("SELECT 1");
      // Both connections busy for longer than the 2 s a checkout waits.
      // (Prisma's queries are lazy: Promise.all is what sends them.)
      const holds = Promise.all([1, 2].map(() => server.db.$queryRawUnsafe("SELECT pg_sleep(4.567)::text")));
      await untilRunning("pg_sleep(4.567)", 2);
      const started = performance.now();
      const response = await server.yoga.fetch("http://parley/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
        body: JSON.stringify({ query: "{ meetings(first: 1) { totalCount } }" }),
      });
      const ms = performance.now() - started;
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("1");
      const body = (await response.json()) as Record<string, unknown>;
      expect(body).not.toHaveProperty("data");
      expect(body.errors).toEqual([{ message: "The server is busy; retry shortly.", extensions: { code: "SERVER_BUSY" } }]);
      // It waited for a connection the whole connect timeout, not longer.
      expect(ms).toBeGreaterThan(1_900);
      expect(ms).toBeLessThan(3_000);
      await holds;
      // Once connections are free again, the same query succeeds.
      const again = await server.yoga.fetch("http://parley/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
        body: JSON.stringify({ query: "{ meetings(first: 1) { totalCount } }" }),
      });
      expect(await again.json()).toMatchObject({ data: { meetings: { totalCount: 2 } } });
    } finally {
      await server.db.$disconnect();
    }
  });
});
