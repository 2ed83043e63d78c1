// A SQLite file that opens but is damaged: the server still starts, and /ready says the file is
// damaged (503) from the start, instead of some later query failing with an internal error.
import { mkdtempSync, openSync, writeSync, closeSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { startServer, whenListening } from "./helpers/server-process.js";

/** A migrated, seeded SQLite file, made by the server itself, then stopped. */
async function seededFile(): Promise<string> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "parley-damaged-")), "parley.db");
  const server = await startServer(`file:${file}`);
  await whenListening(server);
  server.child.kill("SIGTERM");
  await server.exited;
  return file;
}

/** Overwrites the first page of a table's b-tree with garbage, as a torn write would. */
function damageTable(file: string, table: string): void {
  const sqlite = new Database(file);
  const { pageno, pageSize } = sqlite
    .prepare("SELECT pageno, (SELECT page_size FROM pragma_page_size) AS pageSize FROM dbstat WHERE name = ? ORDER BY pageno LIMIT 1")
    .get(table) as { pageno: number; pageSize: number };
  sqlite.close();
  const fd = openSync(file, "r+");
  writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (pageno - 1) * pageSize);
  closeSync(fd);
}

describe("a damaged SQLite file", () => {
  it("is reported by /ready from start-up on, while the process stays up", async () => {
    const file = await seededFile();
    damageTable(file, "SearchTerm");
    const server = await startServer(`file:${file}`);
    try {
      await whenListening(server);
      const ready = await fetch(`${server.url}/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: "unavailable", reason: expect.stringMatching(/^database file damaged: /) });
      expect(server.output()).toMatch(/the database file is damaged \(.+\): \/ready answers 503/);
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
    } finally {
      server.child.kill("SIGKILL");
    }
  });

  it("an undamaged file is ready", async () => {
    const file = await seededFile();
    const server = await startServer(`file:${file}`);
    try {
      await whenListening(server);
      expect((await fetch(`${server.url}/ready`)).status).toBe(200);
    } finally {
      server.child.kill("SIGKILL");
    }
  });
});
