// Brings the database schema up to date with the committed migrations, through Prisma's own CLI
// (offline, WebAssembly engine), so that `npm start` on a fresh clone needs no manual step.
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { PrismaClient } from "../generated/prisma/client.js";
import { isPostgresUrl } from "./url.js";
import { PROJECT_ROOT } from "../lib/project-root.js";

const root = PROJECT_ROOT;

/** The migrations committed for the engine the URL names, by folder name. */
export function committedMigrations(databaseUrl: string): string[] {
  const folder = path.join(root, "prisma", ...(isPostgresUrl(databaseUrl) ? ["postgres"] : []), "migrations");
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Committed migrations the database has not applied (all of them when it has none). */
export async function pendingMigrations(db: PrismaClient, databaseUrl: string): Promise<string[]> {
  let applied: { migration_name: string }[] = [];
  try {
    // Prisma's own bookkeeping table, the same on both engines.
    applied = await db.$queryRawUnsafe(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
  } catch {
    // No table yet: a fresh database.
  }
  const done = new Set(applied.map((row) => row.migration_name));
  return committedMigrations(databaseUrl).filter((name) => !done.has(name));
}

/**
 * Loaded into the CLI's process: timers of 10 s or more no longer keep it alive. On PostgreSQL the
 * WebAssembly schema engine races the migrations' advisory lock against a 10 s timeout
 * (`setTimeout` from the engine's glue code) and never clears the timer once it has the lock, so the
 * CLI, its work done, idled until the timer fired: 13 s for a `migrate deploy` with nothing to do,
 * 3 s on SQLite. Whatever the CLI still waits for (a socket, a query) keeps it alive on its own.
 */
const UNREF_LONG_TIMERS = `const set = globalThis.setTimeout;
globalThis.setTimeout = (callback, ms, ...args) => {
  const timer = set(callback, ms, ...args);
  if (ms >= 10000) timer.unref();
  return timer;
};`;

/** Runs `prisma migrate deploy` for the URL's engine (prisma.config.ts picks schema and adapter). */
export function migrateDatabase(databaseUrl: string): void {
  const cli = createRequire(import.meta.url).resolve("prisma/build/index.js");
  const preload = `data:text/javascript,${encodeURIComponent(UNREF_LONG_TIMERS)}`;
  execFileSync(process.execPath, ["--import", preload, cli, "migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
}
