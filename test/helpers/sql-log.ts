// Counts the SQL statements Prisma sends while a piece of work runs (Prisma's query events).
import { db } from "../../src/db/client.js";

const statements: string[] = [];
db.$on("query", (event) => statements.push(event.query));

export async function logStatements<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const start = statements.length;
  const result = await work();
  return { result, statements: statements.slice(start) };
}
