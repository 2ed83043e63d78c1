// Before anything is measured, the floor must do the server's work: answer the same JSON and, where
// the server reads one relation level per statement, read the same tables with the same statements. Used by
// `npm run bench` (with verify.ts) on the full data set and by test/bench-smoke.test.ts on a small one, so that a
// change to the server that the floor does not follow fails the test suite, not the next bench run.
import { randomBytes } from "node:crypto";
import type { PlanCost } from "./floor/cost.js";
import { OPERATIONS, type OperationInputs, type OperationName } from "./operations.js";
import { runJson, startService, type Service } from "./processes.js";
import type { StatementCounts } from "./statements.js";

/**
 * The server as deployed, but measured on what it serves: the rate limit and event-loop shedding
 * (and pacing on utilization, which would hold back a closed loop) would turn part of a closed loop's requests into refusals, which cost next to nothing and would
 * be counted as served. The floor signs its cursors with the same secret, so both answer alike.
 */
const SERVER_ENV = {
  NODE_ENV: "production",
  RATE_LIMIT_POINTS: "1000000000",
  MAX_EVENT_LOOP_LAG_MS: "0",
  MAX_EVENT_LOOP_UTILIZATION: "0",
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

/**
 * Throws unless the floor follows the server's plan where the server sends one statement per
 * relation level (SQLite): the same tables, statement for statement (the order of concurrent
 * siblings may differ). On PostgreSQL the server joins an operation's relations into one statement
 * where that reads fewer rows (src/db/join-strategy.ts) and the floor keeps its statement-per-level
 * plan: there it must still answer the same data (verify.ts), and never send fewer statements.
 */
export function checkSamePlan(engine: "sqlite" | "postgres", counted: StatementCounts, floorCosts: Record<OperationName, PlanCost>): void {
  for (const operation of OPERATIONS) {
    const server = counted.operations[operation.name];
    const floor = floorCosts[operation.name].perStatement;
    if (engine === "postgres") {
      if (server.statements > floor.length) throw new Error(`${engine} ${operation.name}: the server sent ${server.statements} statements, the floor's plan ${floor.length}`);
      continue;
    }
    const serverTables = [...server.tables].sort().join(", ");
    const floorTables = floor.map((statement) => statement.table).sort().join(", ");
    if (serverTables !== floorTables) throw new Error(`${engine} ${operation.name}: the server's statements read ${serverTables}; the floor's ${floorTables}`);
  }
}
