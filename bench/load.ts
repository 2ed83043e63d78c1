// One load run against one target, in a process of its own so that the load generator never shares
// the server's event loop, with autocannon's API (its CLI cannot vary the body per request). Every
// response's latency is returned, so that percentiles over several runs are exact (autocannon's own
// have no p95).
// Input (argv[2]): JSON LoadSpec. Output (stdout): JSON LoadResult.
import autocannon from "autocannon";

export interface LoadSpec {
  url: string;
  headers: Record<string, string>;
  /** Request bodies, sent in turn (one body: the same request every time). */
  bodies: string[];
  connections: number;
  seconds: number;
}

export interface LoadResult {
  /** 2xx responses. */
  requests: number;
  seconds: number;
  latenciesMs: number[];
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Every response body is searched for an `errors` key; every SAMPLE_EVERY-th one is also parsed. */
  bodies: { withErrors: number; parsed: number; parsedWithoutData: number };
  /** CPU the load generator itself used (user + system), seconds. */
  cpuSeconds: number;
}

const SAMPLE_EVERY = 100;

const spec = JSON.parse(process.argv[2] ?? "") as LoadSpec;
const latenciesMs: number[] = [];
const bodies = { withErrors: 0, parsed: 0, parsedWithoutData: 0 };
let responses = 0;
let next = 0;

const request: autocannon.Request = {
  // Any `errors` key in a GraphQL response is at its top level; quotes inside strings are escaped,
  // so this substring cannot come from data.
  onResponse: (_status, body) => {
    if (body.includes('"errors":')) bodies.withErrors++;
    if (++responses % SAMPLE_EVERY === 0) {
      bodies.parsed++;
      const parsed = JSON.parse(body) as { data?: Record<string, unknown> | null };
      if (!parsed.data || Object.values(parsed.data).some((value) => value === null)) bodies.parsedWithoutData++;
    }
  },
};
if (spec.bodies.length > 1) {
  request.setupRequest = (req) => ({ ...req, body: spec.bodies[next++ % spec.bodies.length] });
}

const result = await new Promise<autocannon.Result>((resolve, reject) => {
  const instance = autocannon(
    {
      url: spec.url,
      method: "POST",
      headers: spec.headers,
      body: spec.bodies[0],
      connections: spec.connections,
      duration: spec.seconds,
      requests: [request],
    },
    (error, finished) => (error ? reject(error) : resolve(finished)),
  );
  instance.on("response", (_client, _status, _bytes, responseTime) => latenciesMs.push(Math.round(responseTime * 1000) / 1000));
});

const usage = process.cpuUsage();
console.log(
  JSON.stringify({
    requests: result["2xx"] as number,
    seconds: result.duration,
    latenciesMs,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    bodies,
    cpuSeconds: (usage.user + usage.system) / 1e6,
  } satisfies LoadResult),
);
