// What a run measures and how hard it pushes; `npm run bench -- --help` lists the overrides.
import { parseArgs } from "node:util";
import type { SynthSize } from "./dataset.js";

export interface BenchConfig {
  databases: { engine: "sqlite" | "postgres"; url: string }[];
  /** npm run synth's defaults: the size the results are quoted at. */
  synth: SynthSize;
  connections: number;
  warmupSeconds: number;
  /** Measured rounds per operation and target, interleaved server, floor, server, floor… */
  rounds: number;
  /** Length of one round; an operation is measured for rounds × roundSeconds per target. */
  roundSeconds: number;
  /** `first` of meetingList under load; statements are also counted at first: 5. */
  listSize: number;
  profile: { enabled: boolean; dir: string; seconds: number };
  build: boolean;
  /** Only rewrite README.md from the last latest.json (after editing report.ts or the analysis). */
  reportOnly: boolean;
  resultsDir: string;
}

const USAGE = `usage: npm run bench -- [--only sqlite|postgres] [--rounds N] [--seconds N (per round)] [--warmup N] [--connections N]
                        [--meetings N] [--seed S] [--sqlite-url URL] [--postgres-url URL] [--no-profile] [--no-build] [--report-only]
                        [--results-dir DIR (default bench/results; elsewhere for a trial run)]`;

export function readConfig(argv = process.argv.slice(2)): BenchConfig {
  const { values } = parseArgs({
    args: argv,
    options: {
      only: { type: "string" },
      rounds: { type: "string", default: "3" },
      seconds: { type: "string", default: "5" },
      warmup: { type: "string", default: "3" },
      connections: { type: "string", default: "10" },
      meetings: { type: "string", default: "20000" },
      seed: { type: "string", default: "1" },
      "sqlite-url": { type: "string", default: "file:/tmp/parley-bench/bench.db" },
      "postgres-url": { type: "string", default: "postgresql://root@127.0.0.1:5432/parley_bench" },
      "no-profile": { type: "boolean", default: false },
      "no-build": { type: "boolean", default: false },
      "report-only": { type: "boolean", default: false },
      "results-dir": { type: "string", default: "bench/results" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const number = (name: keyof typeof values) => {
    const value = Number(values[name]);
    if (!Number.isFinite(value) || value < 0) throw new TypeError(`--${name} must be a non-negative number\n${USAGE}`);
    return value;
  };
  const databases = [
    { engine: "sqlite" as const, url: values["sqlite-url"] as string },
    { engine: "postgres" as const, url: values["postgres-url"] as string },
  ].filter((database) => !values.only || database.engine === values.only);
  if (databases.length === 0) throw new TypeError(`--only must be sqlite or postgres\n${USAGE}`);
  return {
    databases,
    synth: { meetings: number("meetings"), seed: number("seed") },
    connections: number("connections"),
    warmupSeconds: number("warmup"),
    rounds: Math.max(1, Math.round(number("rounds"))),
    roundSeconds: number("seconds"),
    listSize: 50,
    profile: { enabled: !values["no-profile"] && databases.some((database) => database.engine === "sqlite"), dir: "/tmp/parley-prof", seconds: 10 },
    build: !values["no-build"],
    reportOnly: values["report-only"] as boolean,
    resultsDir: values["results-dir"] as string,
  };
}
