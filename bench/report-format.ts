// How the results' tables print a measurement: numbers, latencies, CPU, failures, round spread.
// Shared by report.ts and report-peer.ts.
import type { Measurement } from "./measure.js";

export const ENGINE = { sqlite: "SQLite", postgres: "PostgreSQL" } as const;
export const fmt = (value: number, digits = 1) => value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const latency = (run: Measurement) => `${fmt(run.latencyMs.p50)} / ${fmt(run.latencyMs.p95)} / ${fmt(run.latencyMs.p99)}`;
export const cores = (run: Measurement) =>
  `${fmt(run.cpuCores.service, 2)} / ${fmt(run.cpuCores.loadGenerator, 2)} / ${fmt(run.cpuCores.database, 2)} / ${fmt(run.cpuCores.other, 2)}${run.repeatedRounds ? ` (${run.repeatedRounds} round${run.repeatedRounds > 1 ? "s" : ""} repeated)` : ""}`;
export const failures = (run: Measurement) =>
  `${run.errors + run.warmup.errors} / ${run.non2xx + run.warmup.non2xx} / ${run.bodies.withErrors + run.warmup.bodiesWithErrors}`;
export const spread = (run: Measurement) => `${fmt(Math.min(...run.roundsRequestsPerSecond))}–${fmt(Math.max(...run.roundsRequestsPerSecond))}`;
