// `npm run migration:new -- <name>`: writes the migration from the committed prisma/schema.prisma
// to the working one, for SQLite and for PostgreSQL, under the same name, offline (Prisma's
// `migrate dev` needs a shadow database the WebAssembly engine cannot create).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { derivePostgresSchema, POSTGRES_SCHEMA, SQLITE_SCHEMA } from "./postgres-schema.js";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run migration:new -- <name_in_snake_case>");
  process.exit(2);
}

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const scratch = mkdtempSync(path.join(tmpdir(), "parley-migration-"));
const sqliteSchema = readFileSync(SQLITE_SCHEMA, "utf8");
writeFileSync(POSTGRES_SCHEMA, derivePostgresSchema(sqliteSchema));

const committed = execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { cwd: root, encoding: "utf8" });
const before = { sqlite: path.join(scratch, "sqlite.prisma"), postgres: path.join(scratch, "postgres.prisma") };
writeFileSync(before.sqlite, committed);
writeFileSync(before.postgres, derivePostgresSchema(committed));

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const engines = [
  { from: before.sqlite, to: "prisma/schema.prisma", folder: "prisma/migrations", url: "file:./data/parley.db" },
  {
    from: before.postgres,
    to: "prisma/postgres/schema.prisma",
    folder: "prisma/postgres/migrations",
    url: "postgresql://127.0.0.1:5432/postgres",
  },
];
for (const engine of engines) {
  const sql = execFileSync(
    "npx",
    ["prisma", "migrate", "diff", "--from-schema-datamodel", engine.from, "--to-schema-datamodel", engine.to, "--script"],
    // pg connects as $USER, which a bare shell may leave unset.
    { cwd: root, encoding: "utf8", env: { USER: userInfo().username, ...process.env, DATABASE_URL: engine.url } },
  );
  if (sql.includes("This is an empty migration")) {
    console.error(`no change to migrate in ${engine.to} against HEAD`);
    process.exit(1);
  }
  const folder = path.join(root, engine.folder, `${stamp}_${name}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, "migration.sql"), sql);
  console.log(`wrote ${path.relative(root, folder)}/migration.sql`);
}
execFileSync("npx", ["prisma", "generate"], { cwd: root, stdio: "inherit" });
execFileSync("npx", ["prisma", "generate", "--schema", "prisma/postgres/schema.prisma"], { cwd: root, stdio: "inherit" });
