// What `npm run soak` computes from the load generator's per-second results: percentiles over
// windows of seconds, failures by kind, the least-squares slope of memory, and how long latency took
// to come back after the overload. Pure functions, no I/O.
import type { MemorySample, SecondResult } from "./load.js";

export const round2 = (value: number) => Math.round(value * 100) / 100;

/** Nearest-rank percentile of all latencies in `seconds` (NaN when there are none). */
export function latencyPercentile(seconds: readonly SecondResult[], quantile: number): number {
  const sorted = Float64Array.from(seconds.flatMap((second) => second.latenciesMs)).sort();
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] as number;
}

export interface Tally {
  scheduled: number;
  responses: number;
  ok: number;
  /** Requests that did not end in a 2xx without errors: error responses, transport errors, shed. */
  failed: number;
  shed: number;
  statuses: Record<string, number>;
  codes: Record<string, number>;
  transportErrors: Record<string, number>;
  /** Requests sent twice because the first attempt never reached the server (see soak/load.ts). */
  retries: Record<string, number>;
}

const add = (into: Record<string, number>, from: Record<string, number>) => {
  for (const [key, value] of Object.entries(from)) into[key] = (into[key] ?? 0) + value;
};

export function tally(seconds: readonly SecondResult[]): Tally {
  const result: Tally = { scheduled: 0, responses: 0, ok: 0, failed: 0, shed: 0, statuses: {}, codes: {}, transportErrors: {}, retries: {} };
  for (const second of seconds) {
    result.scheduled += second.scheduled;
    result.responses += second.latenciesMs.length;
    result.ok += second.ok;
    result.shed += second.shed;
    add(result.statuses, second.statuses);
    add(result.codes, second.codes);
    add(result.transportErrors, second.transportErrors);
    add(result.retries, second.retries ?? {});
  }
  result.failed = result.scheduled - result.ok;
  return result;
}

/** Least-squares slope of RSS against time, in MB per minute (NaN with fewer than two samples). */
export function slopePerMinute(samples: readonly MemorySample[]): number {
  if (samples.length < 2) return Number.NaN;
  const xs = samples.map((sample) => sample.t / 60);
  const ys = samples.map((sample) => sample.rssMB);
  const meanX = xs.reduce((sum, x) => sum + x, 0) / xs.length;
  const meanY = ys.reduce((sum, y) => sum + y, 0) / ys.length;
  let covariance = 0;
  let variance = 0;
  xs.forEach((x, index) => {
    covariance += (x - meanX) * ((ys[index] as number) - meanY);
    variance += (x - meanX) ** 2;
  });
  return variance === 0 ? Number.NaN : covariance / variance;
}

export interface RecoveryWindow {
  /** Seconds after the overload ended at which the window starts. */
  from: number;
  p99Ms: number;
  failed: number;
}

export interface Recovery {
  /** Seconds after the overload until a full window was back at the baseline; null if none was. */
  seconds: number | null;
  /** The p99 a window had to stay at or under: baseline × tolerance. */
  thresholdMs: number;
  /** Consecutive (non-overlapping) windows, for the report. */
  windows: RecoveryWindow[];
}

/**
 * `after`: the seconds following the overload, under the soak's rate. A window of `windowSeconds`
 * starting k seconds after the overload is back at the baseline when its p99 is at most
 * baseline × tolerance and none of its requests failed; the recovery time is the first such k
 * (stepping by one second).
 */
export function recovery(after: readonly SecondResult[], baselineP99Ms: number, tolerance: number, windowSeconds: number): Recovery {
  const thresholdMs = baselineP99Ms * tolerance;
  const windowAt = (from: number): RecoveryWindow => {
    const window = after.slice(from, from + windowSeconds);
    return { from, p99Ms: round2(latencyPercentile(window, 0.99)), failed: tally(window).failed };
  };
  let seconds: number | null = null;
  for (let from = 0; from + windowSeconds <= after.length; from++) {
    const window = windowAt(from);
    if (window.failed === 0 && window.p99Ms <= thresholdMs) {
      seconds = from;
      break;
    }
  }
  const windows: RecoveryWindow[] = [];
  for (let from = 0; from + windowSeconds <= after.length; from += windowSeconds) windows.push(windowAt(from));
  return { seconds, thresholdMs: round2(thresholdMs), windows };
}
