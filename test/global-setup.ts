// Builds the run's database (one per engine project) from the committed migrations and loads the
// seed, as `npm start` does; drops it afterwards.
import type { TestProject } from "vitest/node";
import { createDb } from "../src/db/client.js";
import { migrateDatabase } from "../src/db/migrate.js";
import { seed } from "../seed/load.js";
import { createDatabase, dropDatabase } from "./helpers/databases.js";
import { engineTemplateUrl } from "./helpers/engines.js";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = await createDatabase(engineTemplateUrl(project.name));
  project.provide("databaseUrl", url);
  migrateDatabase(url);
  const db = createDb(url);
  await seed(db);
  await db.$disconnect();
  return () => dropDatabase(url);
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
