// Binds the port and handles signals; everything else is built in yoga.ts and src/http/. With
// WEB_CONCURRENCY above 1 this file runs first as the cluster's primary, which prepares the database
// and starts the workers (src/http/cluster.ts), then once in each worker, which serves.
import cluster from "node:cluster";
import { config } from "./config/settings.js";
import { isClusterWorker, reportReady, runPrimary, startUpFindings } from "./http/cluster.js";
import { watchEventLoop } from "./http/event-loop.js";
import { createParleyServer, ensurePortFree, listen, shutDown } from "./http/node-server.js";

const started = performance.now();
const port = config.PORT;
const name = isClusterWorker() ? `Parley worker ${cluster.worker!.id} (pid ${process.pid})` : "Parley";

/** One line a person can act on, not a stack trace. */
function couldNotStart(error: unknown): never {
  console.error(`Parley could not start: ${(error as Error).message.split("\n")[0]}`);
  process.exit(1);
}

/** Start-up's checks and preparation, done once: in the one process, or in the cluster's primary. */
async function prepare() {
  await ensurePortFree(port);
  // Loaded here rather than imported above: opening the database happens as these modules load,
  // and a DATABASE_URL no engine takes (or a database folder that cannot be made) must be a
  // start-up failure like any other, one line and exit 1, not a stack trace.
  const { db } = await import("./db/client.js");
  const { prepareDatabase } = await import("./db/prepare.js");
  await prepareDatabase((line) => console.log(line));
  return db;
}

/** A worker's database, prepared by the primary; a damaged file checked again for this process's /ready. */
async function openPrepared() {
  const { db } = await import("./db/client.js");
  if ((await startUpFindings()).databaseDamaged) {
    const { checkIntegrity } = await import("./db/integrity.js");
    const { databaseUrl } = await import("./db/url.js");
    await checkIntegrity(db, databaseUrl());
  }
  return db;
}

/** What serving needs to stop again. */
async function serve() {
  const db = isClusterWorker() ? await openPrepared() : await prepare();
  const { yoga } = await import("./yoga.js");
  const server = createParleyServer(yoga);
  await listen(server, port);
  return { db, server, endpoint: yoga.graphqlEndpoint };
}

async function startPrimary() {
  try {
    // The primary serves nothing: it keeps no connection open once the database is ready.
    await (await prepare()).$disconnect();
  } catch (error) {
    couldNotStart(error);
  }
  const { databaseDamage } = await import("./db/integrity.js");
  runPrimary({
    workers: config.WEB_CONCURRENCY,
    databaseDamaged: databaseDamage() !== undefined,
    onReady: (endpoint) =>
      console.log(`Parley ready in ${Math.round(performance.now() - started)} ms: ${config.WEB_CONCURRENCY} workers, GraphiQL at http://localhost:${port}${endpoint}`),
  });
}

async function startServing() {
  let running: Awaited<ReturnType<typeof serve>>;
  try {
    running = await serve();
  } catch (error) {
    couldNotStart(error);
  }
  const { db, server, endpoint } = running;
  watchEventLoop();
  const ms = Math.round(performance.now() - started);
  if (isClusterWorker()) {
    console.log(`${name} ready in ${ms} ms`);
    reportReady(endpoint);
  } else {
    console.log(`Parley ready in ${ms} ms: GraphiQL at http://localhost:${port}${endpoint}`);
  }

  // SIGTERM (orchestrators) and SIGINT (Ctrl-C) drain: /ready turns 503, new connections are
  // refused, in-flight requests finish, then the pool closes. Exit 0 when everything finished within
  // SHUTDOWN_GRACE_MS, 1 when connections had to be cut. A second signal exits at once; a worker
  // ignores it, since Ctrl-C reaches it twice (from the terminal and from the primary), and leaves
  // cutting short to the primary.
  let shuttingDown = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (shuttingDown) {
        if (isClusterWorker()) return;
        process.exit(1);
      }
      shuttingDown = true;
      const begun = performance.now();
      const hardStop = setTimeout(() => process.exit(1), config.SHUTDOWN_GRACE_MS);
      hardStop.unref();
      // Requests get the grace period less a last second (a fifth, if shorter) for the pool to close.
      const drainMs = config.SHUTDOWN_GRACE_MS - Math.min(1_000, config.SHUTDOWN_GRACE_MS / 5);
      void shutDown(server, drainMs).then(async (clean) => {
        await db.$disconnect().catch(() => undefined);
        const ms = Math.round(performance.now() - begun);
        console.log(clean ? `${name} stopped on ${signal} in ${ms} ms` : `${name} stopped on ${signal}: requests still running after ${ms} ms were cut`);
        process.exit(clean ? 0 : 1);
      });
    });
  }
}

if (config.WEB_CONCURRENCY > 1 && cluster.isPrimary) await startPrimary();
else await startServing();
