// DATABASE_URL picks the engine: a file: URL (or none) is SQLite under data/, a postgresql:// URL
// is PostgreSQL.
import { mkdirSync } from "node:fs";
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/parley.db";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/** Where the database is, for messages: host and port or file, never credentials. */
export function describeDatabase(url: string): string {
  if (!isPostgresUrl(url)) return url;
  const parsed = new URL(url);
  return `PostgreSQL at ${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
}

/** The SQLite URL to open, with its folder created so that a fresh clone needs no setup. */
export function sqliteUrl(url = databaseUrl()): string {
  if (!url.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a file: or postgresql:// URL, got "${url.split(":")[0]}:…"`);
  }
  const file = url.slice("file:".length);
  if (file !== ":memory:") {
    const folder = path.dirname(path.resolve(file));
    try {
      mkdirSync(folder, { recursive: true });
    } catch (error) {
      throw new Error(`cannot create the folder of the SQLite database ${url}: ${folder} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
  }
  return url;
}
