// Runs in the postgres project only (see vitest.config.ts). The server's database is dropped under
// it, then recreated empty: neither is a bug of the server (INTERNAL_SERVER_ERROR) but the database
// being unavailable, which clients retry (SERVICE_UNAVAILABLE) and /ready reports.
import { describe, expect, it } from "vitest";
import { migrateDatabase } from "../src/db/migrate.js";
import { postQuery } from "./helpers/server-process.js";
import { useServerOnPostgres } from "./helpers/server-on-postgres.js";

const QUERY = "{ meetings(first: 1) { totalCount } }";

describe("a PostgreSQL database dropped, then recreated, under the server", () => {
  const postgres = useServerOnPostgres();

  const unavailable = async () => {
    const body = (await (await postQuery(postgres().server, QUERY)).json()) as { errors?: { extensions: { code: string } }[] };
    expect(body.errors?.map((error) => error.extensions.code)).toEqual(["SERVICE_UNAVAILABLE"]);
    expect(JSON.stringify(body)).not.toMatch(/3D000|42P01|does not exist|prisma|\bat \S+:\d+/i);
  };

  it("answers SERVICE_UNAVAILABLE while it is gone or empty, and serves again once it is migrated", async () => {
    const { server, admin, temp, database } = postgres();
    expect(await (await postQuery(server, QUERY)).json()).toMatchObject({ data: { meetings: { totalCount: 2 } } });
    // The server's session is still with the database: the termination must not crash it either.
    await temp.db.$disconnect();

    await admin.query(`DROP DATABASE "${database}" WITH (FORCE)`);
    for (let attempt = 0; attempt < 2; attempt++) await unavailable();
    expect((await fetch(`${server.url}/ready`)).status).toBe(503);

    await admin.query(`CREATE DATABASE "${database}"`);
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
