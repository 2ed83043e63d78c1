// A database of a test's own, for tests that write (seed reloads), so they never disturb the others.
import { createDb } from "../../src/db/client.js";
import { databaseUrl } from "../../src/db/url.js";
import { migrateDatabase } from "../../src/db/migrate.js";
import { createDatabase, dropDatabase } from "./databases.js";

export async function createTempDb() {
  const url = await createDatabase(databaseUrl());
  migrateDatabase(url);
  const db = createDb(url);
  return {
    db,
    url,
    async dispose() {
      await db.$disconnect();
      await dropDatabase(url);
    },
  };
}
