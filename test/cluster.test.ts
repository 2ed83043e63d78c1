// WEB_CONCURRENCY (src/http/cluster.ts): the real server as a primary and two workers sharing the
// port. Which process answered a request is read from its log line (pino writes each process's
// pid), found by the x-request-id the test sends. Nothing here depends on how fast the machine is:
// the waits are for lines in the output, bounded only by generous deadlines.
import { execFileSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, writeSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseUrl, isPostgresUrl } from "../src/db/url.js";
import { startServer, type ServerProcess } from "./helpers/server-process.js";

const START_TIMEOUT_MS = 120_000;

/** Resolves with the first match of `pattern` in the output from `from` on, or rejects if the process exits first. */
async function untilOutput(server: ServerProcess, pattern: RegExp, from = 0, timeoutMs = START_TIMEOUT_MS): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = server.output().slice(from).match(pattern);
    if (found) return found;
    if (server.child.exitCode !== null) throw new Error(`server exited: ${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no ${pattern} within ${timeoutMs} ms: ${server.output()}`);
}

const workerPids = (output: string) => [...output.matchAll(/Parley worker \d+ \(pid (\d+)\) ready/g)].map(([, pid]) => Number(pid));

let lastRequestId = 0;

/** A GET on a connection of its own (the primary hands out connections, not requests). */
function get(server: ServerProcess, path: string, requestId = `cluster-test-${++lastRequestId}`): Promise<{ status: number; body: string; requestId: string }> {
  return new Promise((resolve, reject) => {
    const sent = request(`${server.url}${path}`, { agent: false, headers: { accept: "application/graphql-response+json", "x-request-id": requestId } }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode!, body, requestId }));
    });
    sent.on("error", reject);
    sent.end();
  });
}

const query = (server: ServerProcess, text: string) => get(server, `/graphql?query=${encodeURIComponent(text)}`);

/** The pid that logged the request with this id. */
async function servedBy(server: ServerProcess, requestId: string): Promise<number> {
  const line = await untilOutput(server, new RegExp(`^\\{.*"requestId":"${requestId}".*$`, "m"));
  return (JSON.parse(line[0]) as { pid: number }).pid;
}

/** Which workers answer `count` queries, each on a new connection. */
async function pidsServing(server: ServerProcess, count: number): Promise<Set<number>> {
  const pids = new Set<number>();
  for (let i = 0; i < count; i++) {
    const { status, requestId } = await query(server, "{ meetings(first: 1) { totalCount } }");
    expect(status).toBe(200);
    pids.add(await servedBy(server, requestId));
  }
  return pids;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The worker processes of a primary: its children running src/server.ts (tsx may keep an esbuild service as another child). */
function workersOf(pid: number): number[] {
  try {
    return execFileSync("pgrep", ["-P", String(pid), "-f", "src/server\\.ts"], { encoding: "utf8" }).trim().split("\n").map(Number);
  } catch {
    return []; // pgrep exits 1 when there are none
  }
}

describe("WEB_CONCURRENCY=2", () => {
  let server: ServerProcess;
  let sent = 0;
  beforeAll(async () => {
    server = await startServer(databaseUrl(), { WEB_CONCURRENCY: "2", LOG_LEVEL: "info" });
    await untilOutput(server, /Parley ready in \d+ ms: 2 workers, GraphiQL at http:\/\/localhost:\d+\/graphql/);
  }, START_TIMEOUT_MS);
  afterAll(() => {
    // Workers end with the primary (node:cluster's IPC channel closes).
    server.child.kill("SIGKILL");
  });

  it("prepares the database once, warns that rate limits are per worker, and starts two workers", () => {
    expect(server.output().match(/WEB_CONCURRENCY=2 without REDIS_URL/g)).toHaveLength(1);
    expect(new Set(workerPids(server.output())).size).toBe(2);
    expect(workerPids(server.output())).not.toContain(server.child.pid);
  });

  it("hands connections to both workers, and a cursor one of them signed works on the other", async () => {
    const workers = new Set(workerPids(server.output()));
    expect(await pidsServing(server, 4)).toEqual(workers);
    sent += 4;

    const first = await query(server, "{ meetings(first: 1) { pageInfo { endCursor } } }");
    sent += 1;
    const signer = await servedBy(server, first.requestId);
    const cursor = (JSON.parse(first.body) as { data: { meetings: { pageInfo: { endCursor: string } } } }).data.meetings.pageInfo.endCursor;
    for (let attempt = 0; attempt < 10; attempt++) {
      const next = await query(server, `{ meetings(first: 1, after: ${JSON.stringify(cursor)}) { edges { cursor } } }`);
      sent += 1;
      expect(JSON.parse(next.body)).not.toHaveProperty("errors");
      if ((await servedBy(server, next.requestId)) !== signer) return;
    }
    throw new Error("the next page was never served by the other worker");
  });

  it("answers /metrics with the sum of both workers' counts, whichever worker is asked", async () => {
    const total = (text: string) =>
      [...text.matchAll(/^parley_graphql_requests_total\{[^}]*\} (\d+)$/gm)].reduce((sum, [, value]) => sum + Number(value), 0);
    const scrapes = await Promise.all([get(server, "/metrics"), get(server, "/metrics")]);
    for (const scrape of scrapes) {
      expect(scrape.status).toBe(200);
      expect(total(scrape.body)).toBe(sent);
    }
    expect((await get(server, "/ready")).status).toBe(200);
  });

  it("replaces a worker that is killed", async () => {
    const [victim, survivor] = workerPids(server.output());
    const before = server.output().length;
    process.kill(victim!, "SIGKILL");
    await untilOutput(server, new RegExp(`Parley worker \\d+ \\(pid ${victim}\\) was killed by SIGKILL; starting another`), before);
    const replacement = Number((await untilOutput(server, /Parley worker \d+ \(pid (\d+)\) ready/, before))[1]);
    expect([victim, survivor]).not.toContain(replacement);
    expect(await pidsServing(server, 4)).toEqual(new Set([survivor, replacement]));
  });

  it("stops every worker on SIGTERM, each draining as one process does, and exits 0", async () => {
    const workers = workersOf(server.child.pid!);
    expect(workers).toHaveLength(2);
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    expect(server.output().match(/Parley worker \d+ \(pid \d+\) stopped on SIGTERM in \d+ ms/g)).toHaveLength(2);
    expect(server.output()).toMatch(/Parley stopped in \d+ ms\n/);
    expect(workers.filter(isRunning)).toEqual([]);
  });
});

describe("workers that keep dying", () => {
  it("are not replaced in a loop: the primary gives up, stops the rest and exits 1", async () => {
    const server = await startServer(databaseUrl(), { WEB_CONCURRENCY: "2" });
    try {
      await untilOutput(server, /Parley ready in \d+ ms: 2 workers/);
      // Every worker killed as soon as it appears: more than five ends within a minute.
      const killed = new Set<number>();
      while (server.child.exitCode === null) {
        for (const pid of workersOf(server.child.pid!)) {
          if (killed.has(pid)) continue;
          killed.add(pid);
          try {
            process.kill(pid, "SIGKILL");
          } catch {
            // stopped by the primary meanwhile
          }
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(await server.exited).toBe(1);
      // The sixth end makes the primary give up; the worker forked after the fifth may be killed by either.
      expect(killed.size).toBeGreaterThanOrEqual(6);
      expect(server.output()).toMatch(/Parley stops: Parley worker \d+ \(pid \d+\) was killed by SIGKILL, the 6th worker to end within 60 s/);
      expect(server.output()).toMatch(/Parley stopped in \d+ ms: a worker failed/);
    } finally {
      server.child.kill("SIGKILL");
    }
  }, START_TIMEOUT_MS);
});

describe.skipIf(isPostgresUrl(databaseUrl()))("a damaged SQLite file", () => {
  it("is reported by every worker's /ready, as the primary found it at start-up", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "parley-cluster-damaged-")), "parley.db");
    const source = new Database(databaseUrl().slice("file:".length), { readonly: true });
    await source.backup(file);
    source.close();
    // The first page of a table's b-tree overwritten, as a torn write would (test/damaged-database.test.ts).
    const sqlite = new Database(file);
    const { pageno, pageSize } = sqlite
      .prepare("SELECT pageno, (SELECT page_size FROM pragma_page_size) AS pageSize FROM dbstat WHERE name = 'SearchTerm' ORDER BY pageno LIMIT 1")
      .get() as { pageno: number; pageSize: number };
    sqlite.close();
    const fd = openSync(file, "r+");
    writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (pageno - 1) * pageSize);
    closeSync(fd);

    const server = await startServer(`file:${file}`, { WEB_CONCURRENCY: "2" });
    try {
      await untilOutput(server, /Parley ready in \d+ ms: 2 workers/);
      const answers = await Promise.all([get(server, "/ready"), get(server, "/ready")]);
      for (const { status, body } of answers) {
        expect(status).toBe(503);
        expect(JSON.parse(body)).toEqual({ status: "unavailable", reason: expect.stringMatching(/^database file damaged: /) });
      }
    } finally {
      server.child.kill("SIGKILL");
    }
  }, START_TIMEOUT_MS);
});
