// `npm run attack`: replays a set of hostile request patterns against the production build of the
// server, on loopback only, and reports what each did to it, so that a change to the server's
// limits shows up as a change in these numbers. Each attack is bounded (seconds, requests,
// concurrency; every request has a client timeout). For each one it prints the latency of /health
// (probed every 50 ms from a worker thread of its own, so the attacker's own work does not count),
// the server's RSS before and after, and the attack's responses by HTTP status, by each
// `extensions.code` in their bodies, and by network failure (reset, timeout...).
//
// It asserts nothing about the codes: the server's limits are still being added, so an attack
// answered 200 with data today is a finding for the output, not a failure of the run. It exits 1
// only when an attack's /health p99 reaches 250 ms, the RSS after the whole run reaches 1.5 × its
// start, or the server died.
//
// The server gets RATE_LIMIT_POINTS=1e9 (ATTACK_RATE_LIMIT_POINTS): otherwise the rate limiter would
// refuse most of each attack with 429 and the run would measure the limiter, not what the server
// does with a request it accepts.
//
// Each engine's server first gets 15 s of ordinary traffic (see warmUp), then its RSS is taken as
// the start, once the server has collected that traffic's garbage (see settledMemory); the end is
// taken the same way after the last attack. SQLite first, on a fresh file in a temporary folder (the server migrates and seeds it), attacks
// 4–10. Then PostgreSQL, when ATTACK_POSTGRES_URL (default postgresql://root@127.0.0.1:5432/postgres)
// answers: a database of its own, parley_attack_<pid>, dropped at the end; attack 1 only, or all of
// them with ATTACK_POSTGRES_ALL=1.
//
// Settings: ATTACK_BUILD=0 skips `npm run build`; ATTACK_SERVER=tsx runs src/server.ts through tsx
// instead of dist/ (when the build is broken); ATTACK_ONLY=4,9 runs only those attacks.
// Writes bench/results/attack-latest.json and bench/results/attack.md.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { getIntrospectionQuery } from "graphql";
import pg from "pg";
import { DEFAULT_QUERY } from "../src/graphiql/default-query.js";
import { memory, ROOT, startService, stopService, type Service } from "./processes.js";

type Engine = "sqlite" | "postgres";

const LIMITS = { healthP99Ms: 250, rssRatio: 1.5 };
const CLIENT_TIMEOUT_MS = 30_000;
const PROBE_EVERY_MS = 50;
/** Pause between two attacks, so that one's tail does not land in the next one's numbers. */
const SETTLE_MS = 1_000;
const WARM_UP_SECONDS = 15;
/** Longest idle wait for the server's first full collection once a load stops: V8 made it 5–60 s after. */
const COLLECTION_WAIT_SECONDS = 120;
/** After that collection V8 hands pages back over a few seconds (and may collect again): RSS is read once steady this long. */
const STEADY_SECONDS = 5;
const GRAPHQL_HEADERS = { "content-type": "application/json", accept: "application/graphql-response+json" };

const settings = {
  build: process.env.ATTACK_BUILD !== "0",
  server: process.env.ATTACK_SERVER === "tsx" ? "tsx" : "dist",
  postgresUrl: process.env.ATTACK_POSTGRES_URL ?? "postgresql://root@127.0.0.1:5432/postgres",
  postgresAll: process.env.ATTACK_POSTGRES_ALL === "1",
  only: process.env.ATTACK_ONLY ? new Set(process.env.ATTACK_ONLY.split(",").map(Number)) : null,
  rateLimitPoints: process.env.ATTACK_RATE_LIMIT_POINTS ?? "1000000000",
};

const started = performance.now();
const log = (line: string) => console.log(`[attack ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const round1 = (value: number) => Math.round(value * 10) / 10;

// ---------------------------------------------------------------------------------------------
// Counting responses

interface Tally {
  requests: number;
  statuses: Record<string, number>;
  codes: Record<string, number>;
  network: Record<string, number>;
}

const newTally = (): Tally => ({ requests: 0, statuses: {}, codes: {}, network: {} });
const bump = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1);

/** Each error's `extensions.code` in a response body ("(no code)" when it has none). */
function errorCodes(body: string): string[] {
  try {
    const parsed = JSON.parse(body) as { errors?: { extensions?: { code?: string } }[] };
    return (parsed.errors ?? []).map((error) => error.extensions?.code ?? "(no code)");
  } catch {
    return ["(body not JSON)"];
  }
}

/** What a failed fetch was: our timeout, our own abort, a reset connection, or the cause's code. */
function networkFailure(error: unknown): string {
  const { name, cause } = error as { name?: string; cause?: { code?: string } };
  if (name === "TimeoutError") return "timeout";
  if (name === "AbortError") return "aborted by the attack";
  if (cause?.code === "ECONNRESET" || cause?.code === "UND_ERR_SOCKET" || cause?.code === "EPIPE") return "reset";
  return cause?.code ?? name ?? "unknown";
}

/** Sends one request (client timeout 30 s, or `signal`) and counts its status, codes or failure. */
async function send(tally: Tally, url: string, init: RequestInit = {}, timeoutMs = CLIENT_TIMEOUT_MS): Promise<number | null> {
  tally.requests++;
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, { ...init, signal: init.signal ? AbortSignal.any([init.signal, timeout]) : timeout });
    const body = await response.text();
    bump(tally.statuses, String(response.status));
    if ((response.headers.get("content-type") ?? "").includes("json")) for (const code of errorCodes(body)) bump(tally.codes, code);
    return response.status;
  } catch (error) {
    bump(tally.network, networkFailure(error));
    return null;
  }
}

const postGraphql = (tally: Tally, server: Service, body: object, signal?: AbortSignal) =>
  send(tally, `${server.url}/graphql`, { method: "POST", headers: GRAPHQL_HEADERS, body: JSON.stringify(body), signal });

// ---------------------------------------------------------------------------------------------
// Running loops

/** `workers` loops calling `step` until `seconds` have passed. */
async function forSeconds(seconds: number, workers: number, step: (worker: number, iteration: number) => Promise<unknown>): Promise<void> {
  const deadline = performance.now() + seconds * 1000;
  let iteration = 0;
  const loop = async (worker: number) => {
    while (performance.now() < deadline) await step(worker, iteration++);
  };
  await Promise.all(Array.from({ length: workers }, (_, worker) => loop(worker)));
}

/** `workers` loops sharing `items` until none is left. */
async function forEach<T>(items: T[], workers: number, step: (item: T, index: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const loop = async () => {
    while (next < items.length) {
      const index = next++;
      await step(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: workers }, loop));
}

// ---------------------------------------------------------------------------------------------
// The /health probe, in a worker thread: the attacks parse large responses on this thread, which
// would otherwise be counted as the server's latency. Open loop: a probe leaves every 50 ms whether
// or not the previous ones were answered, so a stalled server shows as many slow probes.

const PROBE_WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const latencies = [];
const failures = {};
const pending = new Set();
async function probe() {
  const start = performance.now();
  try {
    const response = await fetch(workerData.url, { signal: AbortSignal.timeout(workerData.timeoutMs) });
    await response.arrayBuffer();
    if (response.status !== 200) failures[response.status] = (failures[response.status] || 0) + 1;
  } catch (error) {
    failures[error.name] = (failures[error.name] || 0) + 1;
  }
  latencies.push(performance.now() - start);
}
function send() {
  const request = probe();
  pending.add(request);
  request.finally(() => pending.delete(request));
}
let timer;
// One request first, uncounted: fetch's first use in a thread loads and compiles its code.
fetch(workerData.url).then((response) => response.arrayBuffer()).finally(() => {
  send();
  timer = setInterval(send, workerData.everyMs);
  parentPort.postMessage("ready");
});
parentPort.on("message", async () => {
  clearInterval(timer);
  await Promise.all(pending);
  parentPort.postMessage({ latencies, failures });
});
`;

interface Health {
  probes: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  failures: Record<string, number>;
}

/** Resolves once the probe runs (its first probe sent). */
async function startHealthProbe(server: Service): Promise<{ stop: () => Promise<Health> }> {
  const worker = new Worker(PROBE_WORKER, { eval: true, workerData: { url: `${server.url}/health`, everyMs: PROBE_EVERY_MS, timeoutMs: 10_000 } });
  await new Promise((resolve) => worker.once("message", resolve));
  return {
    stop: async () => {
      const answer = new Promise<{ latencies: number[]; failures: Record<string, number> }>((resolve) => worker.once("message", resolve));
      worker.postMessage("stop");
      const { latencies, failures } = await answer;
      await worker.terminate();
      const sorted = latencies.sort((a, b) => a - b);
      const at = (quantile: number) => round1(sorted[Math.max(0, Math.ceil(quantile * sorted.length) - 1)] ?? Number.NaN);
      return { probes: sorted.length, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: at(1), failures };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The attacks. Each returns its tally and what else it saw.

interface AttackTarget {
  server: Service;
  /** The server's database, for attacks that act on it (PostgreSQL only). */
  database: { adminUrl: string; name: string } | null;
}

interface Attack {
  id: number;
  name: string;
  engines: Engine[];
  run: (target: AttackTarget) => Promise<{ tally: Tally; notes: string[] }>;
}

/** 1. Every backend of the server's database is killed once a second while clients query. */
async function backendsKilled({ server, database }: AttackTarget) {
  if (!database) throw new Error("attack 1 needs a PostgreSQL database");
  const tally = newTally();
  const killer = new pg.Client({ connectionString: database.adminUrl });
  await killer.connect();
  let terminated = 0;
  let rounds = 0;
  const seconds = 10;
  const kill = async () => {
    for (const deadline = performance.now() + seconds * 1000; performance.now() < deadline; rounds++) {
      const result = await killer.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [database.name]);
      terminated += result.rowCount ?? 0;
      await sleep(1000);
    }
  };
  try {
    await Promise.all([kill(), forSeconds(seconds, 10, () => postGraphql(tally, server, { query: DEFAULT_QUERY }))]);
  } finally {
    await killer.end();
  }
  return { tally, notes: [`${terminated} backends terminated in ${rounds} rounds, one a second`] };
}

/** 4. One query selecting the schema 30 times under aliases. */
async function introspectionAmplification({ server }: AttackTarget) {
  const tally = newTally();
  const selections = Array.from({ length: 30 }, (_, index) => `s${index}: __schema { types { name fields { name type { name } } } }`);
  const query = `{ ${selections.join(" ")} }`;
  await forSeconds(10, 20, () => postGraphql(tally, server, { query }));
  return { tally, notes: [`document ${query.length} bytes, 20 in parallel`] };
}

/** 5. 1,249 copies of one selection, which validation compares two by two; each document unique. */
async function duplicateFields({ server }: AttackTarget) {
  const tally = newTally();
  const selections = "meetings{totalCount} ".repeat(1249);
  const document = (worker: number, iteration: number) => `# attack 5, worker ${worker}, request ${iteration}\n{ ${selections}}`;
  await forSeconds(10, 6, (worker, iteration) => postGraphql(tally, server, { query: document(worker, iteration) }));
  return { tally, notes: [`documents of ${document(0, 0).length} bytes, 6 in parallel`] };
}

/**
 * 6. Large filters, in variables, in turn: 60 × 60 text conditions (the issue's), which the
 * variables' value count refuses before graphql-js coerces them, and 15 × 15, within that count,
 * which the filter's own condition cap (MAX_FILTER_CONDITIONS) refuses.
 */
async function largeFilter({ server }: AttackTarget) {
  const tally = newTally();
  // One base-36 digit per condition keeps the larger body (about 98 KB) under MAX_BODY_BYTES'
  // default of 100 KiB, so that the filter, not the body's size, is what the server meets.
  const body = (size: number) => {
    const conditions = Array.from({ length: size }, (_, index) => ({ title: { contains: index.toString(36) } }));
    const filter = { OR: Array.from({ length: size }, (_, index) => (index % 2 === 0 ? { AND: conditions } : { OR: conditions })) };
    return { query: "query LargeFilter($f: MeetingFilter) { meetings(filter: $f) { totalCount } }", variables: { f: filter } };
  };
  const bodies = [body(60), body(15)];
  await forSeconds(10, 8, (_worker, iteration) => postGraphql(tally, server, bodies[iteration % 2]!));
  return { tally, notes: [`bodies of ${JSON.stringify(bodies[0]).length} bytes (3,600 conditions) and ${JSON.stringify(bodies[1]).length} bytes (225 conditions) in turn, 8 in parallel`] };
}

/** 7. Many distinct valid documents of about 14 KB, to fill whatever caches documents. */
async function documentCache({ server }: AttackTarget) {
  const tally = newTally();
  const slug = (doc: number, field: number) => `no-such-meeting-${doc}-${field}-`.padEnd(430, "abcdefghijklmnopqrstuvwxyz");
  const document = (doc: number) => `{ ${Array.from({ length: 30 }, (_, field) => `m${field}: meeting(slug: "${slug(doc, field)}") { title }`).join(" ")} }`;
  const documents = Array.from({ length: 1100 }, (_, doc) => document(doc));
  const start = performance.now();
  await forEach(documents, 4, (query) => postGraphql(tally, server, { query }));
  const seconds = round1((performance.now() - start) / 1000);
  return { tally, notes: [`1,100 distinct documents of ${documents[0]?.length} bytes, 4 connections, ${seconds} s`] };
}

/** 8. Requests aborted by the client a few milliseconds after they are sent. */
async function abortedRequests({ server }: AttackTarget) {
  const tally = newTally();
  const bodies = [{ query: DEFAULT_QUERY }, { query: getIntrospectionQuery() }];
  const requests = Array.from({ length: 400 }, (_, index) => index);
  await forEach(requests, 8, async (index) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 2 + (index % 9));
    await postGraphql(tally, server, bodies[index % 2] as object, controller.signal);
    clearTimeout(timer);
  });
  return { tally, notes: ["400 requests (GraphiQL's default query and the introspection query in turn), 8 at a time, each aborted 2–10 ms after it was sent"] };
}

/**
 * TCP connections by "localPort>remotePort": their state (1 = ESTABLISHED) and the bytes queued in
 * the kernel (send + receive), from Linux's /proc/net/tcp and tcp6 (a server listening on :: holds
 * IPv4 connections as IPv6 sockets).
 */
function tcpConnections(): Map<string, { state: number; queuedBytes: number }> {
  const connections = new Map<string, { state: number; queuedBytes: number }>();
  const lines = ["/proc/net/tcp", "/proc/net/tcp6"].flatMap((file) => readFileSync(file, "utf8").trim().split("\n").slice(1));
  for (const line of lines) {
    const [, local = "", remote = "", state = "", queues = ""] = line.trim().split(/\s+/);
    const port = (address: string) => Number.parseInt(address.split(":")[1] ?? "", 16);
    const queuedBytes = queues.split(":").reduce((sum, hex) => sum + Number.parseInt(hex, 16), 0);
    connections.set(`${port(local)}>${port(remote)}`, { state: Number.parseInt(state, 16), queuedBytes });
  }
  return connections;
}

/**
 * 9. Clients that ask for a large response (the introspection, about 300 KB) and never read it.
 * The client sockets are paused, so they cannot see the server close its end (its FIN waits
 * behind the unread data); the server's end of each connection is watched in /proc/net/tcp instead.
 */
async function slowReaders({ server }: AttackTarget) {
  const tally = newTally();
  const { hostname, port } = new URL(server.url);
  const body = JSON.stringify({ query: getIntrospectionQuery() });
  const request = [
    "POST /graphql HTTP/1.1",
    `Host: ${hostname}:${port}`,
    "Content-Type: application/json",
    "Accept: application/graphql-response+json",
    `Content-Length: ${Buffer.byteLength(body)}`,
    "",
    body,
  ].join("\r\n");
  const sockets = await Promise.all(Array.from({ length: 20 }, () => openPaused(hostname, Number(port), request, tally)));
  const { closedAfter, peakQueuedBytes } = await watchServerEnds(sockets, Number(port), 15);
  for (const socket of sockets) socket.destroy();
  const closed = closedAfter.filter((seconds): seconds is number => seconds !== null);
  const when = closed.length ? `, after ${Math.min(...closed)}–${Math.max(...closed)} s` : "";
  return {
    tally,
    notes: [
      `${closed.length} of ${sockets.length} connections closed by the server within 15 s${when}`,
      `at most ${round1(peakQueuedBytes / 1e6)} MB of responses waited in the kernel's socket buffers (both ends' queues), ${round1(peakQueuedBytes / sockets.length / 1e3)} KB a connection`,
    ],
  };
}

function openPaused(host: string, port: number, request: string, tally: Tally): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port }, () => {
      socket.pause();
      socket.write(request);
      tally.requests++;
      resolve(socket);
    });
    socket.on("error", (error: NodeJS.ErrnoException) => bump(tally.network, error.code === "ECONNRESET" ? "reset" : (error.code ?? error.name)));
    socket.once("error", reject);
  });
}

/**
 * Watches the server's end of each socket for up to `seconds`: when it stopped being ESTABLISHED
 * (seconds, or null if it did not), and the most bytes the kernel held for all of them at once.
 */
async function watchServerEnds(sockets: Socket[], serverPort: number, seconds: number) {
  const closedAfter: (number | null)[] = sockets.map(() => null);
  let peakQueuedBytes = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000 && closedAfter.includes(null)) {
    await sleep(250);
    const connections = tcpConnections();
    let queuedBytes = 0;
    sockets.forEach((socket, index) => {
      const serverEnd = connections.get(`${serverPort}>${socket.localPort}`);
      const clientEnd = connections.get(`${socket.localPort}>${serverPort}`);
      queuedBytes += (serverEnd?.queuedBytes ?? 0) + (clientEnd?.queuedBytes ?? 0);
      if (closedAfter[index] === null && serverEnd?.state !== 1) closedAfter[index] = round1((performance.now() - start) / 1000);
    });
    peakQueuedBytes = Math.max(peakQueuedBytes, queuedBytes);
  }
  return { closedAfter, peakQueuedBytes };
}

/** 10. Asset paths named like Object.prototype's keys. */
async function prototypeKeys({ server }: AttackTarget) {
  const tally = newTally();
  const notes: string[] = [];
  for (const key of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
    const start = performance.now();
    const status = await send(tally, `${server.url}/graphiql/${key}`, {}, 5_000);
    notes.push(`GET /graphiql/${key}: ${status ?? "no answer"} in ${round1(performance.now() - start)} ms`);
  }
  return { tally, notes };
}

const ATTACKS: Attack[] = [
  { id: 1, name: "backends terminated once a second (default query, 10 clients, 10 s)", engines: ["postgres"], run: backendsKilled },
  { id: 4, name: "introspection amplification (30 aliased __schema, 20 parallel, 10 s)", engines: ["sqlite", "postgres"], run: introspectionAmplification },
  { id: 5, name: "validation CPU (1,249 duplicate fields, 6 parallel, 10 s)", engines: ["sqlite", "postgres"], run: duplicateFields },
  { id: 6, name: "filter size (60 × 60 and 15 × 15 conditions in variables, 8 parallel, 10 s)", engines: ["sqlite", "postgres"], run: largeFilter },
  { id: 7, name: "document cache (1,100 distinct 14 KB documents, 4 connections)", engines: ["sqlite", "postgres"], run: documentCache },
  { id: 8, name: "aborted requests (400, 8 at a time, aborted after 2–10 ms)", engines: ["sqlite", "postgres"], run: abortedRequests },
  { id: 9, name: "slow readers (20 sockets never reading the introspection, 15 s)", engines: ["sqlite", "postgres"], run: slowReaders },
  { id: 10, name: "prototype keys under /graphiql/ (5 s timeout each)", engines: ["sqlite", "postgres"], run: prototypeKeys },
];

// ---------------------------------------------------------------------------------------------
// Running the attacks against one server

interface AttackResult {
  id: number;
  name: string;
  seconds: number;
  health: Health;
  rssBeforeMiB: number;
  rssAfterMiB: number;
  tally: Tally;
  notes: string[];
  serverAlive: boolean;
}

/** A server's memory once it has collected the garbage of the load before (see settledMemory). */
interface SettledMemory {
  /** RSS when the load stopped, garbage included. */
  rssAtStopMiB: number;
  rssMiB: number;
  /** Heap used + external memory right after the last full collection: what the server still references. */
  referencedMiB: number | null;
  waitedSeconds: number;
  /** Whether a full collection happened within COLLECTION_WAIT_SECONDS (if not, rssMiB still holds garbage). */
  collected: boolean;
}

interface EngineResult {
  engine: Engine;
  databaseUrl: string;
  skipped: string | null;
  start: SettledMemory | null;
  end: SettledMemory | null;
  rssRatio: number | null;
  serverAlive: boolean;
  attacks: AttackResult[];
  failures: string[];
}

const isAlive = (server: Service) => server.child.exitCode === null && server.child.signalCode === null;
const rssOf = (server: Service) => memory(server.child.pid as number).rssMiB;

/** The server's own gauges (src/observability/memory-after-gc.ts), read from /metrics (served to loopback). */
async function afterFullGc(server: Service): Promise<{ at: number; referencedMiB: number } | null> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const gauge = (pattern: string) => Number(new RegExp(`^${pattern} (\\S+)$`, "m").exec(text)?.[1] ?? Number.NaN);
  const at = gauge("parley_last_full_gc_timestamp_seconds");
  const bytes = gauge('parley_memory_after_full_gc_bytes\\{kind="heap_used"\\}') + gauge('parley_memory_after_full_gc_bytes\\{kind="external"\\}');
  return Number.isFinite(at) ? { at, referencedMiB: Math.round(bytes / 1024 / 1024) } : null;
}

/**
 * RSS once the server, idle, has made a full collection after the load stopped and RSS has then
 * held still for STEADY_SECONDS. Read right when a load stops, RSS is mostly garbage not yet
 * collected: after one run it was 409 MiB with 280 MiB of heap in use, of which 97 MiB survived the
 * next full collection (made by V8's memory reducer 55–60 s later), and RSS then fell to 196 MiB.
 * The criterion is about what the attacks leave behind, so both ends are measured this way.
 */
async function settledMemory(server: Service): Promise<SettledMemory> {
  const stoppedAt = Date.now() / 1000;
  const rssAtStopMiB = rssOf(server);
  const waitStart = performance.now();
  const elapsed = () => (performance.now() - waitStart) / 1000;
  let collected = false;
  let steady = { rss: rssAtStopMiB, since: 0 };
  while (elapsed() < COLLECTION_WAIT_SECONDS) {
    await sleep(1_000);
    const rss = rssOf(server);
    if (Math.abs(rss - steady.rss) > 2) steady = { rss, since: elapsed() };
    collected ||= ((await afterFullGc(server))?.at ?? 0) > stoppedAt;
    if (collected && elapsed() - steady.since >= STEADY_SECONDS) break;
  }
  const referencedMiB = (await afterFullGc(server))?.referencedMiB ?? null;
  return { rssAtStopMiB, rssMiB: rssOf(server), referencedMiB, waitedSeconds: Math.round(elapsed()), collected };
}

async function runAttack(attack: Attack, target: AttackTarget): Promise<AttackResult> {
  const { server } = target;
  const rssBeforeMiB = rssOf(server);
  const probe = await startHealthProbe(server);
  const start = performance.now();
  const { tally, notes } = await attack.run(target);
  const seconds = round1((performance.now() - start) / 1000);
  const health = await probe.stop();
  const serverAlive = isAlive(server);
  const rssAfterMiB = serverAlive ? rssOf(server) : Number.NaN;
  return { id: attack.id, name: attack.name, seconds, health, rssBeforeMiB, rssAfterMiB, tally, notes, serverAlive };
}

/**
 * Ordinary traffic before the start is measured: a process just started has not yet grown its heap
 * to what serving takes (young generation, compiled code, Prisma's query plans), and measured from
 * there any load at all would count as growth. The soak warms up the same way. What the criterion
 * is after is memory the attacks leave behind: caches and leaks, not the heap's working size.
 */
async function warmUp(server: Service): Promise<void> {
  const tally = newTally();
  const bodies = [{ query: DEFAULT_QUERY }, { query: getIntrospectionQuery() }, { query: "{ meetings(first: 20) { totalCount edges { node { title date { label } } } } }" }];
  await forSeconds(WARM_UP_SECONDS, 4, (worker, iteration) => postGraphql(tally, server, bodies[(worker + iteration) % bodies.length]!));
  await sleep(SETTLE_MS);
  log(`warm-up: ${tally.requests} ordinary requests in ${WARM_UP_SECONDS} s`);
}

function serverArgs(): string[] {
  return settings.server === "tsx" ? ["--import", "tsx", "src/server.ts"] : ["dist/src/server.js"];
}

/** The attacks run on an engine: on PostgreSQL only attack 1 unless ATTACK_POSTGRES_ALL=1; ATTACK_ONLY narrows both. */
function attacksFor(engine: Engine): Attack[] {
  return ATTACKS.filter(
    (attack) => attack.engines.includes(engine) && (engine === "sqlite" || settings.postgresAll || attack.id === 1) && (settings.only?.has(attack.id) ?? true),
  );
}

const skippedEngine = (engine: Engine, databaseUrl: string, skipped: string): EngineResult => {
  log(`${engine}: skipped: ${skipped}`);
  return { engine, databaseUrl, skipped, start: null, end: null, rssRatio: null, serverAlive: true, attacks: [], failures: [] };
};

async function attackEngine(engine: Engine, databaseUrl: string, database: AttackTarget["database"]): Promise<EngineResult> {
  const attacks = attacksFor(engine);
  log(`${engine}: starting the server (${settings.server}) on ${databaseUrl}`);
  const server = await startService("server", serverArgs(), {
    DATABASE_URL: databaseUrl,
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    RATE_LIMIT_POINTS: settings.rateLimitPoints,
  });
  await warmUp(server);
  const start = await settledMemory(server);
  log(`${engine}: ${memoryLine(start)}`);
  const result: EngineResult = { engine, databaseUrl, skipped: null, start, end: null, rssRatio: null, serverAlive: true, attacks: [], failures: [] };
  try {
    for (const attack of attacks) {
      log(`${engine}: attack ${attack.id}, ${attack.name}`);
      const outcome = await runAttack(attack, { server, database });
      result.attacks.push(outcome);
      console.log(attackLines(outcome).map((line) => `    ${line}`).join("\n"));
      if (!outcome.serverAlive) break;
      await sleep(SETTLE_MS);
    }
    result.serverAlive = isAlive(server);
    if (result.serverAlive) {
      result.end = await settledMemory(server);
      log(`${engine}: ${memoryLine(result.end)}`);
      result.rssRatio = Math.round((result.end.rssMiB / start.rssMiB) * 100) / 100;
    } else {
      log(`${engine}: the server died (${server.child.exitCode ?? server.child.signalCode}):\n${server.output().slice(-3000)}`);
    }
  } finally {
    await stopService(server);
  }
  result.failures = failures(result);
  log(`${engine}: RSS ${start.rssMiB} MiB at the start, ${result.end?.rssMiB ?? "—"} MiB after the run (× ${result.rssRatio ?? "—"}); ${result.failures.length ? `FAIL: ${result.failures.join("; ")}` : "pass"}`);
  return result;
}

function failures(result: EngineResult): string[] {
  const found: string[] = [];
  if (!result.serverAlive) found.push("the server died");
  for (const attack of result.attacks) {
    if (!(attack.health.p99Ms < LIMITS.healthP99Ms)) found.push(`attack ${attack.id}: /health p99 ${attack.health.p99Ms} ms ≥ ${LIMITS.healthP99Ms} ms`);
  }
  if (result.rssRatio !== null && result.rssRatio >= LIMITS.rssRatio) found.push(`RSS × ${result.rssRatio} ≥ ${LIMITS.rssRatio}`);
  return found;
}

// ---------------------------------------------------------------------------------------------
// The two engines

async function onSqlite(): Promise<EngineResult> {
  if (attacksFor("sqlite").length === 0) return skippedEngine("sqlite", "", "no attack selected (ATTACK_ONLY)");
  const folder = mkdtempSync(path.join(tmpdir(), "parley-attack-"));
  try {
    return await attackEngine("sqlite", `file:${path.join(folder, "attack.db")}`, null);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function onPostgres(): Promise<EngineResult> {
  const name = `parley_attack_${process.pid}`;
  const databaseUrl = new URL(settings.postgresUrl);
  databaseUrl.pathname = `/${name}`;
  if (attacksFor("postgres").length === 0) return skippedEngine("postgres", databaseUrl.toString(), "no attack selected (ATTACK_ONLY)");
  const admin = new pg.Client({ connectionString: settings.postgresUrl, connectionTimeoutMillis: 2_000 });
  try {
    await admin.connect();
  } catch (error) {
    return skippedEngine("postgres", databaseUrl.toString(), `PostgreSQL at ${settings.postgresUrl} did not answer (${(error as Error).message})`);
  }
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
    return await attackEngine("postgres", databaseUrl.toString(), { adminUrl: settings.postgresUrl, name });
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

// ---------------------------------------------------------------------------------------------
// Reporting

const memoryLine = (settled: SettledMemory) =>
  `RSS ${settled.rssAtStopMiB} MiB when the load stopped, ${settled.rssMiB} MiB ${settled.waitedSeconds} s later (${
    settled.collected ? "after a full collection" : `**no full collection within ${COLLECTION_WAIT_SECONDS} s**`
  }; referenced after it: ${settled.referencedMiB ?? "—"} MiB)`;

const counts = (record: Record<string, number>) =>
  Object.entries(record)
    .map(([key, count]) => `${key} ×${count}`)
    .join(", ") || "none";

function attackLines(attack: AttackResult): string[] {
  const { health, tally } = attack;
  return [
    `/health p50 ${health.p50Ms} ms, p99 ${health.p99Ms} ms, max ${health.maxMs} ms over ${health.probes} probes${Object.keys(health.failures).length ? ` (failed: ${counts(health.failures)})` : ""}`,
    `RSS ${attack.rssBeforeMiB} → ${attack.rssAfterMiB} MiB; ${tally.requests} requests in ${attack.seconds} s`,
    `statuses: ${counts(tally.statuses)}; codes: ${counts(tally.codes)}; network: ${counts(tally.network)}`,
    ...attack.notes,
    ...(attack.serverAlive ? [] : ["THE SERVER DIED"]),
  ];
}

function engineMarkdown(result: EngineResult): string {
  const title = `## ${result.engine === "sqlite" ? "SQLite" : "PostgreSQL"}`;
  if (result.skipped) return `${title}\n\nSkipped: ${result.skipped}.\n`;
  const rows = result.attacks.map(
    (attack) =>
      `| ${attack.id} | ${attack.name} | ${attack.health.p50Ms} / ${attack.health.p99Ms} / ${attack.health.maxMs} | ${attack.rssBeforeMiB} → ${attack.rssAfterMiB} | ${attack.tally.requests} | ${counts(attack.tally.statuses)} | ${counts(attack.tally.codes)} | ${counts(attack.tally.network)} |`,
  );
  const notes = result.attacks.flatMap((attack) => attack.notes.map((note) => `- ${attack.id}: ${note}`));
  return [
    title,
    "",
    `Database: \`${result.databaseUrl}\`. RSS ${result.start?.rssMiB} MiB at the start, ${result.end?.rssMiB ?? "—"} MiB after the run (× ${result.rssRatio ?? "—"}). Server alive at the end: ${result.serverAlive ? "yes" : "**no**"}. ${result.failures.length ? `**FAIL**: ${result.failures.join("; ")}.` : "Pass."}`,
    "",
    `- Start, after ${WARM_UP_SECONDS} s of ordinary traffic: ${result.start ? memoryLine(result.start) : "—"}.`,
    `- End, after the last attack: ${result.end ? memoryLine(result.end) : "—"}.`,
    "- Referenced: heap used + external memory right after the server's last full collection (its own gauges on /metrics).",
    "",
    "| # | Attack | /health p50 / p99 / max (ms) | RSS MiB, garbage included | Requests | Statuses | `extensions.code` | Network |",
    "| ---: | --- | --- | --- | ---: | --- | --- | --- |",
    ...rows,
    "",
    ...notes,
    "",
  ].join("\n");
}

function markdown(results: { date: string; seconds: number; engines: EngineResult[] }): string {
  return [
    "# Attacks (`npm run attack`)",
    "",
    `Run ${results.date.slice(0, 16).replace("T", " ")} UTC (${round1(results.seconds / 60)} min) against \`node ${serverArgs().join(" ")}\` with NODE_ENV=production, loopback only${settings.only ? `; only attacks ${[...settings.only].join(", ")} (ATTACK_ONLY)` : ""}. Numbers from \`attack-latest.json\` next to this file.`,
    `RATE_LIMIT_POINTS=${settings.rateLimitPoints}, so that the rate limiter does not refuse the attacks: what is shown is what the server does with each request it accepts. Statuses and codes are recorded, not judged; the run fails only when an attack's /health p99 reaches ${LIMITS.healthP99Ms} ms, the RSS after the run reaches ${LIMITS.rssRatio} × its start, or the server dies. Both RSS are read with the server idle, once it has made a full collection after the load (up to ${COLLECTION_WAIT_SECONDS} s) and RSS has held still for ${STEADY_SECONDS} s: the RSS when a load stops is mostly garbage not yet collected, shown beside them.`,
    "",
    ...results.engines.map(engineMarkdown),
  ].join("\n");
}

// ---------------------------------------------------------------------------------------------

if (settings.build && settings.server === "dist") {
  log("npm run build");
  const build = spawnSync("npm", ["run", "--silent", "build"], { cwd: ROOT, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`npm run build failed (run with ATTACK_BUILD=0 ATTACK_SERVER=tsx to attack src/ through tsx):\n${build.stdout}\n${build.stderr}`);
}
const engines = [await onSqlite(), await onPostgres()];
const results = { date: new Date().toISOString(), seconds: round1((performance.now() - started) / 1000), settings, limits: LIMITS, engines };
const resultsDir = path.join(ROOT, "bench", "results");
writeFileSync(path.join(resultsDir, "attack-latest.json"), `${JSON.stringify({ ...results, settings: { ...settings, only: settings.only && [...settings.only] } }, null, 2)}\n`);
writeFileSync(path.join(resultsDir, "attack.md"), markdown(results));
console.log(`\n${engines.map(engineMarkdown).join("\n")}`);
log("wrote bench/results/attack-latest.json and bench/results/attack.md");
process.exitCode = engines.every((engine) => engine.failures.length === 0) ? 0 : 1;
