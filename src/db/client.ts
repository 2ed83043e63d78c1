// The one PrismaClient. DATABASE_URL picks the engine: SQLite under data/ by default, PostgreSQL
// for a postgresql:// URL. Both clients are generated from the same models.
//
// Database work can be cancelled (src/guards/deadline.ts does it when an operation runs out of time):
// work run by `runCancellable(signal, …)` issues no statement once the signal has aborted, and on
// PostgreSQL the statements it has running are cancelled on the server. better-sqlite3 runs each
// statement synchronously, so on SQLite a running statement always runs to its end.
import { AsyncLocalStorage } from "node:async_hooks";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client.js";
import { PrismaClient as PostgresPrismaClient } from "../generated/postgres/client.js";
import { config } from "../config/settings.js";
import { choosingJoinStrategy } from "./join-strategy.js";
import { pagingPerParent } from "./nested-pages.js";
import { trackDatabasePool } from "./pool.js";
import { databaseUrl, isPostgresUrl, sqliteUrl } from "./url.js";

// Query events feed the statement counter that tests and benchmarks read.
const log = [{ emit: "event" as const, level: "query" as const }];

/** Connecting to PostgreSQL, and waiting for a free pooled connection, give up after this. */
export const CONNECT_TIMEOUT_MS = 2_000;

export interface DbOptions {
  /** PostgreSQL pool size (pg's default is 10). */
  poolMax?: number;
  /** PostgreSQL `statement_timeout` of every pooled connection, in ms (none by default). */
  statementTimeoutMs?: number;
  /** Report the pool's usage on /metrics (the server's own client only, not tests' or scripts'). */
  reportPoolUsage?: boolean;
}

/** Thrown instead of sending a statement for work whose signal has aborted. */
export class DatabaseWorkCancelled extends Error {
  override name = "DatabaseWorkCancelled";
  constructor(reason: unknown) {
    super("database work cancelled", { cause: reason });
  }
}

export interface CancellationScope {
  /** Cancels the work when it aborts. */
  signal: AbortSignal;
  /**
   * A deadline (a `performance.now()` time) checked before every statement, with what to do when
   * it has passed (abort `signal`). A timer alone is not enough: on SQLite a whole operation can
   * run without ever yielding to the event loop's timers.
   */
  deadline?: { at: number; expire: () => void };
}

const cancellation = new AsyncLocalStorage<CancellationScope>();

/**
 * Runs `work` so that the database statements it causes stop with the scope: none is sent once
 * its signal has aborted or its deadline passed, and PostgreSQL cancels those still running.
 * (Prisma queries are lazy: await them inside `work`. Prisma also merges `findUnique` calls made
 * in the same tick into one statement, which then counts as the work of the caller that scheduled
 * it; such a merge across requests is rare, and only matters if that caller is being cancelled.)
 */
export function runCancellable<T>(scope: CancellationScope | AbortSignal, work: () => T): T {
  return cancellation.run(scope instanceof AbortSignal ? { signal: scope } : scope, work);
}

function throwIfCancelled(): void {
  const scope = cancellation.getStore();
  if (!scope) return;
  if (scope.deadline && !scope.signal.aborted && performance.now() >= scope.deadline.at) scope.deadline.expire();
  if (scope.signal.aborted) throw new DatabaseWorkCancelled(scope.signal.reason);
}

type Method = (...args: unknown[]) => unknown;

/** The adapter (or transaction) with every statement checked against the caller's signal first. */
function refusingCancelledWork<T extends object>(queryable: T): T {
  return new Proxy(queryable, {
    get(target, property) {
      // Methods are bound to the real object: the adapters keep state in private class fields.
      const value = Reflect.get(target, property, target) as unknown;
      if (typeof value !== "function") return value;
      const method = (value as Method).bind(target);
      if (property === "queryRaw" || property === "executeRaw") {
        return async (...args: unknown[]) => {
          throwIfCancelled();
          return method(...args);
        };
      }
      if (property === "startTransaction" || property === "connect") {
        return async (...args: unknown[]) => refusingCancelledWork((await method(...args)) as object);
      }
      return method;
    },
  });
}

// PostgreSQL ends connections on its own (pg_terminate_backend, failover, a crash,
// idle_session_timeout), and a pg client whose connection ends emits "error": an event nobody
// listens to throws and kills the process. What matters is already handled elsewhere: a query in
// flight rejects with the error (the request answers SERVICE_UNAVAILABLE), a client that failed is
// not returned to the pool, and pg-pool drops idle ones that fail and opens new ones on demand.
const ignoreConnectionLoss = (): void => {};

/**
 * A pg pool whose queries, when run under a signal, are cancelled on the server as it aborts
 * (pg_cancel_backend from a connection of their own, since the pool may be full).
 */
function cancellingPool(poolConfig: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(poolConfig);
  // pg-pool listens to a client only while it is idle: one checked out (by `query` below, by
  // pool.query, or by @prisma/adapter-pg for a transaction, which stops listening before it
  // releases) would otherwise have no listener at all when its connection ends.
  pool.on("connect", (client) => client.on("error", ignoreConnectionLoss));
  // Idle clients' errors reach the pool; @prisma/adapter-pg listens too, but only once connected.
  pool.on("error", ignoreConnectionLoss);
  const plainQuery = pool.query.bind(pool) as unknown as Method;

  const cancelBackend = async (processId: number): Promise<void> => {
    const canceller = new pg.Client({ connectionString: poolConfig.connectionString, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    canceller.on("error", ignoreConnectionLoss);
    try {
      await canceller.connect();
      await canceller.query("SELECT pg_cancel_backend($1)", [processId]);
    } catch {
      // Best effort: statement_timeout still ends the statement.
    } finally {
      await canceller.end().catch(() => undefined);
    }
  };

  async function query(...args: unknown[]): Promise<unknown> {
    const signal = cancellation.getStore()?.signal;
    if (!signal) return plainQuery(...args);
    throwIfCancelled();
    const client = await pool.connect();
    let cancelling: Promise<void> | undefined;
    const cancel = () => {
      cancelling = cancelBackend((client as unknown as { processID: number }).processID);
    };
    signal.addEventListener("abort", cancel, { once: true });
    let failure: Error | undefined;
    try {
      return await (client.query as unknown as Method)(...args);
    } catch (error) {
      failure = error as Error;
      throw error;
    } finally {
      signal.removeEventListener("abort", cancel);
      // The connection goes back to the pool only once the cancel has landed, so that it can
      // never hit the next query run on it. (A cancel that finds the backend idle does nothing.)
      await cancelling;
      // As pool.query does: a connection that failed a query is not reused.
      client.release(failure);
    }
  }
  pool.query = query as unknown as typeof pool.query;
  return pool;
}

export function createDb(url = databaseUrl(), options: DbOptions = {}) {
  if (isPostgresUrl(url)) {
    const pool = cancellingPool({
      connectionString: url,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      ...(options.poolMax === undefined ? {} : { max: options.poolMax }),
      ...(options.statementTimeoutMs === undefined ? {} : { statement_timeout: options.statementTimeoutMs }),
    });
    if (options.reportPoolUsage) trackDatabasePool(pool);
    const adapter = refusingCancelledWork(new PrismaPg(pool, { disposeExternalPool: true }));
    // Same models, same generated API: the PostgreSQL client stands in for the SQLite one's type.
    return choosingJoinStrategy(new PostgresPrismaClient({ adapter, log }) as unknown as PrismaClient<"query">);
  }
  // SQLite has no relationJoins: nested pages are cut per parent by src/db/nested-pages.ts instead.
  return pagingPerParent(new PrismaClient({ adapter: refusingCancelledWork(new PrismaBetterSQLite3({ url: sqliteUrl(url) })), log }));
}

/** The server's client: its pool size from DATABASE_POOL_MAX, no statement outlives the deadline. */
export const db = createDb(databaseUrl(), {
  poolMax: config.DATABASE_POOL_MAX,
  statementTimeoutMs: config.OPERATION_TIMEOUT_MS,
  reportPoolUsage: true,
});
