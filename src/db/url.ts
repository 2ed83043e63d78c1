// DATABASE_URL picks the engine: a file: URL (or none) is SQLite under data/, a postgresql:// URL
// is PostgreSQL.
import { mkdirSync, statSync } from "node:fs";
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
      makeFolder(folder);
    } catch (error) {
      throw new Error(`cannot create the folder of the SQLite database ${url}: ${folder} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
  }
  return url;
}

/**
 * `mkdir -p`, one level at a time: Node's recursive mkdir never returns when the file system
 * answers ENOENT for a folder whose parent exists (under /proc, say), and start-up would hang.
 */
function makeFolder(folder: string): void {
  const found = statSync(folder, { throwIfNoEntry: false });
  if (found?.isDirectory()) return;
  if (found) throw Object.assign(new Error(`${folder} is not a folder`), { code: "ENOTDIR" });
  makeFolder(path.dirname(folder));
  try {
    mkdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
}
