// A database of a test's own, for tests that write (seed reloads), so they never disturb the others.
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDb } from "../../src/db.js";
import { migrateDatabase } from "../../src/migrate.js";

export function createTempDb() {
  const file = path.join(tmpdir(), `parley-test-own-${process.pid}-${Math.random().toString(36).slice(2)}.db`);
  const url = `file:${file}`;
  migrateDatabase(url);
  const db = createDb(url);
  return {
    db,
    async dispose() {
      await db.$disconnect();
      rmSync(file, { force: true });
    },
  };
}
