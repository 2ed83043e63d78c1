// The nested filtered queries of test/helpers/cost-queries.ts cost the same number of SQL
// statements over a synthetic dataset as over the seed: cost follows the query's shape, not the data.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { synthesize } from "../scripts/synth/synthesize.js";
import { COST_QUERIES } from "./helpers/cost-queries.js";
import { createTempDb } from "./helpers/temp-db.js";

const MEETINGS = 300;

let temp: Awaited<ReturnType<typeof createTempDb>>;
let client: typeof import("./helpers/client.js");
let sqlLog: typeof import("./helpers/sql-log.js");

beforeAll(async () => {
  temp = await createTempDb();
  await synthesize(temp.db, { meetings: MEETINGS, seed: 7 });
  // A fresh copy of the server, bound to the synthetic database.
  process.env.DATABASE_URL = temp.url;
  vi.resetModules();
  client = await import("./helpers/client.js");
  sqlLog = await import("./helpers/sql-log.js");
}, 300_000);

afterAll(async () => {
  const { db } = await import("../src/db.js");
  await db.$disconnect();
  await temp?.dispose();
});

describe(`over ${MEETINGS} synthetic meetings`, () => {
  it.each(COST_QUERIES)("$name still costs $statements SQL statements", async ({ query, statements }) => {
    const { result, statements: issued } = await sqlLog.logStatements(() => client.graphql(query));
    expect(result.errors).toBeUndefined();
    expect(issued).toHaveLength(statements);
    // The data is bigger than the seed's: the first level returns rows and nested levels are filled.
    expect(JSON.stringify(result.data).length).toBeGreaterThan(1000);
  });
});
