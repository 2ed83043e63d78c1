// Runs in the postgres project only (see vitest.config.ts). A client that goes away while its
// operation waits on the database: the statement is cancelled on the server at once, not left to
// run to completion, and the request is logged as aborted. The statement is held up by a lock the
// test takes, so what the test waits for is the cancellation, not the machine's speed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { createTempDb } from "./helpers/temp-db.js";
import { startServer, whenListening, type ServerProcess } from "./helpers/server-process.js";

describe("a client that goes away while its operation waits on PostgreSQL", () => {
  let temp: Awaited<ReturnType<typeof createTempDb>>;
  let server: ServerProcess;
  let locker: pg.Client;
  const database = () => new URL(temp.url).pathname.slice(1);

  beforeAll(async () => {
    temp = await createTempDb();
    server = await startServer(temp.url, { LOG_LEVEL: "info" });
    await whenListening(server);
    locker = new pg.Client({ connectionString: temp.url });
    await locker.connect();
  });
  afterAll(async () => {
    await locker?.end();
    server?.child.kill("SIGKILL");
    await temp?.dispose();
  });

  /** The server's statements waiting for the test's lock. */
  const waiting = async () =>
    Number(
      (
        await locker.query(
          "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'",
          [database()],
        )
      ).rows[0].n,
    );

  async function until(condition: () => Promise<boolean>, what: string) {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      if (await condition()) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`gave up waiting for ${what}`);
  }

  it("cancels the statement on the server and logs the request as aborted", async () => {
    await locker.query("BEGIN");
    await locker.query('LOCK TABLE "Meeting" IN ACCESS EXCLUSIVE MODE');
    try {
      const client = new AbortController();
      const request = fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-request-id": "goes-away-1" },
        body: JSON.stringify({ query: "query GoesAway { meetings(first: 1) { totalCount } }" }),
        signal: client.signal,
      }).catch((error: Error) => error.name);
      await until(async () => (await waiting()) > 0, "the server's statement to wait on the lock");
      client.abort();
      expect(await request).toBe("AbortError");
      // Still holding the lock: only a cancel from the server can end the wait.
      await until(async () => (await waiting()) === 0, "the server to cancel its statement");
    } finally {
      await locker.query("ROLLBACK");
    }
    await until(async () => server.output().includes('"requestId":"goes-away-1"'), "the request's log line");
    const line = JSON.parse(server.output().split("\n").find((text) => text.includes('"requestId":"goes-away-1"'))!) as Record<string, unknown>;
    expect(line).toMatchObject({ operationName: "GoesAway", outcome: "aborted" });
  });
});
