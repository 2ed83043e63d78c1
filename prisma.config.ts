// Prisma CLI configuration. The CLI runs offline through its WebAssembly engine, which reaches the
// database through a driver adapter; DATABASE_URL picks SQLite or PostgreSQL, each with its own
// schema file (the PostgreSQL one derived from the SQLite one) and migration history.
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseUrl, isPostgresUrl, sqliteUrl } from "./src/db/url.js";

const url = databaseUrl();
const postgres = isPostgresUrl(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: postgres ? "prisma/postgres/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: postgres ? "prisma/postgres/migrations" : "prisma/migrations" },
  async adapter() {
    // The CLI never closes the pool: a short idle timeout lets it exit instead of idling 10 s.
    return postgres
      ? new PrismaPg({ connectionString: url, idleTimeoutMillis: 100 })
      : new PrismaBetterSQLite3({ url: sqliteUrl(url) });
  },
});
