// Makes the database ready to serve: migrations applied, and the seed loaded when it is empty.
import { db } from "./db.js";
import { databaseUrl } from "./database-url.js";
import { migrateDatabase, pendingMigrations } from "./migrate.js";
import { seed } from "../seed/load.js";

export async function prepareDatabase(log: (line: string) => void): Promise<void> {
  const url = databaseUrl();
  // The CLI costs seconds (ten on PostgreSQL, whose pool keeps it alive): run it only when needed.
  const pending = await pendingMigrations(db, url);
  if (pending.length > 0) {
    migrateDatabase(url);
    log(`applied ${pending.length} migration(s): ${pending.join(", ")}`);
  }
  if ((await db.source.count()) === 0) {
    const { records, milliseconds } = await seed(db);
    log(`database was empty: seeded ${records} records in ${milliseconds} ms`);
  }
}
