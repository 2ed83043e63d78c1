// The real server process on a PostgreSQL database of its own, with an administrator connection to
// the `postgres` database beside it: for tests in which the database goes away under the server
// (terminated connections, an outage, a dropped database). Registers its own hooks; call it inside
// a describe block and read the pieces inside the tests.
import { afterAll, beforeAll } from "vitest";
import pg from "pg";
import { createTempDb } from "./temp-db.js";
import { startServer, whenListening, type ServerProcess } from "./server-process.js";

export interface ServerOnPostgres {
  temp: Awaited<ReturnType<typeof createTempDb>>;
  server: ServerProcess;
  /** Connected to the `postgres` database, so that it survives what happens to the server's. */
  admin: pg.Client;
  /** The name of the server's database. */
  database: string;
}

export function useServerOnPostgres(): () => ServerOnPostgres {
  let state: ServerOnPostgres | undefined;
  beforeAll(async () => {
    const temp = await createTempDb();
    const server = await startServer(temp.url);
    await whenListening(server);
    const adminUrl = new URL(temp.url);
    adminUrl.pathname = "/postgres";
    const admin = new pg.Client({ connectionString: adminUrl.toString() });
    await admin.connect();
    state = { temp, server, admin, database: new URL(temp.url).pathname.slice(1) };
  });
  afterAll(async () => {
    await state?.admin.end();
    state?.server.child.kill("SIGKILL");
    await state?.temp.dispose();
  });
  return () => {
    if (!state) throw new Error("the server on PostgreSQL is not started yet (use it inside a test)");
    return state;
  };
}
