// Runs in the postgres project only (see vitest.config.ts): an outage is PostgreSQL's to have.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { createTempDb } from "./helpers/temp-db.js";
import { postQuery, startServer, whenListening, type ServerProcess } from "./helpers/server-process.js";

describe("a PostgreSQL database that goes away while serving", () => {
  let temp: Awaited<ReturnType<typeof createTempDb>>;
  let server: ServerProcess;
  let admin: pg.Client;
  const name = () => new URL(temp.url).pathname.slice(1);

  beforeAll(async () => {
    temp = await createTempDb();
    server = await startServer(temp.url);
    await whenListening(server);
    const adminUrl = new URL(temp.url);
    adminUrl.pathname = "/postgres";
    admin = new pg.Client({ connectionString: adminUrl.toString() });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.query(`ALTER DATABASE "${name()}" ALLOW_CONNECTIONS true`);
    await admin.end();
    server.child.kill("SIGKILL");
    await temp.dispose();
  });

  it("fails requests with a masked SERVICE_UNAVAILABLE, and recovers by itself when it returns", async () => {
    const query = "{ meetings(first: 1) { totalCount } }";
    expect(await (await postQuery(server, query)).json()).toMatchObject({ data: { meetings: { totalCount: 2 } } });

    await admin.query(`ALTER DATABASE "${name()}" ALLOW_CONNECTIONS false`);
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [name()]);
    for (let attempt = 0; attempt < 2; attempt++) {
      const body = (await (await postQuery(server, query)).json()) as { errors?: { message: string; extensions: { code: string } }[] };
      expect(body.errors?.map((error) => error.extensions.code)).toEqual(["SERVICE_UNAVAILABLE"]);
      expect(JSON.stringify(body)).not.toMatch(/57P01|terminating|prisma|\bat \S+:\d+/i);
    }
    expect((await fetch(`${server.url}/ready`)).status).toBe(503);

    await admin.query(`ALTER DATABASE "${name()}" ALLOW_CONNECTIONS true`);
    expect(await (await postQuery(server, query)).json()).toMatchObject({ data: { meetings: { totalCount: 2 } } });
    expect((await fetch(`${server.url}/ready`)).status).toBe(200);
  });
});
