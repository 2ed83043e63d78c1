// Binds the port and handles signals; everything else is built in yoga.ts.
import { createServer } from "node:http";
import { config } from "./config.js";
import { db } from "./db.js";
import { startDraining } from "./lifecycle.js";
import { prepareDatabase } from "./start.js";
import { yoga } from "./yoga.js";

const started = performance.now();
const port = config.PORT;
const SHUTDOWN_GRACE_MS = config.SHUTDOWN_GRACE_MS;

try {
  await prepareDatabase((line) => console.log(line));
} catch (error) {
  // One line a person can act on, not a stack trace.
  console.error(`Parley could not start: ${(error as Error).message.split("\n")[0]}`);
  process.exit(1);
}

const server = createServer(yoga);
server.listen(port, () => {
  const ms = Math.round(performance.now() - started);
  console.log(`Parley ready in ${ms} ms: GraphiQL at http://localhost:${port}${yoga.graphqlEndpoint}`);
});

// Drain: /ready turns 503, no new connections, in-flight requests finish, then the pool closes.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    startDraining();
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    server.close(() => void db.$disconnect().then(() => process.exit(0)));
    server.closeIdleConnections();
  });
}
