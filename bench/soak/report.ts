// The shape of `npm run soak`'s results (soak-latest.json) and the Markdown written beside them.
import type { Recovery, Tally } from "./analysis.js";
import type { HeapSample, MemorySample } from "./load.js";

export interface Criterion {
  name: string;
  pass: boolean;
  detail: string;
}

interface PerSecond {
  t: number;
  phase: string;
  scheduled: number;
  ok: number;
  failed: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface EngineSoak {
  engine: "sqlite" | "postgres";
  url: string;
  /** The machine's 1-minute load average (2 cores): how much other processes competed. */
  loadAverage: { beforeSoak: number; afterSoak: number; afterOverload: number };
  /** The server's RSS right after it started. */
  idleRssMB: number;
  dataset: { meetings: number; seed: number; reduced: boolean; digest: string; generator: string | null; synthSeconds: number };
  max: {
    source: string;
    requestsPerSecond: number;
    /** The bench's per-operation rates combined into the mix's, when latest.json is on the same data. */
    benchEstimate: { requestsPerSecond: number; date: string } | null;
    measured: { seconds: number; requests: number; errors: number; timeouts: number; non2xx: number; bodiesWithErrors: number; p50Ms: number; p99Ms: number } | null;
  };
  soak: {
    rate: number;
    seconds: number;
    warmupSeconds: number;
    tally: Tally;
    p50Ms: number;
    p99Ms: number;
    /** Length of the first and last windows compared (60 s, or half a shorter soak). */
    compareSeconds: number;
    p99FirstMs: number;
    p99LastMs: number;
    p99Ratio: number;
    rss: { samples: number; slopeMBPerMinute: number; secondHalfSlopeMBPerMinute: number; withWarmupSlopeMBPerMinute?: number; startMB: number; endMB: number; maxMB: number };
    /** Memory after each full garbage collection in the soak (src/observability/memory-after-gc.ts): the leak criterion. */
    afterFullGc: {
      collections: number;
      /** Heap used + external: what JavaScript still references. */
      referencedSlopeMBPerMinute: number;
      referencedFirstMB: number | null;
      referencedLastMB: number | null;
      heapUsedSlopeMBPerMinute: number;
      rssSlopeMBPerMinute: number;
      samples: { at: number; t: number; rssMB: number; heapUsedMB: number; externalMB: number }[];
    };
    heap: { samples: number; usedSlopeMBPerMinute: number; usedStartMB: number | null; usedEndMB: number | null };
    peakInFlight: number;
    loadGeneratorCpuSeconds: number;
    perSecond: PerSecond[];
    memory: MemorySample[];
    heapSamples: HeapSample[];
  };
  overload: {
    rate: number;
    seconds: number;
    tally: Tally;
    p50Ms: number;
    p99Ms: number;
    okPerSecond: number;
    peakInFlight: number;
    alive: boolean;
    exit: { code: number | null; signal: string | null; output: string } | null;
    healthStatus: number | null;
    recoveryRate: number;
    recoverySeconds: number;
    recoveryTally: Tally;
    baselineP99Ms: number;
    recovery: Recovery;
    perSecond: PerSecond[];
    memory: MemorySample[];
  };
  criteria: Criterion[];
}

export interface SoakResults {
  date: string;
  smoke: boolean;
  settings: Record<string, unknown> & {
    soakSeconds: number;
    overloadSeconds: number;
    soakWarmupSeconds: number;
    recoverySeconds: number;
    recoveryWindowSeconds: number;
    recoveryTolerance: number;
    maxInFlight: number;
    clientTimeoutMs: number;
    logLevel: string;
    rateLimitPoints: number;
    connections: number;
    synth: { meetings: number; seed: number };
    reducedDataset: boolean;
  };
  limits: { p99Ratio: number; rssSlopeMBPerMinute: number; recoverySeconds: number };
  seconds: number;
  engines: EngineSoak[];
}

const ENGINE_NAMES = { sqlite: "SQLite", postgres: "PostgreSQL" };
const verdict = (pass: boolean) => (pass ? "PASS" : "**FAIL**");
const counts = (entries: Record<string, number>) =>
  Object.entries(entries)
    .sort(([, a], [, b]) => b - a)
    .map(([key, count]) => `${key} ×${count.toLocaleString("en-US")}`)
    .join(", ") || "none";
/** Retried requests, when there were any: they count as what their second attempt got. */
const retried = (tally: Tally) => (Object.keys(tally.retries).length ? `Sent again (the first attempt never reached the server): ${counts(tally.retries)}. ` : "");

/** One row per engine: the numbers the criteria are about. */
export function summaryTable(results: SoakResults): string {
  const rows = results.engines.map((engine) => {
    const { max, soak, overload } = engine;
    const passed = engine.criteria.filter((criterion) => criterion.pass).length;
    return [
      ENGINE_NAMES[engine.engine],
      `${max.requestsPerSecond}${max.measured ? "" : " (not measured)"}`,
      `${soak.rate} for ${soak.seconds} s`,
      `${soak.tally.failed} / ${soak.tally.scheduled}`,
      `${soak.p99FirstMs} → ${soak.p99LastMs} (× ${soak.p99Ratio})`,
      `${soak.afterFullGc.referencedSlopeMBPerMinute} (RSS after GCs ${soak.afterFullGc.rssSlopeMBPerMinute}, raw ${soak.rss.slopeMBPerMinute})`,
      `${overload.rate} for ${overload.seconds} s: ok ×${overload.tally.ok}; ${counts(overload.tally.statuses)}; codes: ${counts(overload.tally.codes)}${overload.tally.shed ? `; shed by the client ×${overload.tally.shed}` : ""}${Object.keys(overload.tally.transportErrors).length ? `; no response: ${counts(overload.tally.transportErrors)}` : ""}`,
      `${overload.alive ? "alive" : "DEAD"}, /health ${overload.healthStatus ?? "—"}`,
      overload.recovery.seconds === null ? `not within ${overload.recoverySeconds} s` : `${overload.recovery.seconds} s`,
      `${passed}/${engine.criteria.length}`,
    ];
  });
  return [
    "| DB | Max req/s (mix) | Soak req/s | Soak failed / requests | Soak p99 first → last (ms) | Referenced after full GCs, slope (MB/min) | Overload req/s: responses | After overload | Recovery | Criteria passed |",
    "| --- | ---: | --- | ---: | --- | ---: | --- | --- | ---: | ---: |",
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ].join("\n");
}

export function renderSoak(results: SoakResults): string {
  const { settings } = results;
  const lines: string[] = [];
  lines.push(results.smoke ? "# Soak and overload — SMOKE RUN (shortened; not the real results)" : "# Soak and overload");
  lines.push("");
  if (results.smoke) {
    lines.push(
      `**This is a smoke test of \`npm run soak\`, not a measurement:** soak ${settings.soakSeconds} s (real: 600), overload ${settings.overloadSeconds} s (real: 60)` +
        `${settings.reducedDataset ? `, and a reduced data set of ${settings.synth.meetings.toLocaleString("en-US")} synthetic meetings (SOAK_MEETINGS; real: the bench's default size), in databases of its own` : ""}.` +
        " With a soak this short, \"first/last minute\" are the two halves and the memory slope is dominated by noise.",
    );
    lines.push("");
  }
  lines.push(
    `Run ${results.date.slice(0, 16).replace("T", " ")} UTC by \`npm run soak\` (${(results.seconds / 60).toFixed(1)} min). Every number is from \`${results.smoke ? "soak-smoke.json" : "soak-latest.json"}\` next to this file.`,
  );
  lines.push("");
  lines.push("## Summary");
  lines.push("");
  lines.push(summaryTable(results));
  lines.push("");
  for (const engine of results.engines) {
    const { max, soak, overload, dataset } = engine;
    lines.push(`## ${ENGINE_NAMES[engine.engine]}`);
    lines.push("");
    lines.push(
      `Data: \`${engine.url}\`, the real seed + ${dataset.meetings.toLocaleString("en-US")} synthetic meetings (seed ${dataset.seed}; data digest ${dataset.digest}${dataset.synthSeconds ? `; filled in this run, ${dataset.synthSeconds} s` : ", reused"}).`,
    );
    lines.push(
      `Machine: 1-minute load average ${engine.loadAverage.beforeSoak} before the soak, ${engine.loadAverage.afterSoak} after it, ${engine.loadAverage.afterOverload} after the overload (2 cores; above ~2, other processes were competing for them). Server RSS after start: ${engine.idleRssMB} MB.`,
    );
    lines.push("");
    lines.push("| Criterion | Result | |");
    lines.push("| --- | --- | --- |");
    for (const criterion of engine.criteria) lines.push(`| ${criterion.name} | ${verdict(criterion.pass)} | ${criterion.detail} |`);
    lines.push("");
    lines.push(
      `- **Maximum**: ${max.requestsPerSecond} req/s of the mix — ${max.source}.` +
        (max.measured ? ` p50 ${max.measured.p50Ms} ms, p99 ${max.measured.p99Ms} ms; errors ${max.measured.errors}, timeouts ${max.measured.timeouts}, non-2xx ${max.measured.non2xx}, bodies with \`errors\` ${max.measured.bodiesWithErrors}.` : "") +
        (max.benchEstimate ? ` The bench's per-operation rates (${max.benchEstimate.date.slice(0, 10)}, same data) combine to ${max.benchEstimate.requestsPerSecond} req/s for this mix.` : " No bench results on the same data to compare with."),
    );
    lines.push(
      `- **Soak**: ${soak.rate} req/s for ${soak.seconds} s after ${soak.warmupSeconds} s of warm-up at the same rate; ${soak.tally.ok.toLocaleString("en-US")} of ${soak.tally.scheduled.toLocaleString("en-US")} requests ok` +
        `${soak.tally.failed ? ` (statuses ${counts(soak.tally.statuses)}; codes ${counts(soak.tally.codes)}; no response ${counts(soak.tally.transportErrors)}; shed by the client ${soak.tally.shed})` : ""}. ` +
        `${retried(soak.tally)}p50 ${soak.p50Ms} ms, p99 ${soak.p99Ms} ms overall; p99 ${soak.p99FirstMs} ms in the first ${soak.compareSeconds} s, ${soak.p99LastMs} ms in the last (× ${soak.p99Ratio}). At most ${soak.peakInFlight} requests in flight.`,
    );
    lines.push(
      `- **Memory**: after each of ${soak.afterFullGc.collections} full garbage collections, memory still referenced (heap used + external) ${soak.afterFullGc.referencedFirstMB} → ${soak.afterFullGc.referencedLastMB} MB, slope ${soak.afterFullGc.referencedSlopeMBPerMinute} MB/min (heap used alone: ${soak.afterFullGc.heapUsedSlopeMBPerMinute} MB/min; RSS right after them: ${soak.afterFullGc.rssSlopeMBPerMinute} MB/min). Raw RSS ${soak.rss.startMB} → ${soak.rss.endMB} MB (max ${soak.rss.maxMB}), least-squares slope ${soak.rss.slopeMBPerMinute} MB/min over ${soak.rss.samples} one-second samples (second half alone: ${soak.rss.secondHalfSlopeMBPerMinute} MB/min${soak.rss.withWarmupSlopeMBPerMinute === undefined ? "" : `; warm-up and soak together: ${soak.rss.withWarmupSlopeMBPerMinute} MB/min`}).` +
        (soak.heap.samples > 0 ? ` V8 heap used ${soak.heap.usedStartMB} → ${soak.heap.usedEndMB} MB, slope ${soak.heap.usedSlopeMBPerMinute} MB/min over ${soak.heap.samples} samples (/metrics).` : " No heap samples (/metrics did not answer)."),
    );
    lines.push(
      `- **Overload**: ${overload.rate} req/s for ${overload.seconds} s: ${overload.tally.ok.toLocaleString("en-US")} of ${overload.tally.scheduled.toLocaleString("en-US")} ok (${overload.okPerSecond} ok/s); statuses ${counts(overload.tally.statuses)}; \`extensions.code\`s ${counts(overload.tally.codes)}; no response ${counts(overload.tally.transportErrors)}; shed by the client (over ${settings.maxInFlight} in flight) ${overload.tally.shed}. ${retried(overload.tally)}` +
        `p50 ${overload.p50Ms} ms, p99 ${overload.p99Ms} ms; at most ${overload.peakInFlight} in flight. Afterwards the process was ${overload.alive ? "alive" : `dead (exit ${overload.exit?.code ?? overload.exit?.signal})`} and /health answered ${overload.healthStatus ?? "nothing"}.`,
    );
    lines.push(
      `- **Recovery**: back to ${overload.recoveryRate} req/s for ${overload.recoverySeconds} s (statuses ${counts(overload.recoveryTally.statuses)}; codes ${counts(overload.recoveryTally.codes)}). Baseline: the soak's last-window p99, ${overload.baselineP99Ms} ms; threshold × ${settings.recoveryTolerance} = ${overload.recovery.thresholdMs} ms. ` +
        `${settings.recoveryWindowSeconds} s windows from the end of the overload, p99 (failed): ${overload.recovery.windows.map((window) => `${window.from}–${window.from + settings.recoveryWindowSeconds} s ${window.p99Ms} ms (${window.failed})`).join("; ") || "none"}. ` +
        (overload.recovery.seconds === null ? "Never back at the baseline while watched." : `Back at the baseline ${overload.recovery.seconds} s after the overload ended.`),
    );
    lines.push("");
  }
  lines.push("## How it measures");
  lines.push("");
  lines.push(
    [
      `Per engine, one production server (\`node dist/src/server.js\` after \`npm run build\`; NODE_ENV=production, LOG_LEVEL=${settings.logLevel}, RATE_LIMIT_POINTS=${settings.rateLimitPoints.toLocaleString("en-US")} so that the single load generator, one client to the rate limiter, is never throttled) serves all three phases; the load comes from child processes on the same machine.`,
      "The mix is the bench's four operations (`bench/operations.ts`: defaultQuery, meetingList with first: 50, meetingNode over 20 meetings spread over the data set, countryMeetings), a quarter of the requests each, in turn.",
      `**Maximum**: closed loop, ${settings.connections} connections, autocannon (\`bench/load.ts\`): 2xx responses per second. **Soak, overload, recovery**: open loop (\`bench/soak/load.ts\`): requests leave on a fixed schedule whether or not earlier ones were answered, so the overload really offers twice the maximum; latency is measured from each request's scheduled time; at most ${settings.maxInFlight} requests in flight (beyond that a due request is not sent and counts as shed), ${settings.clientTimeoutMs / 1000} s client timeout.`,
      "A request is ok when it gets a 2xx without an `errors` key; every other response is counted by status and by each `extensions.code` in its body.",
      "Memory: the server's VmRSS from /proc every second during the soak (MB = 10^6 bytes; the warm-up's samples are left out of the criterion's fit, and reported apart), fitted by least squares against time (slope in MB per minute); the V8 heap from /metrics (prom-client's nodejs_heap_size_used_bytes) every 10 s, and with it what the last full garbage collection left (parley_memory_after_full_gc_bytes, parley_last_full_gc_timestamp_seconds). The leak criterion fits the memory still referenced after each full collection in the soak (heap used + external): raw RSS swings by some 200 MB with the collector's cycle under a steady load, even right after full collections (V8 keeps the heap it grew to for a while), and its fitted slope says more about where in that cycle the soak began and ended than about a leak. Both RSS slopes are reported beside it.",
      `Recovery: after the overload the soak's rate resumes; the recovery time is the first k (in seconds after the overload) such that the ${settings.recoveryWindowSeconds} s from k on had no failed request and a p99 ≤ ${settings.recoveryTolerance} × the soak's last-window p99. Responses are attributed to the second they were scheduled in.`,
    ].join(" "),
  );
  lines.push("");
  lines.push("## Rerunning");
  lines.push("");
  lines.push("```sh");
  lines.push("npm run soak                                         # both engines: per engine ~20 s max + 300 s warm-up + 600 s soak + 60 s overload + 30 s recovery");
  lines.push("SOAK_ENGINES=sqlite SOAK_SECONDS=120 npm run soak    # one engine, shorter (writes soak-smoke.*)");
  lines.push("SOAK_SECONDS=20 OVERLOAD_SECONDS=10 SOAK_ENGINES=sqlite SOAK_MEETINGS=2000 npm run soak   # smoke test");
  lines.push("```");
  lines.push("");
  lines.push(
    "Other settings (env): SOAK_MAX_RPS (skip the measurement), SOAK_MAX_FROM=bench (take the maximum from latest.json when it is on the same data), SOAK_MAX_SECONDS (20), SOAK_CONNECTIONS (10), SOAK_WARMUP_SECONDS (300), RECOVERY_SECONDS (30), RECOVERY_WINDOW_SECONDS (10), RECOVERY_TOLERANCE (1.5), SOAK_MAX_IN_FLIGHT (1000), SOAK_CLIENT_TIMEOUT_MS (30000), SOAK_LOG_LEVEL (warn), SOAK_RATE_LIMIT_POINTS (1e9), SOAK_BUILD=0, SOAK_OUTPUT (file name). A run with SOAK_SECONDS < 600, OVERLOAD_SECONDS < 60 or SOAK_MEETINGS set writes soak-smoke.json/.md instead of soak-latest.json/soak.md. The exit status is 1 when a criterion fails.",
  );
  lines.push("");
  return `${lines.join("\n")}\n`;
}
