// Makes the database ready to serve: migrations applied, and the seed loaded when it is empty.
import { db } from "./db.js";
import { sqliteUrl } from "./database-url.js";
import { migrateDatabase } from "./migrate.js";
import { seed } from "../seed/load.js";

export async function prepareDatabase(log: (line: string) => void): Promise<void> {
  migrateDatabase(sqliteUrl());
  if ((await db.source.count()) === 0) {
    const { records, milliseconds } = await seed(db);
    log(`database was empty: seeded ${records} records in ${milliseconds} ms`);
  }
}
