// `npm run soak`: the production server under sustained and excess load, per engine, on the bench's
// synthetic data set (bench/dataset.ts fills it once and reuses it). For each engine it starts the
// built server (`node dist/src/server.js`, NODE_ENV=production, quiet logs, a rate limit the load
// cannot reach), then
//   1. measures the maximum throughput of a mix of the bench's four operations (closed loop,
//      bench/load.ts), unless SOAK_MAX_RPS or SOAK_MAX_FROM=bench says where to take it from;
//   2. soaks it at half that rate for SOAK_SECONDS (open loop, bench/soak/load.ts): failures,
//      p99 of the first minute against the last, the least-squares slope of its RSS (and heap);
//   3. overloads it at twice the maximum for OVERLOAD_SECONDS, then returns to the soak's rate and
//      finds how many seconds pass before a 10 s window's p99 is back at the soak's.
// Writes bench/results/soak-latest.json and soak.md (soak-smoke.* for shortened runs) and prints
// the summary. Settings: see readSettings below, or bench/results/soak.md's "Rerunning".
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { readConfig } from "./config.js";
import { analyzeIfNeeded, chooseInputs, ensureSynthetic, type Fill } from "./dataset.js";
import { openSql } from "./floor/sql.js";
import type { LoadResult, LoadSpec } from "./load.js";
import { OPERATIONS, REQUEST_HEADERS, requestBodies, type OperationInputs } from "./operations.js";
import { memory, ROOT, runJson, startService, stopService, type Service } from "./processes.js";
import { latencyPercentile, recovery, round2, slopePerMinute, tally } from "./soak/analysis.js";
import type { RateLoadResult, RateLoadSpec, SecondResult } from "./soak/load.js";
import { renderSoak, summaryTable, type Criterion, type EngineSoak, type SoakResults } from "./soak/report.js";

const started = performance.now();
const log = (line: string) => console.log(`[soak ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

type Engine = "sqlite" | "postgres";

function readSettings(env = process.env) {
  const number = (name: string, fallback: number) => {
    const text = env[name];
    if (text === undefined || text === "") return fallback;
    const value = Number(text);
    if (!Number.isFinite(value) || value < 0) throw new TypeError(`${name} must be a non-negative number, got ${JSON.stringify(text)}`);
    return value;
  };
  const bench = readConfig([]);
  const engines = (env.SOAK_ENGINES ?? "sqlite,postgres").split(",").map((name) => name.trim()).filter(Boolean);
  for (const engine of engines) if (engine !== "sqlite" && engine !== "postgres") throw new TypeError(`SOAK_ENGINES: unknown engine ${engine} (sqlite, postgres)`);
  const meetings = Math.round(number("SOAK_MEETINGS", bench.synth.meetings));
  const reduced = meetings !== bench.synth.meetings;
  // A reduced data set goes into databases of its own, so that the bench's keep their full set.
  const urls: Record<Engine, string> = {
    sqlite: reduced ? `file:/tmp/parley-bench/soak-${meetings}.db` : (bench.databases.find((database) => database.engine === "sqlite")?.url as string),
    postgres: reduced
      ? `postgresql://root@127.0.0.1:5432/parley_soak_${meetings}`
      : (bench.databases.find((database) => database.engine === "postgres")?.url as string),
  };
  const soakSeconds = Math.round(number("SOAK_SECONDS", 600));
  const overloadSeconds = Math.round(number("OVERLOAD_SECONDS", 60));
  const maxFrom = env.SOAK_MAX_FROM ?? "measure";
  if (maxFrom !== "measure" && maxFrom !== "bench") throw new TypeError("SOAK_MAX_FROM must be measure or bench");
  const smoke = soakSeconds < 600 || overloadSeconds < 60 || reduced;
  return {
    engines: engines as Engine[],
    urls,
    synth: { meetings, seed: bench.synth.seed },
    reducedDataset: reduced,
    /** Closed-loop connections while measuring the maximum (the bench's). */
    connections: Math.round(number("SOAK_CONNECTIONS", bench.connections)),
    maxSeconds: number("SOAK_MAX_SECONDS", 20),
    maxWarmupSeconds: number("SOAK_MAX_WARMUP_SECONDS", bench.warmupSeconds),
    maxFrom: maxFrom as "measure" | "bench",
    /** Skips step 1 with a rate of your own. */
    maxRps: env.SOAK_MAX_RPS ? number("SOAK_MAX_RPS", 0) : null,
    soakSeconds,
    /**
     * At the soak's rate before the soak proper: settles the server after the full-speed
     * measurement. Five minutes, because the first full runs showed the heap shrinking after the
     * maximum and then growing back for about that long (PostgreSQL: RSS 427 → 372 MB within 40 s,
     * then up to a plateau near 405 MB by the fifth minute, flat after it).
     */
    soakWarmupSeconds: Math.round(number("SOAK_WARMUP_SECONDS", 300)),
    overloadSeconds,
    /** At the soak's rate after the overload: how long recovery is watched. */
    recoverySeconds: Math.round(number("RECOVERY_SECONDS", 30)),
    recoveryWindowSeconds: Math.round(number("RECOVERY_WINDOW_SECONDS", 10)),
    recoveryTolerance: number("RECOVERY_TOLERANCE", 1.5),
    maxInFlight: Math.round(number("SOAK_MAX_IN_FLIGHT", 1000)),
    clientTimeoutMs: Math.round(number("SOAK_CLIENT_TIMEOUT_MS", 30_000)),
    heapEverySeconds: Math.round(number("SOAK_HEAP_EVERY_SECONDS", 10)),
    logLevel: env.SOAK_LOG_LEVEL ?? "warn",
    rateLimitPoints: Math.round(number("SOAK_RATE_LIMIT_POINTS", 1_000_000_000)),
    build: env.SOAK_BUILD !== "0",
    smoke,
    output: env.SOAK_OUTPUT ?? (smoke ? "soak-smoke" : "soak"),
    resultsDir: bench.resultsDir,
    listSize: bench.listSize,
  };
}

type SoakSettings = ReturnType<typeof readSettings>;

/** The pass thresholds. */
const LIMITS = { p99Ratio: 1.5, rssSlopeMBPerMinute: 1, recoverySeconds: 10 };
const referencedMB = (sample: { heapUsedMB: number; externalMB: number }) => sample.heapUsedMB + sample.externalMB;
/** Fewer full collections than this in the soak fit no slope worth the name. */
const MIN_COLLECTIONS = 4;
/** What an overloaded server may answer with, instead of the data (docs/limits-and-errors.md; src/guards/deadline.ts). */
const OVERLOAD_STATUSES = new Set(["200", "429", "503", "504"]);
const OVERLOAD_CODES = new Set(["RATE_LIMITED", "SERVER_BUSY", "TIMEOUT"]);

function build(): void {
  log("npm run build");
  const result = spawnSync("npm", ["run", "--silent", "build"], { cwd: ROOT, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stdout}\n${result.stderr}`);
}

/**
 * The load children take their bodies as one argument, which Linux caps at 128 KiB: meetingNode
 * cycles through every fifth of the bench's 100 meetings (still spread over the whole data set).
 */
const MIX_NODE_STEP = 5;

/** The mix: the bench's four operations in turn (meetingNode with a different meeting each time), a quarter each. */
function mixBodies(inputs: OperationInputs): string[] {
  const spread = { ...inputs, meetingIds: inputs.meetingIds.filter((_, index) => index % MIX_NODE_STEP === 0) };
  const perOperation = OPERATIONS.map((operation) => requestBodies(operation, spread));
  const rounds = Math.max(...perOperation.map((bodies) => bodies.length));
  const bodies: string[] = [];
  for (let round = 0; round < rounds; round++) for (const options of perOperation) bodies.push(options[round % options.length] as string);
  return bodies;
}

/**
 * The bench's server rates for the four operations combined as the mix would be: a quarter of the
 * requests each, so the time per request is the mean of the four times (harmonic mean of rates).
 * Only when the bench ran on the same rows (data digest) and size.
 */
function benchEstimate(settings: SoakSettings, engine: Engine, digest: string): { requestsPerSecond: number; date: string } | null {
  const file = path.join(ROOT, settings.resultsDir, "latest.json");
  if (!existsSync(file)) return null;
  const latest = JSON.parse(readFileSync(file, "utf8")) as {
    date: string;
    settings: { synth: { meetings: number; seed: number } };
    databases: { engine: string; digest: string; operations: Record<string, { server: { requestsPerSecond: number } }> }[];
  };
  const database = latest.databases.find((entry) => entry.engine === engine);
  if (!database || database.digest !== digest || latest.settings.synth.meetings !== settings.synth.meetings || latest.settings.synth.seed !== settings.synth.seed) return null;
  const rates = OPERATIONS.map((operation) => database.operations[operation.name]?.server.requestsPerSecond ?? Number.NaN);
  const requestsPerSecond = rates.length / rates.reduce((sum, rate) => sum + 1 / rate, 0);
  return Number.isFinite(requestsPerSecond) ? { requestsPerSecond: round2(requestsPerSecond), date: latest.date } : null;
}

async function closedLoop(service: Service, bodies: string[], connections: number, seconds: number): Promise<LoadResult> {
  const spec: LoadSpec = { url: `${service.url}/graphql`, headers: REQUEST_HEADERS, bodies, connections, seconds };
  return runJson<LoadResult>(["--import", "tsx", "bench/load.ts", JSON.stringify(spec)]);
}

async function openLoop(settings: SoakSettings, service: Service, bodies: string[], phases: RateLoadSpec["phases"]): Promise<RateLoadResult> {
  const spec: RateLoadSpec = {
    url: `${service.url}/graphql`,
    headers: REQUEST_HEADERS,
    bodies,
    phases,
    maxInFlight: settings.maxInFlight,
    timeoutMs: settings.clientTimeoutMs,
    server: { pid: service.child.pid as number, metricsUrl: `${service.url}/metrics`, heapEverySeconds: settings.heapEverySeconds },
  };
  return runJson<RateLoadResult>(["--import", "tsx", "bench/soak/load.ts", JSON.stringify(spec)]);
}

const perSecond = (seconds: SecondResult[]) =>
  seconds.map((second) => ({
    t: second.t,
    phase: second.phase,
    scheduled: second.scheduled,
    ok: second.ok,
    failed: second.scheduled - second.ok,
    p50Ms: round2(latencyPercentile([second], 0.5)),
    p99Ms: round2(latencyPercentile([second], 0.99)),
    maxMs: round2(latencyPercentile([second], 1)),
  }));

async function soakEngine(settings: SoakSettings, engine: Engine, fill: Fill): Promise<EngineSoak> {
  const url = settings.urls[engine];
  const say = (line: string) => log(`${engine}: ${line}`);
  const analyzed = await analyzeIfNeeded(url);
  if (analyzed.length > 0) say(`ANALYZE: ${analyzed.length} tables had no statistics`);
  const sql = openSql(url);
  const inputs: OperationInputs = await chooseInputs(sql, settings.listSize);
  await sql.close();
  const bodies = mixBodies(inputs);

  const server = await startService("server", ["dist/src/server.js"], {
    DATABASE_URL: url,
    NODE_ENV: "production",
    LOG_LEVEL: settings.logLevel,
    RATE_LIMIT_POINTS: String(settings.rateLimitPoints),
  });
  const idleRssMB = round2((memory(server.child.pid as number).rssMiB * 2 ** 20) / 1e6);
  try {
    // 1. The maximum.
    const estimate = benchEstimate(settings, engine, fill.digest);
    let max: EngineSoak["max"];
    if (settings.maxRps !== null) {
      max = { source: "SOAK_MAX_RPS", requestsPerSecond: settings.maxRps, benchEstimate: estimate, measured: null };
    } else if (settings.maxFrom === "bench") {
      if (!estimate) throw new Error(`SOAK_MAX_FROM=bench: ${settings.resultsDir}/latest.json has no ${engine} results on this data set (digest ${fill.digest})`);
      max = { source: `bench/results/latest.json of ${estimate.date} (harmonic mean of the four operations' server rates)`, requestsPerSecond: estimate.requestsPerSecond, benchEstimate: estimate, measured: null };
    } else {
      say(`maximum throughput of the mix: ${settings.maxWarmupSeconds} s warm-up, then ${settings.maxSeconds} s at ${settings.connections} connections`);
      if (settings.maxWarmupSeconds > 0) await closedLoop(server, bodies, settings.connections, settings.maxWarmupSeconds);
      const run = await closedLoop(server, bodies, settings.connections, settings.maxSeconds);
      const sorted = Float64Array.from(run.latenciesMs).sort();
      const at = (quantile: number) => round2(sorted[Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] ?? Number.NaN);
      max = {
        source: `measured: ${settings.maxSeconds} s closed loop, ${settings.connections} connections (bench/load.ts)`,
        requestsPerSecond: round2(run.requests / run.seconds),
        benchEstimate: estimate,
        measured: { seconds: run.seconds, requests: run.requests, errors: run.errors, timeouts: run.timeouts, non2xx: run.non2xx, bodiesWithErrors: run.bodies.withErrors, p50Ms: at(0.5), p99Ms: at(0.99) },
      };
    }
    say(`maximum ${max.requestsPerSecond} req/s (${max.source})${estimate ? `; the bench's numbers give ${estimate.requestsPerSecond}` : ""}`);
    const soakRate = round2(max.requestsPerSecond / 2);
    const overloadRate = round2(max.requestsPerSecond * 2);

    // 2. The soak. Other processes compete for this machine's cores; the load averages say how much.
    const loadAverage = { beforeSoak: round2(loadavg()[0] as number), afterSoak: Number.NaN, afterOverload: Number.NaN };
    say(`soak: ${settings.soakWarmupSeconds} s warm-up, then ${settings.soakSeconds} s at ${soakRate} req/s`);
    const soakRun = await openLoop(settings, server, bodies, [
      { name: "warmup", rate: soakRate, seconds: settings.soakWarmupSeconds },
      { name: "soak", rate: soakRate, seconds: settings.soakSeconds },
    ]);
    loadAverage.afterSoak = round2(loadavg()[0] as number);
    const soakSeconds = soakRun.seconds.filter((second) => second.phase === "soak");
    const compareSeconds = Math.min(60, Math.floor(settings.soakSeconds / 2));
    const first = soakSeconds.slice(0, compareSeconds);
    const last = soakSeconds.slice(-compareSeconds);
    const p99FirstMs = round2(latencyPercentile(first, 0.99));
    const p99LastMs = round2(latencyPercentile(last, 0.99));
    // Time 0 is the soak's start; the warm-up's samples are left out of the fit.
    const shift = <T extends { t: number }>(samples: T[]) => samples.filter((sample) => sample.t >= settings.soakWarmupSeconds && sample.t <= settings.soakWarmupSeconds + settings.soakSeconds).map((sample) => ({ ...sample, t: sample.t - settings.soakWarmupSeconds }));
    const rss = shift(soakRun.memory);
    const heap = shift(soakRun.heap);
    // One sample per full collection (several heap samples may report the same one).
    const collections = new Map(soakRun.heap.flatMap((sample) => (sample.afterFullGc ? [[sample.afterFullGc.at, sample.afterFullGc] as const] : [])));
    const afterFullGc = shift([...collections.values()]);
    const half = settings.soakSeconds / 2;
    const rssValues = rss.map((sample) => sample.rssMB);
    const soakTally = tally(soakSeconds);
    const soak: EngineSoak["soak"] = {
      rate: soakRate,
      seconds: settings.soakSeconds,
      warmupSeconds: settings.soakWarmupSeconds,
      tally: soakTally,
      p50Ms: round2(latencyPercentile(soakSeconds, 0.5)),
      p99Ms: round2(latencyPercentile(soakSeconds, 0.99)),
      compareSeconds,
      p99FirstMs,
      p99LastMs,
      p99Ratio: round2(p99LastMs / p99FirstMs),
      rss: {
        samples: rss.length,
        slopeMBPerMinute: round2(slopePerMinute(rss)),
        secondHalfSlopeMBPerMinute: round2(slopePerMinute(rss.filter((sample) => sample.t >= half))),
        withWarmupSlopeMBPerMinute: round2(slopePerMinute(soakRun.memory)),
        startMB: rssValues[0] ?? Number.NaN,
        endMB: rssValues[rssValues.length - 1] ?? Number.NaN,
        maxMB: Math.max(...rssValues),
      },
      afterFullGc: {
        collections: afterFullGc.length,
        referencedSlopeMBPerMinute: round2(slopePerMinute(afterFullGc.map((sample) => ({ t: sample.t, rssMB: referencedMB(sample) })))),
        referencedFirstMB: afterFullGc[0] ? round2(referencedMB(afterFullGc[0])) : null,
        referencedLastMB: afterFullGc.length > 0 ? round2(referencedMB(afterFullGc[afterFullGc.length - 1]!)) : null,
        heapUsedSlopeMBPerMinute: round2(slopePerMinute(afterFullGc.map((sample) => ({ t: sample.t, rssMB: sample.heapUsedMB })))),
        rssSlopeMBPerMinute: round2(slopePerMinute(afterFullGc)),
        samples: afterFullGc,
      },
      heap: {
        samples: heap.length,
        usedSlopeMBPerMinute: round2(slopePerMinute(heap.map((sample) => ({ t: sample.t, rssMB: sample.heapUsedMB })))),
        usedStartMB: heap[0]?.heapUsedMB ?? null,
        usedEndMB: heap[heap.length - 1]?.heapUsedMB ?? null,
      },
      peakInFlight: soakRun.peakInFlight,
      loadGeneratorCpuSeconds: round2(soakRun.cpuSeconds),
      perSecond: perSecond(soakSeconds),
      memory: rss,
      heapSamples: heap,
    };
    say(`soak: ${soakTally.ok}/${soakTally.scheduled} ok; p99 ${p99FirstMs} ms (first ${compareSeconds} s) → ${p99LastMs} ms (last); memory referenced after full GCs: slope ${soak.afterFullGc.referencedSlopeMBPerMinute} MB/min over ${soak.afterFullGc.collections} collections (RSS after them ${soak.afterFullGc.rssSlopeMBPerMinute}, raw RSS ${soak.rss.slopeMBPerMinute} MB/min)`);

    // 3. The overload, then back to the soak's rate.
    say(`overload: ${settings.overloadSeconds} s at ${overloadRate} req/s, then ${settings.recoverySeconds} s at ${soakRate} req/s`);
    const overloadRun = await openLoop(settings, server, bodies, [
      { name: "overload", rate: overloadRate, seconds: settings.overloadSeconds },
      { name: "recovery", rate: soakRate, seconds: settings.recoverySeconds },
    ]);
    loadAverage.afterOverload = round2(loadavg()[0] as number);
    const alive = server.child.exitCode === null && server.child.signalCode === null;
    let healthStatus: number | null = null;
    try {
      healthStatus = (await fetch(`${server.url}/health`, { signal: AbortSignal.timeout(5_000) })).status;
    } catch {
      healthStatus = null;
    }
    const overloadSeconds = overloadRun.seconds.filter((second) => second.phase === "overload");
    const recoverySeconds = overloadRun.seconds.filter((second) => second.phase === "recovery");
    const baselineP99Ms = p99LastMs;
    const overloadTally = tally(overloadSeconds);
    const recoveryTally = tally(recoverySeconds);
    const overload: EngineSoak["overload"] = {
      rate: overloadRate,
      seconds: settings.overloadSeconds,
      tally: overloadTally,
      p50Ms: round2(latencyPercentile(overloadSeconds, 0.5)),
      p99Ms: round2(latencyPercentile(overloadSeconds, 0.99)),
      okPerSecond: round2(overloadTally.ok / Math.max(1, settings.overloadSeconds)),
      peakInFlight: overloadRun.peakInFlight,
      alive,
      exit: alive ? null : { code: server.child.exitCode, signal: server.child.signalCode, output: server.output().slice(-2000) },
      healthStatus,
      recoveryRate: soakRate,
      recoverySeconds: settings.recoverySeconds,
      recoveryTally,
      baselineP99Ms,
      recovery: recovery(recoverySeconds, baselineP99Ms, settings.recoveryTolerance, settings.recoveryWindowSeconds),
      perSecond: perSecond(overloadRun.seconds),
      memory: overloadRun.memory,
    };
    say(`overload: ${overloadTally.ok}/${overloadTally.scheduled} ok, statuses ${JSON.stringify(overloadTally.statuses)}, codes ${JSON.stringify(overloadTally.codes)}; alive ${alive}, /health ${healthStatus}; recovered after ${overload.recovery.seconds ?? "—"} s`);

    return { engine, url, loadAverage, idleRssMB, dataset: { ...settings.synth, reduced: settings.reducedDataset, digest: fill.digest, generator: fill.generator, synthSeconds: fill.synthSeconds }, max, soak, overload, criteria: criteria(settings, soak, overload) };
  } finally {
    await stopService(server);
  }
}

function criteria(settings: SoakSettings, soak: EngineSoak["soak"], overload: EngineSoak["overload"]): Criterion[] {
  const untyped = [...Object.entries(overload.tally.statuses), ...Object.entries(overload.recoveryTally.statuses)].filter(([status]) => !OVERLOAD_STATUSES.has(status));
  const unexpectedCodes = [...Object.entries(overload.tally.codes), ...Object.entries(overload.recoveryTally.codes)].filter(([code]) => !OVERLOAD_CODES.has(code));
  const transport = [...Object.entries(overload.tally.transportErrors), ...Object.entries(overload.recoveryTally.transportErrors)];
  const list = (entries: [string, number][]) => entries.map(([key, count]) => `${key} ×${count}`).join(", ");
  return [
    {
      name: "soak: no failed request",
      pass: soak.tally.failed === 0,
      detail: `${soak.tally.failed} of ${soak.tally.scheduled} failed`,
    },
    {
      name: `soak: p99 of the last ${soak.compareSeconds} s ≤ ${LIMITS.p99Ratio} × the first ${soak.compareSeconds} s`,
      pass: soak.p99Ratio <= LIMITS.p99Ratio,
      detail: `${soak.p99FirstMs} → ${soak.p99LastMs} ms (× ${soak.p99Ratio})`,
    },
    {
      // RSS is mostly memory V8 keeps for garbage to come: under a steady load it swung by ~200 MB
      // with the collector's cycle, even sampled right after full collections (240–466 MB while
      // heap used after them stayed at 74–76 MB), and its fitted slope was +3.4 MB/min on one
      // engine and −4.2 on the other in the same run. What each full collection leaves referenced
      // (V8's heap and the external memory objects hold) is what a leak makes grow.
      name: `soak: memory referenced after full garbage collections (heap used + external) grows ≤ ${LIMITS.rssSlopeMBPerMinute} MB/min (at least ${MIN_COLLECTIONS} collections)`,
      pass: soak.afterFullGc.collections >= MIN_COLLECTIONS && soak.afterFullGc.referencedSlopeMBPerMinute <= LIMITS.rssSlopeMBPerMinute,
      detail: `${soak.afterFullGc.referencedSlopeMBPerMinute} MB/min over ${soak.afterFullGc.collections} collections (${soak.afterFullGc.referencedFirstMB} → ${soak.afterFullGc.referencedLastMB} MB; RSS after them ${soak.afterFullGc.rssSlopeMBPerMinute} MB/min, raw RSS ${soak.rss.slopeMBPerMinute} MB/min)`,
    },
    {
      name: "overload: server alive, /health 200 after",
      pass: overload.alive && overload.healthStatus === 200,
      detail: `alive ${overload.alive}, /health ${overload.healthStatus ?? "no answer"}`,
    },
    {
      name: "overload: every refusal typed (429 RATE_LIMITED, 503 SERVER_BUSY, 504 TIMEOUT; no dropped connection)",
      pass: untyped.length === 0 && unexpectedCodes.length === 0 && transport.length === 0,
      detail: untyped.length + unexpectedCodes.length + transport.length === 0 ? "yes" : `other statuses: ${list(untyped) || "none"}; other codes: ${list(unexpectedCodes) || "none"}; no response: ${list(transport) || "none"}`,
    },
    {
      name: `overload: back to the soak's p99 (× ${settings.recoveryTolerance}) within ${LIMITS.recoverySeconds} s`,
      pass: overload.recovery.seconds !== null && overload.recovery.seconds <= LIMITS.recoverySeconds,
      detail:
        overload.recovery.seconds === null
          ? `no ${settings.recoveryWindowSeconds} s window at ≤ ${overload.recovery.thresholdMs} ms without failures in the ${settings.recoverySeconds} s watched`
          : `${overload.recovery.seconds} s (the ${settings.recoveryWindowSeconds} s from then: p99 ≤ ${overload.recovery.thresholdMs} ms, no failures)`,
    },
  ];
}

const settings = readSettings();
if (settings.build) build();
const engines: EngineSoak[] = [];
for (const engine of settings.engines) {
  const url = settings.urls[engine];
  const fill = await ensureSynthetic(url, settings.synth, ROOT, (line) => log(`${engine}: ${line}`));
  engines.push(await soakEngine(settings, engine, fill));
}
const results: SoakResults = {
  date: new Date().toISOString(),
  smoke: settings.smoke,
  settings: { ...settings, urls: undefined, engines: settings.engines },
  limits: LIMITS,
  seconds: Math.round(performance.now() - started) / 1000,
  engines,
};
const jsonPath = path.join(ROOT, settings.resultsDir, settings.output === "soak" ? "soak-latest.json" : `${settings.output}.json`);
const markdownPath = path.join(ROOT, settings.resultsDir, `${settings.output}.md`);
writeFileSync(jsonPath, `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(markdownPath, renderSoak(results));
console.log(`\n${summaryTable(results)}\n`);
log(`wrote ${path.relative(ROOT, jsonPath)} and ${path.relative(ROOT, markdownPath)}`);
process.exitCode = engines.every((engine) => engine.criteria.every((criterion) => criterion.pass)) ? 0 : 1;
