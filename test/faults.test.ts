import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { yoga } from "../src/yoga.js";
import { databaseUrl } from "../src/database-url.js";
import { createDatabase, dropDatabase } from "./helpers/databases.js";
import { postQuery, startServer, whenListening, type ServerProcess } from "./helpers/server-process.js";

describe("health and readiness", () => {
  it("answers /health while the process is up", async () => {
    const response = await yoga.fetch("http://parley/health");
    expect(response.status).toBe(200);
  });

  it("answers /ready once the database is reachable and fully migrated", async () => {
    const response = await yoga.fetch("http://parley/ready");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ready" });
  });
});

describe("start-up", () => {
  it("exits with one line naming the host when the database is unreachable", async () => {
    const server = await startServer("postgresql://root@127.0.0.1:1/nowhere");
    expect(await server.exited).toBe(1);
    const lines = server.output().trim().split("\n").filter((line) => !line.startsWith(">") && line.trim() !== "");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Parley could not start: cannot reach PostgreSQL at 127\.0\.0\.1:1\/nowhere/);
  });
});

describe("a server started on an empty database", () => {
  let url: string;
  let server: ServerProcess;
  beforeAll(async () => {
    url = await createDatabase(databaseUrl());
    server = await startServer(url);
    await whenListening(server, 60_000);
  });
  afterAll(async () => {
    server.child.kill("SIGKILL");
    await dropDatabase(url);
  });

  it("migrated and seeded it by itself", () => {
    expect(server.output()).toMatch(/applied \d+ migration\(s\)/);
    expect(server.output()).toMatch(/database was empty: seeded \d+ records/);
  });

  it("finishes in-flight requests on SIGTERM, then exits 0", async () => {
    const inFlight = postQuery(server, "{ meetings(first: 2) { totalCount edges { node { title } } } }");
    await new Promise((resolve) => setTimeout(resolve, 20));
    server.child.kill("SIGTERM");
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ data: { meetings: { totalCount: 2 } } });
    expect(await server.exited).toBe(0);
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
  });
});
