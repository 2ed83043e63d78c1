// Rows read per row returned, on PostgreSQL: a nested page is cut per parent inside the one joined
// statement (LATERAL … LIMIT) and read in index order, so Kazakhstan's trade records cost the
// GraphiQL default query the same rows whether there are ten or a hundred times more than in the seed. Rows
// read are what EXPLAIN ANALYZE counts at the scans of the TradeRecord table (kept or filtered out), running the very
// statement the server sent with its parameters. (SQLite's pages are cut per parent by
// src/db/nested-pages.ts; test/nested-pages.test.ts shows its rows read bounded the same way.)
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_QUERY } from "../src/graphiql/default-query.js";
import { synthesize } from "../scripts/synth/synthesize.js";
import { startIsolatedServer, type IsolatedServer } from "./helpers/isolated-server.js";
import { tradeRecordGrowth } from "./helpers/trade-growth.js";

const GROWTH = 100;

interface PlanNode {
  "Relation Name"?: string;
  "Actual Rows": number;
  "Actual Loops": number;
  "Rows Removed by Filter"?: number;
  "Rows Removed by Index Recheck"?: number;
  Plans?: PlanNode[];
}

/** Rows the plan's scans of `table` read, over all their loops: those they produced and those they discarded. */
const rowsScanned = (node: PlanNode, table: string): number =>
  (node["Relation Name"] === table
    ? (node["Actual Rows"] + (node["Rows Removed by Filter"] ?? 0) + (node["Rows Removed by Index Recheck"] ?? 0)) * node["Actual Loops"]
    : 0) + (node.Plans ?? []).reduce((sum, child) => sum + rowsScanned(child, table), 0);

/** Parameters as Prisma's query event prints them (plain JSON values, or tagged ones for dates and the like). */
const parameterValue = (value: unknown) => (value && typeof value === "object" && "prisma__value" in value ? (value as { prisma__value: unknown }).prisma__value : value);

let server: IsolatedServer;
let sql: pg.Client;

/** Runs the default query, then EXPLAIN ANALYZE on each statement it sent: trade rows scanned, and the answer. */
async function defaultQueryReads() {
  const sent: { query: string; params: string }[] = [];
  const listener = (event: { query: string; params: string }) => sent.push(event);
  server.serverDb.$on("query", listener);
  const result = await server.graphql(DEFAULT_QUERY);
  let tradeRows = 0;
  for (const statement of sent) {
    const values = (JSON.parse(statement.params) as unknown[]).map(parameterValue);
    const { rows } = await sql.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${statement.query}`, values);
    tradeRows += rowsScanned(rows[0]!["QUERY PLAN"][0].Plan, "TradeRecord");
  }
  return { result, statements: sent.length, tradeRows };
}

describe("rows read by the GraphiQL default query on PostgreSQL", () => {
  beforeAll(async () => {
    // The seed among 300 synthetic meetings' worth of other countries' records, so that the
    // planner sees a table shaped like a real one, not one country's records alone.
    server = await startIsolatedServer((db) => synthesize(db, { meetings: 300, seed: 1 }));
    sql = new pg.Client({ connectionString: server.url });
  }, 120_000);
  afterAll(async () => {
    await sql?.end();
    await server?.dispose();
  });

  it("stay the same when one parent's children grow tenfold, then a hundredfold", async () => {
    await sql.connect();
    const growth = await tradeRecordGrowth(server.db, "KZ");
    const { records } = growth;
    expect(records.length).toBeGreaterThan(0);
    // The planner needs the new statistics to keep the index once the table has grown.
    const grow = async (from: number, to: number) => {
      await growth.grow(from, to);
      await sql.query('ANALYZE "TradeRecord"');
    };
    await grow(0, 10 * records.length);
    const tenfold = await defaultQueryReads();
    await grow(10 * records.length, GROWTH * records.length);
    const hundredfold = await defaultQueryReads();
    expect(hundredfold.result.data).toEqual(tenfold.result.data);
    expect(hundredfold.statements).toBe(1);
    // At most one page of 10, and the row that says whether there is a next one, per head's country.
    expect(tenfold.tradeRows).toBeLessThanOrEqual(2 * 11);
    expect(hundredfold.tradeRows).toBe(tenfold.tradeRows);
  });
});
