// Binds the port and handles signals; everything else is built in yoga.ts.
import { createServer } from "node:http";
import { db } from "./db.js";
import { prepareDatabase } from "./start.js";
import { yoga } from "./yoga.js";

const started = performance.now();
const port = Number(process.env.PORT ?? 4000);

try {
  await prepareDatabase((line) => console.log(line));
} catch (error) {
  // One line a person can act on, not a stack trace.
  console.error(`Parley could not prepare its database: ${(error as Error).message.split("\n")[0]}`);
  process.exit(1);
}
const server = createServer(yoga);
server.listen(port, () => {
  const ms = Math.round(performance.now() - started);
  console.log(`Parley ready in ${ms} ms: GraphiQL at http://localhost:${port}${yoga.graphqlEndpoint}`);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    server.close(() => void db.$disconnect().then(() => process.exit(0)));
    server.closeIdleConnections();
  });
}
