// The one PrismaClient. DATABASE_URL picks the engine: SQLite under data/ by default, PostgreSQL
// for a postgresql:// URL. Both clients are generated from the same models.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client.js";
import { PrismaClient as PostgresPrismaClient } from "./generated/postgres/client.js";
import { databaseUrl, isPostgresUrl, sqliteUrl } from "./database-url.js";

// Query events feed the statement counter that tests and benchmarks read.
const log = [{ emit: "event" as const, level: "query" as const }];

export function createDb(url = databaseUrl()) {
  if (isPostgresUrl(url)) {
    const adapter = new PrismaPg({ connectionString: url, connectionTimeoutMillis: 2_000 });
    // Same models, same generated API: the PostgreSQL client stands in for the SQLite one's type.
    return new PostgresPrismaClient({ adapter, log }) as unknown as PrismaClient<"query">;
  }
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: sqliteUrl(url) }), log });
}

export const db = createDb();
