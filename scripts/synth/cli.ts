// `npm run synth -- --meetings N [--seed S] [--database-url URL]`: migrates the database, loads the
// real seed if it is missing, and replaces the synthetic rows with a new set, showing progress.
import { parseArgs } from "node:util";
import { SingleBar } from "cli-progress";
import { databaseUrl, describeDatabase } from "../../src/db/url.js";
import { createDb } from "../../src/db/client.js";
import { migrateDatabase, pendingMigrations } from "../../src/db/migrate.js";
import { synthesize, type SynthPhase } from "./synthesize.js";

const USAGE = "usage: npm run synth -- [--meetings N] [--seed S] [--database-url URL]";

function integerOption(text: string | undefined, fallback: number, option: string, minimum: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < minimum) {
    throw new TypeError(`${option} must be an integer of at least ${minimum}, got "${text}"`);
  }
  return value;
}

function parseOptions() {
  const { values } = parseArgs({
    options: {
      meetings: { type: "string" },
      seed: { type: "string" },
      "database-url": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  return {
    help: values.help ?? false,
    meetings: integerOption(values.meetings, 20_000, "--meetings", 1),
    seed: integerOption(values.seed, 1, "--seed", 0),
    databaseUrl: values["database-url"],
  };
}

const PHASES: Record<SynthPhase, string> = {
  deleting: "removing the previous synthetic rows",
  seeding: "loading the real seed (the database had none)",
  generating: "generating",
  writing: "writing",
};

let options: ReturnType<typeof parseOptions>;
try {
  options = parseOptions();
} catch (error) {
  console.error(`${error instanceof Error ? error.message : error}\n${USAGE}`);
  process.exit(2);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}

const started = performance.now();
const url = options.databaseUrl ?? databaseUrl();
// Opening the client first creates a SQLite file's folder, which the migration needs.
const db = options.databaseUrl ? createDb(options.databaseUrl) : createDb();

const bar = new SingleBar({
  format: "{table} |{bar}| {percentage}% | {value}/{total} rows | {rate} rows/s | {duration}s",
  hideCursor: true,
  etaBuffer: 50,
});
let writeStarted = 0;
try {
  // Prisma's migrate CLI costs seconds (twelve on PostgreSQL, where it lingers after its work): run
  // it only when a migration is pending, as start-up does.
  if ((await pendingMigrations(db, url)).length > 0) {
    console.error(`synth: migrating ${describeDatabase(url)}`);
    migrateDatabase(url);
  }
  const summary = await synthesize(db, {
    meetings: options.meetings,
    seed: options.seed,
    onPhase(phase) {
      if (phase === "writing") writeStarted = performance.now();
      else console.error(`synth: ${PHASES[phase]}${phase === "generating" ? ` ${options.meetings} meetings (seed ${options.seed})` : ""}`);
    },
    onProgress({ table, overall, overallTotal }) {
      const payload = { table: table.padEnd(16), rate: Math.round(overall / Math.max(0.001, (performance.now() - writeStarted) / 1000)) };
      if (!bar.isActive) bar.start(overallTotal, 0, payload);
      bar.update(overall, payload);
    },
  });
  bar.stop();
  const seconds = (performance.now() - started) / 1000;
  const counts = Object.entries(summary.rows).map(([table, count]) => `${table} ${count}`).join(", ");
  const rate = Math.round(summary.total / (summary.milliseconds.write / 1000));
  console.log(
    `synth: ${counts}; ${summary.total} rows in ${seconds.toFixed(1)} s`
      + ` (generate ${(summary.milliseconds.generate / 1000).toFixed(1)} s, write ${(summary.milliseconds.write / 1000).toFixed(1)} s at ${rate} rows/s)`,
  );
} catch (error) {
  bar.stop();
  console.error(error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
