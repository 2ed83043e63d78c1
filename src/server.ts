// Binds the port and handles signals; everything else is built in yoga.ts.
import { createServer } from "node:http";
import { db } from "./db.js";
import { prepareDatabase } from "./start.js";
import { yoga } from "./yoga.js";

const started = performance.now();
const port = Number(process.env.PORT ?? 4000);

await prepareDatabase((line) => console.log(line));
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
