// The nested filtered queries of test/helpers/cost-queries.ts cost the same number of SQL
// statements over a synthetic dataset as over the seed: cost follows the query's shape, not the data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { synthesize } from "../scripts/synth/synthesize.js";
import { COST_QUERIES } from "./helpers/cost-queries.js";
import { startIsolatedServer, type IsolatedServer } from "./helpers/isolated-server.js";

const MEETINGS = 300;

let server: IsolatedServer;

beforeAll(async () => {
  server = await startIsolatedServer((db) => synthesize(db, { meetings: MEETINGS, seed: 7 }));
}, 300_000);

afterAll(async () => {
  await server?.dispose();
});

describe(`over ${MEETINGS} synthetic meetings`, () => {
  it.each(COST_QUERIES)("$name still costs $statements SQL statements", async ({ query, statements }) => {
    const { result, statements: issued } = await server.logStatements(() => server.graphql(query));
    expect(result.errors).toBeUndefined();
    expect(issued).toHaveLength(statements);
    // The data is bigger than the seed's: the first level returns rows and nested levels are filled.
    expect(JSON.stringify(result.data).length).toBeGreaterThan(1000);
  });
});
