// Runs in the postgres project only (see vitest.config.ts): an outage is PostgreSQL's to have.
import { afterAll, describe, expect, it } from "vitest";
import { postQuery } from "./helpers/server-process.js";
import { useServerOnPostgres } from "./helpers/server-on-postgres.js";

describe("a PostgreSQL database that goes away while serving", () => {
  const postgres = useServerOnPostgres();
  // Runs before the helper's own clean-up (after hooks run last registered first).
  afterAll(async () => {
    const { admin, database } = postgres();
    await admin.query(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS true`);
  });

  it("fails requests with a masked SERVICE_UNAVAILABLE, and recovers by itself when it returns", async () => {
    const { server, admin, database } = postgres();
    const query = "{ meetings(first: 1) { totalCount } }";
    expect(await (await postQuery(server, query)).json()).toMatchObject({ data: { meetings: { totalCount: 2 } } });

    await admin.query(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS false`);
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [database]);
    for (let attempt = 0; attempt < 2; attempt++) {
      const body = (await (await postQuery(server, query)).json()) as { errors?: { message: string; extensions: { code: string } }[] };
      expect(body.errors?.map((error) => error.extensions.code)).toEqual(["SERVICE_UNAVAILABLE"]);
      expect(JSON.stringify(body)).not.toMatch(/57P01|terminating|prisma|\bat \S+:\d+/i);
    }
    expect((await fetch(`${server.url}/ready`)).status).toBe(503);

    await admin.query(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS true`);
    expect(await (await postQuery(server, query)).json()).toMatchObject({ data: { meetings: { totalCount: 2 } } });
    expect((await fetch(`${server.url}/ready`)).status).toBe(200);
  });
});
