// Runs in the postgres project only (see vitest.config.ts). The server's database is dropped under
// it, then recreated empty: neither is a bug of the server (INTERNAL_SERVER_ERROR) but the database
// being unavailable, which clients retry (SERVICE_UNAVAILABLE) and /ready reports.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { migrateDatabase } from "../src/db/migrate.js";
import { createTempDb } from "./helpers/temp-db.js";
import { postQuery, startServer, whenListening, type ServerProcess } from "./helpers/server-process.js";

const QUERY = "{ meetings(first: 1) { totalCount } }";

describe("a PostgreSQL database dropped, then recreated, under the server", () => {
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
    await admin?.end();
    server?.child.kill("SIGKILL");
    await temp?.dispose();
  });

  const unavailable = async () => {
    const body = (await (await postQuery(server, QUERY)).json()) as { errors?: { extensions: { code: string } }[] };
    expect(body.errors?.map((error) => error.extensions.code)).toEqual(["SERVICE_UNAVAILABLE"]);
    expect(JSON.stringify(body)).not.toMatch(/3D000|42P01|does not exist|prisma|\bat \S+:\d+/i);
  };

  it("answers SERVICE_UNAVAILABLE while it is gone or empty, and serves again once it is migrated", async () => {
    expect(await (await postQuery(server, QUERY)).json()).toMatchObject({ data: { meetings: { totalCount: 2 } } });
    // The server's session is still with the database: the termination must not crash it either.
    await temp.db.$disconnect();

    await admin.query(`DROP DATABASE "${name()}" WITH (FORCE)`);
    for (let attempt = 0; attempt < 2; attempt++) await unavailable();
    expect((await fetch(`${server.url}/ready`)).status).toBe(503);

    await admin.query(`CREATE DATABASE "${name()}"`);
    for (let attempt = 0; attempt < 2; attempt++) await unavailable();
    expect((await fetch(`${server.url}/ready`)).status).toBe(503);

    migrateDatabase(temp.url);
    // The migration blocked this process for longer than the server keeps an idle connection:
    // let fetch see that connection closed rather than send on it.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await (await postQuery(server, QUERY)).json()).toMatchObject({ data: { meetings: { totalCount: 0 } } });
    expect(server.child.exitCode).toBeNull();
  });
});
