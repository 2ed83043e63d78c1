// Open-loop load at fixed rates, in a process of its own (as bench/load.ts), for `npm run soak`.
// Requests leave on a schedule (phase by phase, `rate` per second, evenly spaced) whether or not
// earlier ones have been answered, so an overloaded server sees the load grow instead of the load
// generator slowing down to match it (autocannon's connections are closed loops: at 2× the maximum
// they would only keep their connections busy). Latency is measured from the scheduled time, so a
// late send counts against the server as it would for a real client. Each response is classified by
// status and by every `extensions.code` in its body, per second of its scheduled time. While the
// load runs, the server's RSS is read from /proc every second, and its heap from /metrics.
// Input (argv[2]): JSON RateLoadSpec. Output (stdout, last line): JSON RateLoadResult.
import { Agent, request } from "node:http";
import { readFileSync } from "node:fs";

export interface Phase {
  name: string;
  /** Requests per second. */
  rate: number;
  /** Whole seconds. */
  seconds: number;
}

export interface RateLoadSpec {
  url: string;
  headers: Record<string, string>;
  /** Request bodies, sent in turn. */
  bodies: string[];
  phases: Phase[];
  /** Requests in flight at most; a request due while this many are unanswered is not sent (counted as shed). */
  maxInFlight: number;
  /** A response not complete after this long counts as a client timeout. */
  timeoutMs: number;
  /** The server process whose memory is sampled, and its /metrics URL for the heap. */
  server: { pid: number; metricsUrl: string; heapEverySeconds: number };
}

/** What happened to the requests scheduled in one second. */
export interface SecondResult {
  phase: string;
  /** Seconds since the schedule started. */
  t: number;
  scheduled: number;
  /** Not sent: maxInFlight requests were already unanswered. */
  shed: number;
  /** Every response's latency (ms from its scheduled time), failed ones included. */
  latenciesMs: number[];
  /** 2xx responses without an `errors` key. */
  ok: number;
  /** Responses by HTTP status. */
  statuses: Record<string, number>;
  /** Responses carrying each `extensions.code` (NO_CODE for an error without one). */
  codes: Record<string, number>;
  /** Requests that got no response: connection errors by code, CLIENT_TIMEOUT. */
  transportErrors: Record<string, number>;
  /** Requests sent a second time, by why (the first attempt never reached the server). */
  retries: Record<string, number>;
}

export interface MemorySample {
  t: number;
  rssMB: number;
}

export interface HeapSample {
  t: number;
  heapUsedMB: number;
  heapTotalMB: number;
  /** What the server's last full garbage collection left (parley_memory_after_full_gc_bytes), and when (t of the collection); null before the first. */
  afterFullGc: { at: number; t: number; rssMB: number; heapUsedMB: number; externalMB: number } | null;
}

export interface RateLoadResult {
  seconds: SecondResult[];
  memory: MemorySample[];
  heap: HeapSample[];
  /** Most requests in flight at once. */
  peakInFlight: number;
  /** CPU the load generator used (user + system), seconds. */
  cpuSeconds: number;
}

const MB = 1e6;

function rssMB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return (Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? Number.NaN) * 1024) / MB;
}

const twoDecimals = (value: number) => Math.round(value * 100) / 100;

/** The server's heap now and what its last full collection left (with that collection's time as a `t`), from /metrics. */
async function heap(metricsUrl: string, t: number): Promise<HeapSample | null> {
  try {
    const text = await (await fetch(metricsUrl)).text();
    const value = (series: string) => Number(new RegExp(`^${series.replace(/[{}]/g, "\\$&")} (\\S+)`, "m").exec(text)?.[1] ?? Number.NaN);
    const megabytes = (series: string) => twoDecimals(value(series) / MB);
    const afterGcRss = megabytes('parley_memory_after_full_gc_bytes{kind="rss"}');
    const gcAt = value("parley_last_full_gc_timestamp_seconds");
    const gcSecondsAgo = Date.now() / 1000 - gcAt;
    return {
      t,
      heapUsedMB: megabytes("nodejs_heap_size_used_bytes"),
      heapTotalMB: megabytes("nodejs_heap_size_total_bytes"),
      afterFullGc: Number.isFinite(afterGcRss)
        ? {
            at: gcAt,
            t: twoDecimals(t - gcSecondsAgo),
            rssMB: afterGcRss,
            heapUsedMB: megabytes('parley_memory_after_full_gc_bytes{kind="heap_used"}'),
            externalMB: megabytes('parley_memory_after_full_gc_bytes{kind="external"}'),
          }
        : null,
    };
  } catch {
    return null;
  }
}

const increment = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1);

/** The distinct `extensions.code`s of a GraphQL response body, or none when it has no errors. */
function errorCodes(body: string): string[] {
  // An `errors` key is at the top level; quotes inside strings are escaped, so data cannot fake it.
  if (!body.includes('"errors":')) return [];
  try {
    const parsed = JSON.parse(body) as { errors?: { extensions?: { code?: unknown } }[] };
    return [...new Set((parsed.errors ?? []).map((error) => (typeof error.extensions?.code === "string" ? error.extensions.code : "NO_CODE")))];
  } catch {
    return ["UNPARSABLE_BODY"];
  }
}

const spec = JSON.parse(process.argv[2] ?? "") as RateLoadSpec;
const target = new URL(spec.url);
const agent = new Agent({ keepAlive: true, maxSockets: spec.maxInFlight });
const totalSeconds = spec.phases.reduce((total, phase) => total + phase.seconds, 0);
const seconds: SecondResult[] = [];
for (const phase of spec.phases) {
  for (let index = 0; index < phase.seconds; index++) {
    seconds.push({ phase: phase.name, t: seconds.length, scheduled: 0, shed: 0, latenciesMs: [], ok: 0, statuses: {}, codes: {}, transportErrors: {}, retries: {} });
  }
}

let inFlight = 0;
let peakInFlight = 0;
let sent = 0;

function send(second: SecondResult, scheduledAt: number): void {
  second.scheduled++;
  if (inFlight >= spec.maxInFlight) {
    second.shed++;
    return;
  }
  inFlight++;
  peakInFlight = Math.max(peakInFlight, inFlight);
  const body = spec.bodies[sent++ % spec.bodies.length] as string;
  let settled = false;
  const settle = (outcome: { status: number; body: string } | { error: string }) => {
    if (settled) return;
    settled = true;
    inFlight--;
    clearTimeout(timer);
    if ("error" in outcome) {
      increment(second.transportErrors, outcome.error);
      return;
    }
    second.latenciesMs.push(Math.round((performance.now() - scheduledAt) * 1000) / 1000);
    increment(second.statuses, String(outcome.status));
    const codes = errorCodes(outcome.body);
    for (const code of codes) increment(second.codes, code);
    if (outcome.status >= 200 && outcome.status < 300 && codes.length === 0) second.ok++;
  };
  let outgoing = attempt();
  const timer = setTimeout(() => {
    settle({ error: "CLIENT_TIMEOUT" });
    outgoing.destroy();
  }, spec.timeoutMs);

  function attempt(retried = false) {
    const sending = request(
      { host: target.hostname, port: target.port, path: target.pathname, method: "POST", agent, headers: { ...spec.headers, "content-length": Buffer.byteLength(body) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => settle({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        response.on("error", (error: NodeJS.ErrnoException) => settle({ error: error.code ?? error.name }));
      },
    );
    sending.on("error", (error: NodeJS.ErrnoException) => {
      // A kept-alive socket the server closed for idleness (KEEP_ALIVE_TIMEOUT_MS) just as this
      // request was written to it: the server never saw the request. Node's documentation
      // (request.reusedSocket) prescribes one retry; it is counted apart, not hidden.
      if (!retried && !settled && sending.reusedSocket && error.code === "ECONNRESET") {
        increment(second.retries, "ECONNRESET on a reused keep-alive socket");
        outgoing = attempt(true);
        return;
      }
      settle({ error: error.code ?? error.name });
    });
    sending.end(body);
    return sending;
  }
}

// The schedule: request i of a phase is due at the phase's start + i / rate.
const due: { at: number; second: SecondResult }[] = [];
{
  let offset = 0;
  for (const phase of spec.phases) {
    const count = Math.round(phase.rate * phase.seconds);
    for (let index = 0; index < count; index++) {
      const at = offset + (index / phase.rate) * 1000;
      due.push({ at, second: seconds[Math.floor(at / 1000)] as SecondResult });
    }
    offset += phase.seconds * 1000;
  }
}

const memory: MemorySample[] = [];
const heapSamples: HeapSample[] = [];
const started = performance.now();
const sampler = setInterval(() => {
  const t = Math.round((performance.now() - started) / 1000);
  try {
    memory.push({ t, rssMB: Math.round(rssMB(spec.server.pid) * 100) / 100 });
  } catch {
    // the server has exited; the caller notices
  }
  if (spec.server.heapEverySeconds > 0 && t % spec.server.heapEverySeconds === 0) {
    void heap(spec.server.metricsUrl, t).then((sample) => {
      if (sample) heapSamples.push(sample);
    });
  }
}, 1000);

await new Promise<void>((resolve) => {
  let next = 0;
  const tick = () => {
    const now = performance.now() - started;
    while (next < due.length && (due[next] as { at: number }).at <= now) {
      const { at, second } = due[next++] as { at: number; second: SecondResult };
      send(second, started + at);
    }
    if (next < due.length) setTimeout(tick, Math.max(0, Math.min(5, (due[next] as { at: number }).at - now)));
    else resolve();
  };
  tick();
});
// The schedule is done; wait for the answers (each is bounded by timeoutMs).
await new Promise<void>((resolve) => {
  const check = setInterval(() => {
    if (inFlight === 0 || performance.now() - started > totalSeconds * 1000 + spec.timeoutMs + 1000) {
      clearInterval(check);
      resolve();
    }
  }, 50);
});
clearInterval(sampler);
agent.destroy();

const usage = process.cpuUsage();
console.log(JSON.stringify({ seconds, memory, heap: heapSamples, peakInFlight, cpuSeconds: (usage.user + usage.system) / 1e6 } satisfies RateLoadResult));
