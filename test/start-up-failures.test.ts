// Start-up failures of the real process: each is one line naming the cause and exit code 1, never a
// stack trace, and a port already in use is found before the database is touched.
import { existsSync, mkdtempSync } from "node:fs";
import { once } from "node:events";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { startServer } from "./helpers/server-process.js";

async function failedStart(databaseUrl: string, env: Record<string, string> = {}) {
  const server = await startServer(databaseUrl, env);
  const code = await server.exited;
  const lines = server.output().split("\n").filter((line) => line.trim() !== "");
  return { code, lines };
}

const freshSqliteFile = () => path.join(mkdtempSync(path.join(tmpdir(), "parley-start-")), "parley.db");

describe("start-up failures", () => {
  it("refuses a port in use before it migrates or seeds anything", async () => {
    const taken = createServer().listen(0);
    await once(taken, "listening");
    const { port } = taken.address() as { port: number };
    const file = freshSqliteFile();
    try {
      const { code, lines } = await failedStart(`file:${file}`, { PORT: String(port) });
      expect(code).toBe(1);
      expect(lines).toEqual([`Parley could not start: port ${port} is already in use (set PORT to another one, or stop what is listening there)`]);
      expect(existsSync(file)).toBe(false);
    } finally {
      taken.close();
    }
  });

  it.each([
    ["a URL of an engine Parley does not run on", "mysql://root@127.0.0.1:3306/parley", 'Parley could not start: DATABASE_URL must be a file: or postgresql:// URL, got "mysql:…"'],
    [
      "a SQLite file whose folder cannot be made",
      "file:/dev/null/parley.db",
      "Parley could not start: cannot create the folder of the SQLite database file:/dev/null/parley.db: /dev/null (ENOTDIR)",
    ],
    [
      // Node's own recursive mkdir never returned here.
      "a SQLite folder the file system refuses",
      "file:/proc/parley/parley.db",
      "Parley could not start: cannot create the folder of the SQLite database file:/proc/parley/parley.db: /proc/parley (ENOENT)",
    ],
    ["a SQLite file that cannot be opened", "file:/sys/parley.db", "Parley could not start: cannot reach file:/sys/parley.db (unable to open database file)"],
  ])("stops with one line on %s", async (_case, databaseUrl, line) => {
    const { code, lines } = await failedStart(databaseUrl);
    expect(code).toBe(1);
    expect(lines).toEqual([line]);
  });
});
