// The one PrismaClient. DATABASE_URL picks the database; SQLite under data/ is the default.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/prisma/client.js";
import { sqliteUrl } from "./database-url.js";

export function createDb(url = sqliteUrl()) {
  return new PrismaClient({
    adapter: new PrismaBetterSQLite3({ url }),
    // Query events feed the statement counter that tests and benchmarks read.
    log: [{ emit: "event", level: "query" }],
  });
}

export const db = createDb();
