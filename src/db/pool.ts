// PostgreSQL pool usage for /metrics. The pg Pool is created inside @prisma/adapter-pg and is not
// reachable from the PrismaClient, so src/db/client.ts hands it over here when it creates the pool itself.
// SQLite (better-sqlite3) has no pool: one synchronous connection, nothing to report.

/** What pg.Pool exposes about its connections (a structural type: no import of pg here). */
export interface PoolUsage {
  readonly totalCount: number;
  readonly idleCount: number;
  readonly waitingCount: number;
}

let trackedPool: PoolUsage | undefined;

/** Called by src/db/client.ts with the pool of the server's PrismaClient (PostgreSQL only). */
export function trackDatabasePool(pool: PoolUsage | undefined): void {
  trackedPool = pool;
}

/** Connections of the tracked pool right now, or undefined when there is none (SQLite). */
export function databasePoolUsage(): { total: number; idle: number; waiting: number } | undefined {
  if (!trackedPool) return undefined;
  return { total: trackedPool.totalCount, idle: trackedPool.idleCount, waiting: trackedPool.waitingCount };
}
