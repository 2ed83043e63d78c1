// `npm run seed`: migrates the database if needed and reloads the seed dataset.
import { db } from "../src/db/client.js";
import { databaseUrl } from "../src/db/url.js";
import { migrateDatabase } from "../src/db/migrate.js";
import { SeedError } from "./dataset.js";
import { seed } from "./load.js";

try {
  migrateDatabase(databaseUrl());
  const { records, milliseconds } = await seed(db);
  console.log(`seeded ${records} records in ${milliseconds} ms`);
} catch (error) {
  console.error(error instanceof SeedError ? `seed failed: ${error.message}` : error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
