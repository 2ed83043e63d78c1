// `npm run bench`: builds the server once; fills SQLite and PostgreSQL with `npm run synth`'s
// default set (once: later runs reuse it while both engines hold the same rows); then, per engine,
// counts SQL statements per operation, checks the floor answers exactly what the server does (and,
// on PostgreSQL, that PostGraphile answers the same rows), and measures the four operations against
// the real server (`node dist/src/server.js`, production mode), the floor and, on PostgreSQL,
// PostGraphile in alternating rounds, the load coming from other processes. Finally it profiles the
// server's CPU on SQLite. Writes bench/results/.
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { freemem, totalmem, cpus } from "node:os";
import { readConfig, type BenchConfig } from "./config.js";
import { analyzeIfNeeded, chooseInputs, datasetSizes, ensureSynthetic, type Fill } from "./dataset.js";
import { floorPlanCosts } from "./floor/cost.js";
import { openSql } from "./floor/sql.js";
import { TargetMeasurement, type Measurement } from "./measure.js";
import { OPERATIONS, REQUEST_HEADERS, requestBodies, type OperationName } from "./operations.js";
import { peerVersion, startPeer } from "./peer.js";
import { peerRequestBodies } from "./peer-operations.js";
import { PROFILED_OPERATIONS, profileServer } from "./profile.js";
import { memory, ROOT, stopService, type Service } from "./processes.js";
import { writeResults, type BenchResults, type DatabaseResults, type OperationResults } from "./report.js";
import { checkSamePlan, countStatements, startServerAndFloor } from "./same-data.js";
import { verifyFloor } from "./verify.js";
import { verifyPeer, type PeerVerification } from "./verify-peer.js";

const started = performance.now();
const log = (line: string) => console.log(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

/** pg's default pool size, which @prisma/adapter-pg does not change (src/db/client.ts passes no `max`). */
const SERVER_POOL_SIZE = 10;

/** Requests/s of the first ÷ the second, to three decimals. */
const ratio = (first: Measurement, second: Measurement) => Math.round((first.requestsPerSecond / second.requestsPerSecond) * 1000) / 1000;

function build(): void {
  log("npm run build");
  const result = spawnSync("npm", ["run", "--silent", "build"], { cwd: ROOT, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stdout}\n${result.stderr}`);
}

type Database = BenchConfig["databases"][number];

/**
 * Fills every database (or reuses what it holds), then makes sure the engines hold the same rows:
 * when the generator has changed since one of them was filled, both are filled again.
 */
async function fillDatabases(config: BenchConfig): Promise<Map<Database, Fill>> {
  const fill = async (refill: boolean) => {
    const filled = new Map<Database, Fill>();
    for (const database of config.databases) {
      filled.set(database, await ensureSynthetic(database.url, config.synth, ROOT, (line) => log(`${database.engine}: ${line}`), refill));
    }
    return filled;
  };
  let fills = await fill(false);
  const differ = () => new Set([...fills.values()].map((entry) => entry.digest)).size > 1;
  if (differ()) {
    log("the engines hold different synthetic data (the generator changed since one was filled): filling both again");
    const first = fills;
    fills = await fill(true);
    for (const [database, entry] of fills) entry.synthSeconds += first.get(database)?.synthSeconds ?? 0;
    if (differ()) throw new Error(`npm run synth left different data on the two engines: ${[...fills.values()].map((entry) => entry.digest).join(" vs ")}`);
  }
  return fills;
}

async function benchDatabase(config: BenchConfig, database: Database, { synthSeconds, generator, digest }: Fill): Promise<DatabaseResults> {
  const { engine, url } = database;
  const say = (line: string) => log(`${engine}: ${line}`);
  const analyzed = await analyzeIfNeeded(url);
  if (analyzed.length > 0) say(`ANALYZE: ${analyzed.length} tables had no statistics`);

  const sql = openSql(url);
  const version = String((await sql.all(engine === "sqlite" ? "SELECT sqlite_version() AS v" : "SELECT version() AS v", []))[0]?.v);
  const autovacuum = engine === "postgres" ? String((await sql.all("SELECT current_setting('autovacuum') AS v", []))[0]?.v) : null;
  const sizes = await datasetSizes(sql);
  const { countryMeetings, ...inputs } = await chooseInputs(sql, config.listSize);
  const floorCosts = await floorPlanCosts(sql, inputs);
  await sql.close();

  say("counting SQL statements in-process (yoga.fetch + Prisma query events)");
  const counted = await countStatements(url, inputs);
  checkSamePlan(engine, counted, floorCosts);

  const { server, floor } = await startServerAndFloor(url, ["dist/src/server.js"]);
  const idleRssMiB: DatabaseResults["idleRssMiB"] = { server: memory(server.child.pid as number).rssMiB, floor: memory(floor.child.pid as number).rssMiB };
  const operations = {} as DatabaseResults["operations"];
  const postgresDatabase = engine === "postgres" ? new URL(url).pathname.slice(1) : undefined;
  // PostGraphile reads PostgreSQL only, so SQLite has no peer.
  let peer: Service | undefined;
  try {
    say("checking that the floor's JSON equals the server's data");
    const verified = await verifyFloor(server.url, floor.url, inputs);
    let peerVerified: Record<OperationName, PeerVerification> | undefined;
    if (engine === "postgres") {
      say(`starting PostGraphile ${peerVersion()}, the peer`);
      peer = await startPeer(url, say);
      idleRssMiB.peer = memory(peer.child.pid as number).rssMiB;
      say("checking that PostGraphile answers the server's rows");
      peerVerified = await verifyPeer(server.url, peer.url, inputs);
    }
    for (const operation of OPERATIONS) {
      const spec = { headers: REQUEST_HEADERS, bodies: requestBodies(operation, inputs), connections: config.connections };
      // Warm all up, then alternate rounds, so that the server, the floor and the peer see the same
      // machine (its speed drifts over minutes) and the same caches.
      const targets = [
        new TargetMeasurement(server, spec, postgresDatabase),
        new TargetMeasurement(floor, spec, postgresDatabase),
        ...(peer ? [new TargetMeasurement(peer, { ...spec, bodies: peerRequestBodies(operation, inputs) }, postgresDatabase)] : []),
      ];
      for (const target of targets) await target.warmUp(config.warmupSeconds);
      for (let round = 0; round < config.rounds; round++) {
        for (const target of targets) await target.round(config.roundSeconds, (line) => say(`${operation.name}: ${line}`));
      }
      const [serverRun, floorRun, peerRun] = targets.map((target) => target.finish()) as [Measurement, Measurement, Measurement?];
      const runs = [serverRun, floorRun, ...(peerRun ? [peerRun] : [])];
      say(
        `${operation.name}: ${runs.map((run) => run.requestsPerSecond).join(" vs ")} req/s (rounds ${runs.map((run) => run.roundsRequestsPerSecond.join(", ")).join(" vs ")})${peerRun ? " — server vs floor vs PostGraphile" : ""}`,
      );
      operations[operation.name] = {
        statements: counted.operations[operation.name],
        floorPlan: floorCosts[operation.name],
        verified: verified[operation.name],
        server: serverRun,
        floor: floorRun,
        ratio: ratio(serverRun, floorRun),
        ...(peerRun && peerVerified ? { peer: peerRun, peerVerified: peerVerified[operation.name], peerRatio: ratio(serverRun, peerRun) } : {}),
      } satisfies OperationResults;
    }
  } finally {
    await Promise.all([server, floor, ...(peer ? [peer] : [])].map(stopService));
  }
  return {
    engine,
    version,
    serverPoolSize: engine === "postgres" ? SERVER_POOL_SIZE : null,
    ...(peer ? { peerVersion: peerVersion() } : {}),
    synthSeconds,
    generator,
    digest,
    analyzedTables: analyzed.length,
    autovacuum,
    sizes,
    inputs: { countryCode: inputs.countryCode, countryMeetings, nodeMeetings: inputs.meetingIds.length, listSize: inputs.listSize },
    operationInputs: inputs,
    listScaling: counted.listScaling,
    idleRssMiB,
    operations,
  };
}

const config = readConfig();
if (config.reportOnly) {
  writeResults(config, JSON.parse(readFileSync(path.join(config.resultsDir, "latest.json"), "utf8")) as BenchResults);
  log(`rewrote ${config.resultsDir}/README.md from latest.json`);
  process.exit(0);
}
if (config.build) build();
const fills = await fillDatabases(config);
const databases: DatabaseResults[] = [];
for (const [database, fill] of fills) databases.push(await benchDatabase(config, database, fill));
const sqlite = config.databases.find((database) => database.engine === "sqlite");
const sqliteInputs = databases.find((database) => database.engine === "sqlite")?.operationInputs;
const profiles = [];
if (config.profile.enabled && sqlite && sqliteInputs) {
  for (const name of PROFILED_OPERATIONS) profiles.push(await profileServer(config, sqlite.url, name, sqliteInputs, log));
}

const seconds = Math.round(performance.now() - started) / 1000;
writeResults(config, {
  date: new Date().toISOString(),
  machine: {
    cores: Number(execFileSync("nproc", { encoding: "utf8" }).trim()),
    cpuModel: cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    freeMemoryGiBAtEnd: Math.round((freemem() / 2 ** 30) * 10) / 10,
    node: process.version,
    kernel: execFileSync("uname", ["-r"], { encoding: "utf8" }).trim(),
  },
  settings: {
    connections: config.connections,
    warmupSeconds: config.warmupSeconds,
    rounds: config.rounds,
    roundSeconds: config.roundSeconds,
    synth: config.synth,
    loadGenerator: "autocannon 9 (API) in a child process on the same machine",
  },
  benchSeconds: seconds,
  synthSeconds: databases.reduce((sum, database) => sum + database.synthSeconds, 0),
  databases,
  profiles,
});
log(`done in ${seconds.toFixed(0)} s; wrote ${config.resultsDir}/latest.json and README.md`);
