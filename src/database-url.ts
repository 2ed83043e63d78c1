// Where the embedded SQLite database lives when DATABASE_URL does not say otherwise.
import { mkdirSync } from "node:fs";
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/parley.db";

/** The SQLite URL to open, with its folder created so that a fresh clone needs no setup. */
export function sqliteUrl(databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): string {
  if (!databaseUrl.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a file: URL for SQLite, got "${databaseUrl.split(":")[0]}:…"`);
  }
  const file = databaseUrl.slice("file:".length);
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  return databaseUrl;
}
