// Builds the run's database from the committed migrations and loads the seed, as `npm start` does.
import { rmSync } from "node:fs";
import { createDb } from "../src/db.js";
import { migrateDatabase } from "../src/migrate.js";
import { seed } from "../seed/load.js";

export default async function setup(): Promise<() => void> {
  const url = process.env.DATABASE_URL as string;
  migrateDatabase(url);
  const db = createDb(url);
  await seed(db);
  await db.$disconnect();
  return () => rmSync(url.slice("file:".length), { force: true });
}
