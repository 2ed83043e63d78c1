// Makes the database ready to serve: reachable, migrations applied, the seed loaded when empty.
import { db } from "./client.js";
import { databaseUrl, describeDatabase } from "./url.js";
import { migrateDatabase, pendingMigrations } from "./migrate.js";
import { seed } from "../../seed/load.js";
import { rebuildSearchIndex } from "../search/documents.js";
import { checkIntegrity } from "./integrity.js";

export async function prepareDatabase(log: (line: string) => void): Promise<void> {
  const url = databaseUrl();
  try {
    await db.$queryRawUnsafe("SELECT 1");
  } catch (error) {
    const reason = (error as Error).message.trim().split("\n").pop();
    throw new Error(`cannot reach ${describeDatabase(url)} (${reason})`);
  }
  const damage = await checkIntegrity(db, url);
  if (damage) {
    // Served anyway, so that /ready can say why this replica must not get traffic.
    log(`the database file is damaged (${damage}): /ready answers 503; restore it from a backup`);
    return;
  }
  // The CLI costs seconds (ten on PostgreSQL, whose pool keeps it alive): run it only when needed.
  const pending = await pendingMigrations(db, url);
  if (pending.length > 0) {
    migrateDatabase(url);
    log(`applied ${pending.length} migration(s): ${pending.join(", ")}`);
  }
  if ((await db.source.count()) === 0) {
    const { records, milliseconds } = await seed(db);
    log(`database was empty: seeded ${records} records in ${milliseconds} ms`);
  } else if ((await db.searchDocument.count()) === 0) {
    // Data loaded before the search index existed (migration search_index): index it once.
    const started = performance.now();
    const { documents } = await db.$transaction((tx) => rebuildSearchIndex(tx), { timeout: 600_000, maxWait: 30_000 });
    log(`search index was empty: indexed ${documents} documents in ${Math.round(performance.now() - started)} ms`);
  }
}
