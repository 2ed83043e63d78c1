// WEB_CONCURRENCY processes serving one port (node:cluster). A Node process runs its JavaScript on
// one core; this puts every core of a machine to work behind one port, with no process manager.
// The primary prepares the database once (src/server.ts), forks the workers, hands each incoming
// connection to the next worker in turn (round-robin), and supervises them; it never builds the
// schema and serves no request itself. Each worker is src/server.ts again, serving as one process
// would, with its own admission slots, caches, database pool and (without REDIS_URL) rate-limit
// budgets; /metrics sums every worker's (src/observability/metrics.ts).
import cluster, { type Worker } from "node:cluster";
import { randomBytes } from "node:crypto";
import { config } from "../config/settings.js";
import { sumWorkersMetrics } from "../observability/metrics.js";

/**
 * Whether this process is one of the workers runPrimary forks. Checked with WEB_CONCURRENCY too: a
 * process manager with a cluster of its own (PM2's cluster mode) runs a lone Parley as a worker.
 */
export const isClusterWorker = (): boolean => cluster.isWorker && config.WEB_CONCURRENCY > 1;

const STARTING = "parley:worker-starting"; // worker → primary, answered with FINDINGS
const FINDINGS = "parley:start-up-findings";
const READY = "parley:worker-ready"; // worker → primary, once it listens

/**
 * A worker that ends unexpectedly is replaced, but more ends than this within RESTART_WINDOW_MS
 * mean that what kills them is not going away (a crash on every request, memory, the database):
 * then the primary stops the others and exits 1, for the orchestrator or the operator to see,
 * instead of forking in a loop.
 */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 60_000;
/** After SHUTDOWN_GRACE_MS a worker cuts its requests itself; this is for one whose event loop is stuck. */
const KILL_AFTER_GRACE_MS = 1_000;

interface Message {
  type: string;
  endpoint?: string;
  databaseDamaged?: boolean;
}

const isMessage = (message: unknown, type: string): message is Message =>
  typeof message === "object" && message !== null && (message as Message).type === type;
// Sending to a worker that has just gone is not an error worth reporting: its exit is.
const ignore = () => undefined;

export interface PrimaryOptions {
  workers: number;
  /** Whether start-up found the SQLite file damaged (src/db/integrity.ts): each worker's /ready must say so. */
  databaseDamaged: boolean;
  /** Called once every worker first listens, with the GraphQL endpoint's path. */
  onReady: (endpoint: string) => void;
}

export function runPrimary({ workers, databaseDamaged, onReady }: PrimaryOptions): void {
  if (!config.REDIS_URL) {
    console.warn(
      `WEB_CONCURRENCY=${workers} without REDIS_URL: each worker keeps rate-limit budgets of its own, so a client may spend up to ${workers} × RATE_LIMIT_POINTS per window; set REDIS_URL to share them`,
    );
  }
  // Cursors are signed: workers must share the key, or a cursor from one is refused by the next.
  const env = { CURSOR_SECRET: config.CURSOR_SECRET ?? randomBytes(32).toString("base64url") };
  const live = new Set<Worker>();
  const serving = new Set<Worker>();
  const recentExits: number[] = [];
  let started = false;
  let stopping = false;
  let failed = false;
  let stoppedAt = 0;

  sumWorkersMetrics(() => [...serving]);

  const fork = () => {
    const worker = cluster.fork(env);
    live.add(worker);
    worker.on("message", (message: unknown) => {
      if (isMessage(message, STARTING)) worker.send({ type: FINDINGS, databaseDamaged }, ignore);
      if (!isMessage(message, READY)) return;
      serving.add(worker);
      if (!started && serving.size === workers) {
        started = true;
        onReady(message.endpoint ?? "");
      }
    });
  };

  const exitWhenNoneLeft = () => {
    if (live.size > 0) return;
    console.log(`Parley stopped in ${Math.round(performance.now() - stoppedAt)} ms${failed ? ": a worker failed or had to cut requests" : ""}`);
    process.exit(failed ? 1 : 0);
  };

  const stop = (signal: NodeJS.Signals) => {
    stopping = true;
    stoppedAt = performance.now();
    for (const worker of live) worker.process.kill(signal);
    exitWhenNoneLeft();
    setTimeout(() => {
      for (const worker of live) worker.process.kill("SIGKILL");
      process.exit(1);
    }, config.SHUTDOWN_GRACE_MS + KILL_AFTER_GRACE_MS).unref();
  };

  const giveUp = (reason: string) => {
    console.error(`Parley stops: ${reason}`);
    failed = true;
    stop("SIGTERM");
  };

  cluster.on("exit", (worker, code, signal) => {
    live.delete(worker);
    serving.delete(worker);
    const ended = `Parley worker ${worker.id} (pid ${worker.process.pid}) ${signal ? `was killed by ${signal}` : `exited with code ${code}`}`;
    if (stopping) {
      if (code !== 0) failed = true;
      return exitWhenNoneLeft();
    }
    // A worker that cannot start says why ("Parley could not start: …"); the next would fail alike.
    if (!started) return giveUp(`${ended} before every worker was ready`);
    const now = Date.now();
    recentExits.push(now);
    while (recentExits[0]! <= now - RESTART_WINDOW_MS) recentExits.shift();
    if (recentExits.length > MAX_RESTARTS) return giveUp(`${ended}, the ${recentExits.length}th worker to end within ${RESTART_WINDOW_MS / 1000} s`);
    console.error(`${ended}; starting another`);
    fork();
  });

  // SIGTERM (orchestrators) and SIGINT (Ctrl-C) are passed on: each worker drains as a single
  // process does, and the primary exits when the last has, 1 if any failed or cut requests. A second
  // signal ends everything at once. (Ctrl-C also reaches the workers from the terminal; a worker
  // heeds the first signal only.)
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (!stopping) return stop(signal);
      for (const worker of live) worker.process.kill("SIGKILL");
      process.exit(1);
    });
  }

  for (let i = 0; i < workers; i++) fork();
}

/** In a worker: what the primary found preparing the database, which this process did not see. */
export function startUpFindings(): Promise<{ databaseDamaged: boolean }> {
  return new Promise((resolve) => {
    const listener = (message: unknown) => {
      if (!isMessage(message, FINDINGS)) return;
      process.off("message", listener);
      resolve({ databaseDamaged: message.databaseDamaged === true });
    };
    process.on("message", listener);
    process.send?.({ type: STARTING });
  });
}

/** In a worker: tells the primary it listens. */
export function reportReady(endpoint: string): void {
  process.send?.({ type: READY, endpoint });
}
