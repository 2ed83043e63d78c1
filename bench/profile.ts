// CPU profiles of the server under load on SQLite: the server runs with `node --cpu-prof` (the
// profile is written when it exits), and only the samples taken during the measured run are
// summarised, so start-up and warm-up do not count. The default query is the one asked for; the
// node lookup, which reads two rows, shows the fixed cost every request pays.
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import type { BenchConfig } from "./config.js";
import type { LoadResult } from "./load.js";
import { OPERATIONS, REQUEST_HEADERS, requestBodies, type OperationInputs, type OperationName } from "./operations.js";
import { runJson, startService, stopService } from "./processes.js";
import { summarizeProfile, type CpuProfile, type ProfileSummary } from "./profile-summary.js";

export interface ProfileResults {
  operation: string;
  file: string;
  requestsPerSecond: number;
  summary: ProfileSummary;
}

export const PROFILED_OPERATIONS: OperationName[] = ["defaultQuery", "meetingNode"];

export async function profileServer(
  config: BenchConfig,
  url: string,
  name: OperationName,
  inputs: OperationInputs,
  log: (line: string) => void,
): Promise<ProfileResults> {
  const operation = OPERATIONS.find((candidate) => candidate.name === name)!;
  const dir = path.join(config.profile.dir, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });

  log(`profiling the server (sqlite, ${operation.name}, ${config.profile.seconds} s) into ${dir}`);
  const spawned = performance.now();
  const server = await startService("server (profiled)", ["--cpu-prof", `--cpu-prof-dir=${dir}`, "dist/src/server.js"], {
    DATABASE_URL: url,
    NODE_ENV: "production",
  });
  const spec = (seconds: number) => ({
    url: `${server.url}/graphql`,
    headers: REQUEST_HEADERS,
    bodies: requestBodies(operation, inputs),
    connections: config.connections,
    seconds,
  });
  let window: { fromSeconds: number; toSeconds: number };
  let load: LoadResult;
  try {
    await runJson<LoadResult>(["--import", "tsx", "bench/load.ts", JSON.stringify(spec(config.warmupSeconds))]);
    // The load child takes a moment to start, so the window opens a little before the first
    // request; the server is idle then, and idle time is left out of the summary.
    const from = performance.now();
    load = await runJson<LoadResult>(["--import", "tsx", "bench/load.ts", JSON.stringify(spec(config.profile.seconds))]);
    window = { fromSeconds: (from - spawned) / 1000, toSeconds: (performance.now() - spawned) / 1000 };
  } finally {
    await stopService(server);
  }
  const file = readdirSync(dir).find((name) => name.endsWith(".cpuprofile"));
  if (!file) throw new Error(`no .cpuprofile in ${dir}: ${server.output()}`);
  const profile = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as CpuProfile;
  return { operation: operation.name, file: path.join(dir, file), requestsPerSecond: Math.round((load.requests / load.seconds) * 10) / 10, summary: summarizeProfile(profile, window) };
}
