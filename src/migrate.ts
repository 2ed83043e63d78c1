// Brings the database schema up to date with the committed migrations, through Prisma's own CLI
// (offline, WebAssembly engine), so that `npm start` on a fresh clone needs no manual step.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

export function migrateDatabase(databaseUrl: string): void {
  const cli = createRequire(import.meta.url).resolve("prisma/build/index.js");
  execFileSync(process.execPath, [cli, "migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
}
