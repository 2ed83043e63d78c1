// Writes a run's results: bench/results/latest.json (everything measured) and
// bench/results/README.md (the tables). The README's analysis section, between the ANALYSIS
// markers, is written by people and kept from one run to the next.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import type { BenchConfig } from "./config.js";
import type { DatasetSizes } from "./dataset.js";
import type { PlanCost } from "./floor/cost.js";
import { NOISE_CORES, type Measurement } from "./measure.js";
import { OPERATIONS, type OperationInputs, type OperationName } from "./operations.js";
import type { ProfileResults } from "./profile.js";
import { cores, ENGINE, failures, fmt, latency, spread } from "./report-format.js";
import { hasPeer, PEER_COLUMNS, peerColumns, peerSection } from "./report-peer.js";
import type { StatementCount, StatementCounts } from "./statements.js";
import type { Verification } from "./verify.js";
import type { PeerVerification } from "./verify-peer.js";

export interface OperationResults {
  statements: StatementCount;
  floorPlan: PlanCost;
  verified: Verification;
  server: Measurement;
  floor: Measurement;
  /** Server requests/s ÷ floor requests/s. */
  ratio: number;
  /** PostGraphile (bench/postgraphile/), the peer: PostgreSQL only, and absent from runs before it joined. */
  peer?: Measurement;
  peerVerified?: PeerVerification;
  /** Server requests/s ÷ PostGraphile requests/s. */
  peerRatio?: number;
}

export interface DatabaseResults {
  engine: "sqlite" | "postgres";
  version: string;
  /** Connections in the server's PostgreSQL pool; null for SQLite. */
  serverPoolSize: number | null;
  /** Seconds `npm run synth` took in this run; 0 when the data was reused. */
  synthSeconds: number;
  /** Fingerprint of scripts/synth and seed/data that filled the database, when the bench filled it (bench/dataset.ts). */
  generator: string | null;
  /** Digest of the rows the operations read; equal digests mean the engines hold the same data. */
  digest: string;
  /** Tables this run had to ANALYZE (PostgreSQL, no statistics yet); 0 when they had statistics. */
  analyzedTables: number;
  /** PostgreSQL's autovacuum setting ("on"/"off"); null for SQLite. */
  autovacuum: string | null;
  sizes: DatasetSizes;
  inputs: { countryCode: string; countryMeetings: number; nodeMeetings: number; listSize: number };
  /** What the operations were asked with (meeting ids, country code, page size). */
  operationInputs: OperationInputs;
  listScaling: StatementCounts["listScaling"];
  idleRssMiB: { server: number; floor: number; peer?: number };
  /** PostGraphile's version, where it ran (PostgreSQL). */
  peerVersion?: string;
  operations: Record<OperationName, OperationResults>;
}

export interface BenchResults {
  date: string;
  machine: { cores: number; cpuModel: string; memoryGiB: number; freeMemoryGiBAtEnd: number; node: string; kernel: string };
  settings: { connections: number; warmupSeconds: number; rounds: number; roundSeconds: number; synth: { meetings: number; seed: number }; loadGenerator: string };
  benchSeconds: number;
  /** Of benchSeconds, the time `npm run synth` took (0 when every database was reused). */
  synthSeconds: number;
  databases: DatabaseResults[];
  /** CPU profiles of the server on SQLite, one per profiled operation; empty with --no-profile. */
  profiles: ProfileResults[];
}

const ANALYSIS_START = "<!-- ANALYSIS:START (kept across runs; written by people) -->";
const ANALYSIS_END = "<!-- ANALYSIS:END -->";

function throughputTable(results: BenchResults): string[] {
  const peer = hasPeer(results);
  const lines = [
    `| DB | Operation | Server req/s (rounds) | Floor req/s (rounds) | Server ÷ floor |${peer ? PEER_COLUMNS.header : ""} Server p50 / p95 / p99 (ms) | Floor p50 / p95 / p99 (ms) | Server CPU ms/req | Floor CPU ms/req | Errors / non-2xx / bodies with \`errors\` (server; floor) |`,
    `| --- | --- | ---: | ---: | ---: |${peer ? PEER_COLUMNS.align : ""} --- | --- | ---: | ---: | --- |`,
  ];
  for (const database of results.databases) {
    for (const operation of OPERATIONS) {
      const run = database.operations[operation.name];
      lines.push(
        `| ${ENGINE[database.engine]} | ${operation.name} | ${fmt(run.server.requestsPerSecond)} (${spread(run.server)}) | ${fmt(run.floor.requestsPerSecond)} (${spread(run.floor)}) | ${fmt(run.ratio, 3)} |${peer ? peerColumns(run) : ""} ${latency(run.server)} | ${latency(run.floor)} | ${fmt(run.server.cpuMsPerRequest, 2)} | ${fmt(run.floor.cpuMsPerRequest, 2)} | ${failures(run.server)}; ${failures(run.floor)} |`,
      );
    }
  }
  return lines;
}

function costTable(results: BenchResults): string[] {
  const lines = [
    "| DB | Operation | SQL statements / request, server / floor | Rows the floor reads / request | Rows per statement (floor's order) | Response bytes | Server peak RSS (MiB) | Floor peak RSS (MiB) | CPU cores in use, server rounds: server / load generator / PostgreSQL / other | Same, floor rounds |",
    "| --- | --- | ---: | ---: | --- | ---: | ---: | ---: | --- | --- |",
  ];
  for (const database of results.databases) {
    for (const operation of OPERATIONS) {
      const run = database.operations[operation.name];
      const perStatement = run.floorPlan.perStatement.map((statement) => `${statement.table} ${statement.rows.toLocaleString("en-US")}`).join(", ");
      lines.push(
        `| ${ENGINE[database.engine]} | ${operation.name} | ${run.statements.statements} / ${run.floorPlan.statements} | ${run.floorPlan.rowsRead.toLocaleString("en-US")} | ${perStatement} | ${run.verified.bytes.server.toLocaleString("en-US")} | ${run.server.peakRssMiB} | ${run.floor.peakRssMiB} | ${cores(run.server)} | ${cores(run.floor)} |`,
      );
    }
  }
  return lines;
}

function dataLine(results: BenchResults, sizes: DatasetSizes): string {
  const { synth } = results.settings;
  const rows = (of: DatasetSizes) => Object.entries(of).map(([table, count]) => `${count.toLocaleString("en-US")} ${table}`).join(", ");
  const generators = [...new Set(results.databases.map((database) => database.generator ?? "unknown"))];
  const digests = [...new Set(results.databases.map((database) => database.digest))];
  const same = results.databases.every((database) => isDeepStrictEqual(database.sizes, sizes)) && digests.length === 1;
  const head = `Data: the real seed plus \`npm run synth\` at its default size (--meetings ${synth.meetings} --seed ${synth.seed}; generator fingerprint ${generators.join(", ")}, data digest ${digests.join(" vs ")})`;
  const postgres = results.databases.find((database) => database.engine === "postgres");
  const statistics = postgres
    ? ` PostgreSQL plans with table statistics: the run ANALYZEs when a table has none, as after synth (autovacuum, which would gather them, is ${postgres.autovacuum} on this server; ${postgres.analyzedTables ? `this run analysed ${postgres.analyzedTables} tables` : "this run found them analysed"}).`
    : "";
  if (same) return `${head}, the same on ${results.databases.length === 1 ? "this engine" : "both engines"}: ${rows(sizes)}.${statistics}`;
  return `${head}. **The engines do not hold the same data**, so compare them with care: ${results.databases.map((database) => `${ENGINE[database.engine]}: ${rows(database.sizes)}`).join("; ")}.`;
}

function profileSection(profiles: ProfileResults[]): string[] {
  if (profiles.length === 0) return ["Not profiled in this run (`--no-profile`)."];
  const layers = [...new Set(profiles.flatMap((profile) => profile.summary.layers.map((entry) => entry.layer)))];
  const share = (profile: ProfileResults, layer: string) => profile.summary.layers.find((entry) => entry.layer === layer)?.percent ?? 0;
  layers.sort((a, b) => share(profiles[0] as ProfileResults, b) - share(profiles[0] as ProfileResults, a));
  return [
    `\`node --cpu-prof\` on the server (SQLite), one run per operation, ${profiles.map((profile) => `${profile.operation}: ${fmt(profile.requestsPerSecond)} req/s under the profiler, ${fmt(profile.summary.busyMs / 1000)} s busy and ${fmt(profile.summary.idlePercent)}% idle in the ${fmt(profile.summary.window.toSeconds - profile.summary.window.fromSeconds)} s measured window`).join("; ")} (start-up and warm-up left out). Share of busy CPU by layer (\`bench/profile-summary.ts\`: each sample goes to its innermost frame that belongs to a layer, by script URL and function name; builtins and shared helpers take their caller's layer; native work such as SQLite's is charged to the JavaScript frame that called it):`,
    "",
    `| Layer | ${profiles.map((profile) => profile.operation).join(" | ")} |`,
    `| --- | ${profiles.map(() => "---:").join(" | ")} |`,
    ...layers.map((layer) => `| ${layer} | ${profiles.map((profile) => `${fmt(share(profile, layer))}%`).join(" | ")} |`),
    "",
    ...profiles.flatMap((profile) => [
      `Top self time, ${profile.operation} (\`${profile.file}\`):`,
      "",
      "| Function | Layer | Share |",
      "| --- | --- | ---: |",
      ...profile.summary.topFunctions.slice(0, 10).map((entry) => `| \`${entry.function}\` | ${entry.layer} | ${fmt(entry.percent)}% |`),
      "",
    ]),
  ];
}

function renderReadme(config: BenchConfig, results: BenchResults, analysis: string): string {
  const { machine, settings } = results;
  const sizes = results.databases[0]?.sizes ?? {};
  const inputs = results.databases[0]?.inputs;
  const scaling = results.databases
    .map((database) => `${ENGINE[database.engine]}: ${database.listScaling.map((entry) => `first: ${entry.first} → ${entry.statements} statements (${entry.edges} meetings)`).join("; ")}`)
    .join(". ");
  const peer = hasPeer(results);
  const lines = [
    "# Benchmark results",
    "",
    `Run ${results.date.slice(0, 16).replace("T", " ")} UTC by \`npm run bench\` (${fmt(results.benchSeconds / 60)} min${results.synthSeconds ? `, of which ${fmt(results.synthSeconds / 60)} min filling the databases with \`npm run synth\`` : ", data reused"}). Machine: ${machine.cores} cores (\`nproc\`, ${machine.cpuModel}), ${fmt(machine.memoryGiB)} GiB RAM, Node ${machine.node}, Linux ${machine.kernel}. ${results.databases.map((database) => (database.engine === "sqlite" ? `SQLite ${database.version}` : database.version.split(" ").slice(0, 2).join(" "))).join(", ")}. Every number is from \`latest.json\` next to this file.`,
    "",
    dataLine(results, sizes),
    "",
    `Load: ${settings.loadGenerator}, ${settings.connections} connections; per operation, each target gets ${settings.warmupSeconds} s of warm-up, then ${settings.rounds} measured rounds of ${settings.roundSeconds} s alternate between server${peer ? ", floor and, on PostgreSQL, PostGraphile" : " and floor"} (${settings.rounds * settings.roundSeconds} s each), because this machine's speed drifts over minutes and alternating lets ${peer ? "them all" : "both"} see the same machine. The server is the production build (\`NODE_ENV=production node dist/src/server.js\`); the floor is \`bench/floor-server.ts\`${peer ? "; PostGraphile is `bench/postgraphile/server.js`" : ""}. Server, floor, ${peer ? "PostGraphile, " : ""}load generator and PostgreSQL share the same ${machine.cores} cores, so absolute numbers are this machine's; the ratios are the point.`,
    "",
    "## Throughput and latency",
    "",
    ...throughputTable(results),
    "",
    `Requests/s counts 2xx responses over all measured rounds; in brackets the slowest and fastest round. Latencies are exact percentiles over every response of every round. CPU ms/req is the target process's user + system time over the rounds divided by their requests (PostgreSQL's own CPU is not in it; see the cost table). Failures, warm-up included: transport errors and timeouts / non-2xx statuses / response bodies containing an \`errors\` key (every body is searched; every 100th is also parsed and checked for non-null data).${peer ? " PostGraphile reads PostgreSQL only (a dash on SQLite); its latencies, CPU and memory are under *Against PostGraphile*." : ""}`,
    "",
    "## Cost per request",
    "",
    ...costTable(results),
    "",
    `Statements are counted in-process (\`bench/statements.ts\`: the request through \`yoga.fetch\`, Prisma's \`query\` events, as \`test/helpers/sql-log.ts\` does) on the same database; on SQLite, where the server sends one statement per relation level, the run stops unless the floor's statements read the same tables; on PostgreSQL the server joins an operation's relations into one statement where that reads fewer rows (src/db/join-strategy.ts), and the run stops if it sends more than the floor. Rows read are the floor's plan's: the server's on SQLite; on PostgreSQL its joined statement reads one page per parent where the floor reads every child of a level (test/postgres-rows-read.test.ts measures the server's). Statements do not grow with the rows returned: ${scaling}. CPU cores in use are averages over the rounds, from /proc: the target process, the load generator (and the bench process driving it), PostgreSQL (the backends of the benchmark's database, parallel workers and the server's own processes), and the rest of the machine; a round during which the rest used more than ${NOISE_CORES} cores (another process competing) is run again, up to four times, and noted. Peak RSS is the process's VmHWM over the operation's warm-up and rounds (reset before each operation${results.databases.every((database) => OPERATIONS.every((operation) => database.operations[operation.name].server.peakIsPerRun)) ? "" : "; **not** reset on this machine, so it is the peak since start"}); idle RSS after start: ${results.databases.map((database) => `${ENGINE[database.engine]} server ${database.idleRssMiB.server} MiB, floor ${database.idleRssMiB.floor} MiB`).join("; ")}.${results.databases.some((database) => database.serverPoolSize) ? ` The server's PostgreSQL pool holds ${results.databases.find((database) => database.serverPoolSize)?.serverPoolSize} connections (pg's default; src/db/client.ts sets none), as does the floor's.` : ""}`,
    "",
    ...(peer ? [...peerSection(results), ""] : []),
    "## The operations",
    "",
    ...OPERATIONS.map((operation) => `- **${operation.name}** — ${operation.description}`),
    "",
    inputs
      ? `Inputs: meetingNode cycles through ${inputs.nodeMeetings} meetings evenly spaced over all meetings by id; countryMeetings asks for ${inputs.countryCode} (${inputs.countryMeetings.toLocaleString("en-US")} delegations, the most of any country); meetingList asks for first: ${inputs.listSize}. The GraphQL documents are in \`bench/operations.ts\`${peer ? " (PostGraphile's in `bench/peer-operations.ts`)" : ""}.`
      : "",
    "",
    "The floor (`bench/floor-server.ts`, `bench/floor/`) answers the same request bodies with node:http, better-sqlite3 (prepared statements cached) or a `pg` Pool, and JSON.stringify: the same statements as the server's plan (same columns, WHERE, ORDER BY and LIMIT, one statement per relation level, sibling levels concurrently, nested page sizes applied in memory) and the same JSON. Before measuring, every request body of every operation is sent to both and the floor's `data` must deep-equal the server's.",
    "",
    "## Where the server's CPU goes",
    "",
    ...profileSection(results.profiles),
    "",
    ANALYSIS_START,
    analysis.trim(),
    ANALYSIS_END,
    "",
    "## Rerunning",
    "",
    "```sh",
    `npm run bench                                  # both engines and the profiles: ${fmt((results.benchSeconds - results.synthSeconds) / 60)} min this run${results.synthSeconds ? `, plus ${fmt(results.synthSeconds / 60)} min of synth` : ", data reused"}`,
    "npm run bench -- --only sqlite --no-profile    # one engine",
    "npm run bench -- --rounds 5 --seconds 10 --connections 20   # longer, harder (--seconds is per round)",
    "npm run bench -- --report-only                 # rewrite this file from latest.json (keeps the analysis)",
    "npm run bench -- --only postgres --postgres-url postgresql://root@127.0.0.1:5432/parley_trial --meetings 300 --rounds 1 --seconds 2 --no-profile --results-dir /tmp/bench-trial   # a quick trial on a database and folder of its own",
    "npx tsx bench/profile-summary.ts /tmp/parley-prof/defaultQuery/*.cpuprofile   # re-read a profile",
    "```",
    "",
    `The data lives in ${config.databases.map((database) => `\`${database.url}\``).join(" and ")} (never data/parley.db). The first run fills each with \`npm run synth\` (about 2.5 min for SQLite and 3.5 min for PostgreSQL on this machine; PostgreSQL's database is created if missing). Later runs reuse a database while it holds the complete synthetic set of the requested size and seed, and fill both again when the two engines' rows differ (the digest of the rows the operations read, e.g. after the generator changed). A run on PostgreSQL also starts PostGraphile from \`bench/postgraphile/\`, installing it there (\`npm ci\`, its own lockfile) on first use. A run writes \`latest.json\` and this file, keeping the analysis section.`,
    "",
  ];
  return lines.join("\n");
}

export function writeResults(config: BenchConfig, results: BenchResults): void {
  mkdirSync(config.resultsDir, { recursive: true });
  writeFileSync(path.join(config.resultsDir, "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
  const readmePath = path.join(config.resultsDir, "README.md");
  const previous = existsSync(readmePath) ? readFileSync(readmePath, "utf8") : "";
  const kept = previous.includes(ANALYSIS_START) ? previous.slice(previous.indexOf(ANALYSIS_START) + ANALYSIS_START.length, previous.indexOf(ANALYSIS_END)) : "";
  const analysis = kept.trim() || "## Analysis\n\n(Not written yet: read the tables above and say what they mean and where the biggest lever is.)";
  writeFileSync(readmePath, renderReadme(config, results, analysis));
}
