import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { yoga } from "../src/yoga.js";
import { databaseUrl } from "../src/db/url.js";
import { createDatabase, dropDatabase } from "./helpers/databases.js";
import { closedWithin, get, openSocket, readResponse } from "./helpers/raw-http.js";
import { startServer, whenListening, type ServerProcess } from "./helpers/server-process.js";

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

  it("drains on SIGTERM: /ready 503 at once, new connections refused, idle sockets closed, in-flight requests finished, exit 0", async () => {
    const port = Number(new URL(server.url).port);
    // An idle keep-alive connection; a load balancer's /ready probe whose request is on its way
    // (half its headers sent); a query in flight (headers and half its body sent). The rest of
    // both follows the signal.
    const idle = await openSocket(port);
    idle.write(get("/health"));
    expect((await readResponse(idle)).status).toBe(200);
    const prober = await openSocket(port);
    prober.write("GET /ready HTTP/1.1\r\nHost: parley\r\n");
    const body = JSON.stringify({ query: "{ meetings(first: 2) { totalCount edges { node { title } } } }" });
    const inFlight = await openSocket(port);
    inFlight.write(
      `POST /graphql HTTP/1.1\r\nHost: parley\r\nContent-Type: application/json\r\nAccept: application/graphql-response+json\r\nContent-Length: ${body.length}\r\n\r\n`,
    );
    inFlight.write(body.slice(0, 20));
    const inFlightResponse = readResponse(inFlight);
    const idleClosed = closedWithin(idle);
    await new Promise((resolve) => setTimeout(resolve, 100));

    const signalled = performance.now();
    const exitedAfter = server.exited.then((code) => ({ code, ms: performance.now() - signalled }));
    server.child.kill("SIGTERM");
    expect(await idleClosed).toBeLessThan(1_000);
    prober.write("Connection: keep-alive\r\n\r\n");
    const ready = await readResponse(prober);
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.body)).toEqual({ status: "unavailable", reason: "shutting down" });
    expect(ready.headers.connection).toBe("close");
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();

    inFlight.write(body.slice(20));
    const response = await inFlightResponse;
    expect(response.status).toBe(200);
    expect(response.headers.connection).toBe("close");
    expect(JSON.parse(response.body)).toMatchObject({ data: { meetings: { totalCount: 2 } } });
    const exit = await exitedAfter;
    expect(exit.code).toBe(0);
    expect(exit.ms).toBeLessThan(10_000);
    expect(server.output()).toMatch(/Parley stopped on SIGTERM in \d+ ms/);
    console.log(`SIGTERM with a request in flight: exit 0 after ${exit.ms.toFixed(0)} ms (${server.output().match(/stopped on SIGTERM in \d+ ms/)?.[0]})`);
  });
});

describe("a request still running when SHUTDOWN_GRACE_MS runs out", () => {
  it("is cut on SIGINT, and the process exits 1 within the grace period", async () => {
    const server = await startServer(databaseUrl(), { SHUTDOWN_GRACE_MS: "1500" });
    try {
      await whenListening(server);
      // A body that never finishes: the request stays in flight.
      const stuck = await openSocket(Number(new URL(server.url).port));
      stuck.write("POST /graphql HTTP/1.1\r\nHost: parley\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{");
      const stuckClosed = closedWithin(stuck);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const signalled = performance.now();
      server.child.kill("SIGINT");
      expect(await server.exited).toBe(1);
      const ms = performance.now() - signalled;
      expect(ms).toBeGreaterThan(1_000);
      expect(ms).toBeLessThan(1_500 + 500);
      await stuckClosed;
      expect(server.output()).toMatch(/Parley stopped on SIGINT: requests still running after \d+ ms were cut/);
    } finally {
      server.child.kill("SIGKILL");
    }
  });
});
