// What the floor's plan costs the database per request: statements sent and rows read, counted by
// running each plan once through a wrapper. The statement count must equal the server's (Prisma's
// query events), which checks that the floor follows the server's plan level by level; the rows
// read show how much a nested `first: n` really fetches.
import type { OperationInputs, OperationName } from "../operations.js";
import { OPERATIONS, variablesFor } from "../operations.js";
import { FLOOR_HANDLERS } from "./handlers.js";
import type { Sql } from "./sql.js";

export interface PlanCost {
  statements: number;
  rowsRead: number;
  /** Each statement's table (its FROM) and the rows it returned, in the order the floor sent them. */
  perStatement: { table: string; rows: number }[];
}

export async function floorPlanCosts(sql: Sql, inputs: OperationInputs): Promise<Record<OperationName, PlanCost>> {
  const costs = {} as Record<OperationName, PlanCost>;
  for (const operation of OPERATIONS) {
    const perStatement: PlanCost["perStatement"] = [];
    const counting: Sql = {
      ...sql,
      all: async (text, params) => {
        const rows = await sql.all(text, params);
        perStatement.push({ table: /\bFROM "(\w+)"/.exec(text)?.[1] ?? "?", rows: rows.length });
        return rows;
      },
    };
    await FLOOR_HANDLERS[operation.name](counting, variablesFor(operation.name, inputs)[0] ?? {});
    const rowsRead = perStatement.reduce((sum, statement) => sum + statement.rows, 0);
    costs[operation.name] = { statements: perStatement.length, rowsRead, perStatement };
  }
  return costs;
}
