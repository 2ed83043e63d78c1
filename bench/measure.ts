// Measuring one target (the server or the floor) on one operation: a warm-up, then rounds of load
// from child processes (bench/load.ts), interleaved by the caller with the other target's rounds so
// that both see the same machine. Around each round it reads, from /proc, the CPU the target, the
// load generator, PostgreSQL and everything else used; a round during which other processes were
// busy is run again. The rounds are combined at the end, with the target's peak memory.
import { readdirSync, readFileSync } from "node:fs";
import type { LoadResult, LoadSpec } from "./load.js";
import { memory, resetPeakMemory, runJson, type Service } from "./processes.js";

export interface Measurement {
  /** 2xx responses per second over all rounds. */
  requestsPerSecond: number;
  /** The same, round by round: the spread shows how steady the machine was. */
  roundsRequestsPerSecond: number[];
  requests: number;
  seconds: number;
  /** Exact percentiles over every response of every round. */
  latencyMs: { p50: number; p95: number; p99: number; mean: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  bodies: LoadResult["bodies"];
  warmup: { requests: number; errors: number; non2xx: number; bodiesWithErrors: number };
  /** Peak resident memory of the target over warm-up and rounds (MiB). */
  peakRssMiB: number;
  /** Whether that peak covers only this operation (VmHWM reset before it) or the target's whole life. */
  peakIsPerRun: boolean;
  /** CPU time of the target process (user + system) per request, rounds only. */
  cpuMsPerRequest: number;
  /** Where the machine's CPU went during the rounds, in cores: the target, the load generator (with the bench process itself), PostgreSQL, and everything else. */
  cpuCores: { machine: number; service: number; loadGenerator: number; database: number; other: number };
  /** Rounds run again because other processes were busy. */
  repeatedRounds: number;
}

/** Above this many cores used by unrelated processes, a round is run again: the machine was not quiet. */
export const NOISE_CORES = 0.15;
const MAX_ATTEMPTS = 4;
const CLOCK_TICKS_PER_SECOND = 100; // getconf CLK_TCK on Linux

/** Busy CPU ticks of the whole machine (every state but idle and iowait), from /proc/stat. */
function machineTicks(): number {
  const [, ...fields] = (readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "").trim().split(/\s+/).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
  return user + nice + system + irq + softirq + steal;
}

/** A process's command name, its user + system ticks, and those of its children that have exited. */
function processStat(pid: number | string): { command: string; ticks: number; exitedChildrenTicks: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name sits in parentheses and may contain spaces; utime, stime, cutime and cstime
  // are the 12th to 15th fields after it.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ").map(Number);
  return {
    command: stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")),
    ticks: (fields[11] ?? 0) + (fields[12] ?? 0),
    exitedChildrenTicks: (fields[13] ?? 0) + (fields[14] ?? 0),
  };
}

/** A PostgreSQL client backend's title: "postgres: [cluster: ]user database host(port) state". */
const CLIENT_BACKEND = /^postgres: (?:\S+: )?\S+ (\S+) (?:\[local\]|\S+\(\d+\))/;

/**
 * Ticks used so far by the PostgreSQL processes that serve `database`, per process: its client
 * backends, parallel workers and the server's own background processes, but not the backends of
 * other databases (another user's work, which counts as "other"). The postmaster's count includes
 * the ticks of its children that have exited, so a backend closing mid-round is not lost.
 */
function postgresTicks(database: string | undefined): Map<string, number> {
  const ticks = new Map<string, number>();
  if (!database) return ticks;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = processStat(entry);
      if (stat.command !== "postgres") continue;
      const title = readFileSync(`/proc/${entry}/cmdline`, "utf8").replace(/\0/g, " ").trim();
      const client = CLIENT_BACKEND.exec(title);
      if (client && client[1] !== database) continue;
      ticks.set(entry, stat.ticks + stat.exitedChildrenTicks);
    } catch {
      // the process ended while we looked
    }
  }
  return ticks;
}

/** Ticks used between two snapshots by the processes alive at the second. */
function ticksBetween(before: Map<string, number>, after: Map<string, number>): number {
  let total = 0;
  for (const [pid, ticks] of after) total += ticks - (before.get(pid) ?? 0);
  return total;
}

interface Round {
  load: LoadResult;
  wallSeconds: number;
  cpuSeconds: { machine: number; service: number; database: number };
}

const round2 = (value: number) => Math.round(value * 100) / 100;

function percentile(sorted: Float64Array, quantile: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] as number;
}

export class TargetMeasurement {
  private readonly rounds: Round[] = [];
  private readonly peakIsPerRun: boolean;
  private warmup = { requests: 0, errors: 0, non2xx: 0, bodiesWithErrors: 0 };
  private repeatedRounds = 0;

  /** `database`: the PostgreSQL database the target reads, whose backends' CPU is counted; none for SQLite. */
  constructor(
    private readonly service: Service,
    private readonly spec: Omit<LoadSpec, "url" | "seconds">,
    private readonly database?: string,
  ) {
    this.peakIsPerRun = resetPeakMemory(this.pid);
  }

  private get pid(): number {
    return this.service.child.pid as number;
  }

  private async load(seconds: number): Promise<Round> {
    const serviceBefore = processStat(this.pid).ticks;
    const machineBefore = machineTicks();
    const databaseBefore = postgresTicks(this.database);
    const benchBefore = process.cpuUsage();
    const started = performance.now();
    const load = await runJson<LoadResult>(["--import", "tsx", "bench/load.ts", JSON.stringify({ ...this.spec, seconds, url: `${this.service.url}/graphql` })]);
    // This process's own work (reading /proc, parsing the child's latencies) counts with the load generator.
    const bench = process.cpuUsage(benchBefore);
    const toSeconds = (ticks: number) => ticks / CLOCK_TICKS_PER_SECOND;
    return {
      load: { ...load, cpuSeconds: load.cpuSeconds + (bench.user + bench.system) / 1e6 },
      wallSeconds: (performance.now() - started) / 1000,
      cpuSeconds: {
        service: toSeconds(processStat(this.pid).ticks - serviceBefore),
        machine: toSeconds(machineTicks() - machineBefore),
        database: toSeconds(ticksBetween(databaseBefore, postgresTicks(this.database))),
      },
    };
  }

  async warmUp(seconds: number): Promise<void> {
    if (seconds <= 0) return;
    const { load } = await this.load(seconds);
    this.warmup = { requests: load.requests + load.non2xx, errors: load.errors, non2xx: load.non2xx, bodiesWithErrors: load.bodies.withErrors };
  }

  /** One measured round, run again (up to MAX_ATTEMPTS) while other processes kept the machine busy. */
  async round(seconds: number, log: (line: string) => void): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const round = await this.load(seconds);
      const other = (round.cpuSeconds.machine - round.cpuSeconds.service - round.load.cpuSeconds - round.cpuSeconds.database) / round.wallSeconds;
      if (other <= NOISE_CORES || attempt === MAX_ATTEMPTS) {
        this.rounds.push(round);
        return;
      }
      this.repeatedRounds++;
      log(`other processes used ${round2(other)} cores during the round; running it again`);
    }
  }

  finish(): Measurement {
    const sum = (value: (round: Round) => number) => this.rounds.reduce((total, round) => total + value(round), 0);
    const requests = sum((round) => round.load.requests);
    const seconds = sum((round) => round.load.seconds);
    const wall = sum((round) => round.wallSeconds);
    const latencies = Float64Array.from(this.rounds.flatMap((round) => round.load.latenciesMs)).sort();
    const cores = (cpuSeconds: number) => round2(cpuSeconds / wall);
    const machine = sum((round) => round.cpuSeconds.machine);
    const service = sum((round) => round.cpuSeconds.service);
    const loadGenerator = sum((round) => round.load.cpuSeconds);
    const database = sum((round) => round.cpuSeconds.database);
    return {
      requestsPerSecond: Math.round((requests / seconds) * 10) / 10,
      roundsRequestsPerSecond: this.rounds.map((round) => Math.round((round.load.requests / round.load.seconds) * 10) / 10),
      requests,
      seconds,
      latencyMs: {
        p50: round2(percentile(latencies, 0.5)),
        p95: round2(percentile(latencies, 0.95)),
        p99: round2(percentile(latencies, 0.99)),
        mean: round2(latencies.reduce((total, value) => total + value, 0) / Math.max(1, latencies.length)),
        max: round2(latencies[latencies.length - 1] ?? Number.NaN),
      },
      errors: sum((round) => round.load.errors),
      timeouts: sum((round) => round.load.timeouts),
      non2xx: sum((round) => round.load.non2xx),
      bodies: {
        withErrors: sum((round) => round.load.bodies.withErrors),
        parsed: sum((round) => round.load.bodies.parsed),
        parsedWithoutData: sum((round) => round.load.bodies.parsedWithoutData),
      },
      warmup: this.warmup,
      peakRssMiB: memory(this.pid).peakRssMiB,
      peakIsPerRun: this.peakIsPerRun,
      cpuMsPerRequest: Math.round((service * 1000 * 1000) / Math.max(1, requests)) / 1000,
      cpuCores: {
        machine: cores(machine),
        service: cores(service),
        loadGenerator: cores(loadGenerator),
        database: cores(database),
        other: cores(Math.max(0, machine - service - loadGenerator - database)),
      },
      repeatedRounds: this.repeatedRounds,
    };
  }
}
