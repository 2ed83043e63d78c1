// SQL statements per request, counted in-process the way test/helpers/sql-log.ts does: the request
// goes through yoga.fetch and Prisma's query events are counted. Run as a child process, because
// src/db/client.ts picks its database from DATABASE_URL when it is imported.
// Input (argv[2]): JSON OperationInputs. Output (stdout): JSON StatementCounts.
import { db } from "../src/db/client.js";
import { yoga } from "../src/yoga.js";
import { OPERATIONS, REQUEST_HEADERS, requestBodies, type OperationInputs, type OperationName } from "./operations.js";

export interface StatementCount {
  statements: number;
  /** The table each statement reads first (its FROM), in the order Prisma sent them. */
  tables: string[];
}

export interface StatementCounts {
  operations: Record<OperationName, StatementCount>;
  /** meetingList with a small and a large page: the count must not depend on the rows returned. */
  listScaling: { first: number; statements: number; edges: number }[];
}

const log: string[] = [];
db.$on("query", (event) => log.push(event.query));

async function count(body: string): Promise<{ statements: string[]; data: unknown }> {
  const start = log.length;
  const response = await yoga.fetch("http://parley/graphql", { method: "POST", headers: REQUEST_HEADERS, body });
  const result = (await response.json()) as { data?: unknown; errors?: unknown[] };
  if (response.status !== 200 || result.errors) throw new Error(`request failed (${response.status}): ${JSON.stringify(result.errors)}`);
  return { statements: log.slice(start), data: result.data };
}

const tableOf = (statement: string) => /\bFROM\s+[`"]?\w+[`"]?\.[`"]?(\w+)/.exec(statement)?.[1] ?? "?";

const inputs = JSON.parse(process.argv[2] ?? "{}") as OperationInputs;
const operations = {} as Record<OperationName, StatementCount>;
for (const operation of OPERATIONS) {
  const [body] = requestBodies(operation, inputs);
  const { statements } = await count(body as string);
  operations[operation.name] = { statements: statements.length, tables: statements.map(tableOf) };
}

const listOperation = OPERATIONS.find((operation) => operation.name === "meetingList")!;
const listScaling = [];
for (const first of [5, 50]) {
  const [body] = requestBodies(listOperation, { ...inputs, listSize: first });
  const { statements, data } = await count(body as string);
  listScaling.push({ first, statements: statements.length, edges: (data as { meetings: { edges: unknown[] } }).meetings.edges.length });
}

console.log(JSON.stringify({ operations, listScaling } satisfies StatementCounts));
await db.$disconnect();
