// Before anything is measured, the floor must do the server's work: read the same tables with the
// same statements (the order of concurrent siblings may differ) and answer the same JSON. Used by
// `npm run bench` (with verify.ts) on the full data set and by test/bench-smoke.test.ts on a small one, so that a
// change to the server that the floor does not follow fails the test suite, not the next bench run.
import { randomBytes } from "node:crypto";
import type { PlanCost } from "./floor/cost.js";
import { OPERATIONS, type OperationInputs, type OperationName } from "./operations.js";
import { runJson, startService, type Service } from "./processes.js";
import type { StatementCounts } from "./statements.js";

/**
 * The server as deployed, but measured on what it serves: the rate limit and event-loop shedding
 * would turn part of a closed loop's requests into refusals, which cost next to nothing and would
 * be counted as served. The floor signs its cursors with the same secret, so both answer alike.
 */
const SERVER_ENV = {
  NODE_ENV: "production",
  RATE_LIMIT_POINTS: "1000000000",
  MAX_EVENT_LOOP_LAG_MS: "0",
  CURSOR_SECRET: randomBytes(32).toString("base64url"),
};

/** Starts the server (`entry`: the built one, or src/server.ts through tsx) and the floor on `url`. */
export async function startServerAndFloor(url: string, entry: string[]): Promise<{ server: Service; floor: Service }> {
  const server = await startService("server", entry, { ...SERVER_ENV, DATABASE_URL: url });
  const floor = await startService("floor", ["--import", "tsx", "bench/floor-server.ts"], { DATABASE_URL: url, CURSOR_SECRET: SERVER_ENV.CURSOR_SECRET });
  return { server, floor };
}

/**
 * Counts the server's statements per operation in-process (bench/statements.ts) against `url`;
 * quiet, since request log lines written after the result would end up last on stdout.
 */
export const countStatements = (url: string, inputs: OperationInputs) =>
  runJson<StatementCounts>(["--import", "tsx", "bench/statements.ts", JSON.stringify(inputs)], { DATABASE_URL: url, NODE_ENV: "production", LOG_LEVEL: "warn" });

/** Throws unless the floor's plan reads the tables the server's statements read, operation by operation. */
export function checkSamePlan(engine: string, counted: StatementCounts, floorCosts: Record<OperationName, PlanCost>): void {
  for (const operation of OPERATIONS) {
    const server = [...counted.operations[operation.name].tables].sort().join(", ");
    const floor = floorCosts[operation.name].perStatement.map((statement) => statement.table).sort().join(", ");
    if (server !== floor) throw new Error(`${engine} ${operation.name}: the server's statements read ${server}; the floor's ${floor}`);
  }
}
