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

/** Runs `prisma migrate deploy` for the URL's engine (prisma.config.ts picks schema and adapter). */
export function migrateDatabase(databaseUrl: string): void {
  const cli = createRequire(import.meta.url).resolve("prisma/build/index.js");
  execFileSync(process.execPath, [cli, "migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
}
