// Binds the port and handles signals; everything else is built in yoga.ts and src/http/node-server.ts.
import { config } from "./config/settings.js";
import { watchEventLoop } from "./http/event-loop-lag.js";
import { createParleyServer, ensurePortFree, listen, shutDown } from "./http/node-server.js";

const started = performance.now();
const port = config.PORT;

/** What start-up needs to stop again. */
async function start() {
  await ensurePortFree(port);
  // Loaded here rather than imported above: opening the database happens as these modules load,
  // and a DATABASE_URL no engine takes (or a database folder that cannot be made) must be a
  // start-up failure like any other, one line and exit 1, not a stack trace.
  const { db } = await import("./db/client.js");
  const { prepareDatabase } = await import("./db/prepare.js");
  await prepareDatabase((line) => console.log(line));
  const { yoga } = await import("./yoga.js");
  const server = createParleyServer(yoga);
  await listen(server, port);
  return { db, server, endpoint: yoga.graphqlEndpoint };
}

let running: Awaited<ReturnType<typeof start>>;
try {
  running = await start();
} catch (error) {
  // One line a person can act on, not a stack trace.
  console.error(`Parley could not start: ${(error as Error).message.split("\n")[0]}`);
  process.exit(1);
}
const { db, server, endpoint } = running;
watchEventLoop();
console.log(`Parley ready in ${Math.round(performance.now() - started)} ms: GraphiQL at http://localhost:${port}${endpoint}`);

// SIGTERM (orchestrators) and SIGINT (Ctrl-C) drain: /ready turns 503, new connections are
// refused, in-flight requests finish, then the pool closes. Exit 0 when everything finished within
// SHUTDOWN_GRACE_MS, 1 when connections had to be cut. A second signal exits at once.
let shuttingDown = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (shuttingDown) process.exit(1);
    shuttingDown = true;
    const begun = performance.now();
    const hardStop = setTimeout(() => process.exit(1), config.SHUTDOWN_GRACE_MS);
    hardStop.unref();
    // Requests get the grace period less a last second (a fifth, if shorter) for the pool to close.
    const drainMs = config.SHUTDOWN_GRACE_MS - Math.min(1_000, config.SHUTDOWN_GRACE_MS / 5);
    void shutDown(server, drainMs).then(async (clean) => {
      await db.$disconnect().catch(() => undefined);
      const ms = Math.round(performance.now() - begun);
      console.log(clean ? `Parley stopped on ${signal} in ${ms} ms` : `Parley stopped on ${signal}: requests still running after ${ms} ms were cut`);
      process.exit(clean ? 0 : 1);
    });
  });
}
