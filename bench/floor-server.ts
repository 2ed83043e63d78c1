// The floor: the least a server can do to answer the benchmark's four operations over HTTP —
// node:http, the hand-written statements of floor/plans.ts through better-sqlite3 or a `pg` Pool,
// JSON.stringify. No GraphQL, no Prisma. It dispatches on the request's `operationName` and answers
// `{ "data": … }` in the same shape as the GraphQL server, so the same load drives both.
// Run: DATABASE_URL=… PORT=… node --import tsx bench/floor-server.ts
import { createServer, type IncomingMessage } from "node:http";
import { FLOOR_HANDLERS, type FloorHandler } from "./floor/handlers.js";
import { openSql } from "./floor/sql.js";
import { OPERATIONS } from "./operations.js";

const handlers = new Map<string, FloorHandler>(OPERATIONS.map((operation) => [operation.operationName, FLOOR_HANDLERS[operation.name]]));

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is required");
const sql = openSql(url);
const port = Number(process.env.PORT ?? 4100);

const server = createServer(async (request, response) => {
  if (request.url === "/health") {
    response.writeHead(200, { "content-type": "text/plain" }).end("ok");
    return;
  }
  let status = 200;
  let payload: unknown;
  try {
    const { operationName, variables } = JSON.parse(await readBody(request)) as { operationName?: string; variables?: Record<string, unknown> };
    const handler = operationName ? handlers.get(operationName) : undefined;
    if (handler) payload = { data: await handler(sql, variables ?? {}) };
    else [status, payload] = [400, { errors: [{ message: `unknown operation ${operationName}` }] }];
  } catch (error) {
    [status, payload] = [500, { errors: [{ message: (error as Error).message }] }];
  }
  response.writeHead(status, { "content-type": "application/graphql-response+json; charset=utf-8" }).end(JSON.stringify(payload));
});

server.listen(port, () => console.log(`floor ready on ${port} (${sql.engine})`));

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    server.close(() => void sql.close().then(() => process.exit(0)));
    server.closeAllConnections();
  });
}
