// The in-process client and SQL log over a database of the test's own, filled by the test: with a
// synthetic dataset (scripts/synth), to show that a query costs as many statements on many rows as
// on the seed's few, or with rows a rule needs that the seed does not have.
import { vi } from "vitest";
import type { PrismaClient } from "../../src/generated/prisma/client.js";
import { synthesize } from "../../scripts/synth/synthesize.js";
import { createTempDb } from "./temp-db.js";

export type IsolatedServer = Awaited<ReturnType<typeof startIsolatedServer>>;

export async function startIsolatedServer(fill: (db: PrismaClient) => Promise<unknown>) {
  const temp = await createTempDb();
  try {
    await fill(temp.db);
  } catch (error) {
    await temp.dispose();
    throw error;
  }
  // src/db/client.ts connects to DATABASE_URL when it is first imported, so the server's modules are
  // loaded afresh while it names this database; the test file's own imports keep the run's.
  const runDatabaseUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = temp.url;
  vi.resetModules();
  try {
    const { graphql, query } = await import("./client.js");
    const { logStatements } = await import("./sql-log.js");
    const { db: serverDb } = await import("../../src/db/client.js");
    return {
      graphql,
      query,
      logStatements,
      /** A client of the test's own on the same database, to write rows and check answers. */
      db: temp.db,
      url: temp.url,
      /** The server's own client, whose query events carry each statement's parameters. */
      serverDb,
      async dispose() {
        await serverDb.$disconnect();
        await temp.dispose();
      },
    };
  } finally {
    process.env.DATABASE_URL = runDatabaseUrl;
  }
}

/** A server over the seed plus `meetings` synthetic meetings around it. */
export const startSyntheticServer = (meetings: number) =>
  startIsolatedServer((db) => synthesize(db, { meetings, seed: 1 }));
