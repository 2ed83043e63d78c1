// The data every run measures: the real seed plus `npm run synth` at its default size, filled once
// per database and reused while it is complete, the same on both engines; then what the operations
// are asked with.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { openSql, type Sql } from "./floor/sql.js";
import { asDate, globalId } from "./floor/shape.js";
import type { OperationInputs } from "./operations.js";

export interface SynthSize {
  meetings: number;
  seed: number;
}

/** Row counts of the tables the operations read, for the results. */
export type DatasetSizes = Record<string, number>;

const COUNTED_TABLES = [
  "Meeting", "Delegation", "Participant", "Person", "PersonAlias", "Tenure", "Post", "Organization", "Country",
  "TradeRecord", "Discussion", "Outcome", "Quote", "Evidence",
];
/** Where each database's fill is recorded: which generator, size and seed, and the digest of what it left. */
const FILL_RECORDS = "/tmp/parley-bench/fills";
/** meetingNode cycles through this many meetings, spread evenly over all of them. */
const NODE_MEETINGS = 100;

const count = async (sql: Sql, text: string, params: unknown[] = []) => Number((await sql.all(text, params))[0]?.count ?? 0);

/**
 * Whether the database holds a complete synthetic set of this size and seed. Counting meetings
 * alone would accept a run that died half-way, so the synthetic source's note (which records the
 * size and seed) and its links to every meeting (the last thing synth writes) are checked too.
 */
async function isFilled(url: string, size: SynthSize): Promise<boolean> {
  let sql: Sql | undefined;
  try {
    sql = openSql(url, { poolSize: 1 });
    const meetings = await count(sql, `SELECT COUNT(*) AS "count" FROM "Meeting" WHERE "id" LIKE 'syn-%'`);
    const [source] = await sql.all(`SELECT "note" FROM "Source" WHERE "id" = 'syn-source'`, []);
    const links = await count(sql, `SELECT COUNT(*) AS "count" FROM "_MeetingSources" WHERE "B" = 'syn-source'`);
    // Older notes may not record the size and seed; then the counts decide.
    const recorded = /--meetings (\d+) --seed (\d+)/.exec(String(source?.note));
    const sameSeed = !recorded || (Number(recorded[1]) === size.meetings && Number(recorded[2]) === size.seed);
    return meetings === size.meetings && links === size.meetings && sameSeed;
  } catch {
    return false; // no file, no tables yet
  } finally {
    await sql?.close();
  }
}

/** A hash of the generator's code and the real seed data, recorded with each fill for the results. */
export function generatorFingerprint(root: string): string {
  const hash = createHash("sha256");
  for (const folder of ["scripts/synth", "seed/data"]) {
    for (const name of readdirSync(path.join(root, folder)).sort()) {
      hash.update(`${folder}/${name}\0`).update(readFileSync(path.join(root, folder, name))).update("\0");
    }
  }
  return hash.digest("hex").slice(0, 16);
}

/** The columns the operations read (and their keys), hashed to tell whether two databases hold the same data. */
const DIGESTED: Record<string, string[]> = {
  Meeting: ["id", "title", "type", "date", "datePrecision", "dateInferred", "placeId", "summary"],
  Place: ["id", "name"],
  Delegation: ["id", "meetingId", "side", "countryId", "headId"],
  Person: ["id", "name", "countryId"],
  Tenure: ["id", "personId", "postId", "attestedOn"],
  Post: ["id", "label"],
  Country: ["id", "code", "name"],
  TradeRecord: ["id", "reporterId", "partnerId", "flow", "periodStart", "periodEnd", "periodPrecision", "value", "currency"],
  Participant: ["id", "meetingId", "personId"],
};
const DATE_COLUMNS = new Set(["date", "attestedOn", "periodStart", "periodEnd"]);

/**
 * A digest of the data the operations read, the same for the same rows on either engine (dates,
 * booleans and numbers are normalised). The generator has changed between fills before, leaving
 * SQLite and PostgreSQL with different rows; comparing digests catches that.
 */
export async function dataDigest(url: string): Promise<string> {
  const sql = openSql(url, { poolSize: 1 });
  const hash = createHash("sha256");
  try {
    for (const [table, columns] of Object.entries(DIGESTED)) {
      const rows = await sql.all(`SELECT ${columns.map((column) => `"${column}"`).join(", ")} FROM "${table}" ORDER BY "id"`, []);
      hash.update(`${table}:${rows.length}\n`);
      for (const row of rows) {
        for (const column of columns) {
          const value = row[column];
          const text = value === null ? "\u0000" : DATE_COLUMNS.has(column) ? asDate(value).toISOString() : typeof value === "boolean" ? String(Number(value)) : String(value);
          hash.update(text).update("\u0001");
        }
      }
    }
    return hash.digest("hex").slice(0, 16);
  } finally {
    await sql.close();
  }
}

interface FillRecord extends SynthSize {
  generator: string;
  digest: string;
}

const recordPath = (url: string) => path.join(FILL_RECORDS, `${url.replace(/[^A-Za-z0-9]+/g, "_")}.json`);

function readRecord(url: string): FillRecord | null {
  return existsSync(recordPath(url)) ? (JSON.parse(readFileSync(recordPath(url), "utf8")) as FillRecord) : null;
}

async function createPostgresDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: "/postgres" }).toString() });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await admin.end();
  }
}

export interface Fill {
  /** Seconds `npm run synth` took in this run; 0 when the data was reused. */
  synthSeconds: number;
  /** The generator fingerprint recorded when this database was filled, if the bench filled it. */
  generator: string | null;
  digest: string;
}

/** Runs `npm run synth` on `url` (migrating and seeding it first if need be); returns its summary line. */
export function runSynth(url: string, size: SynthSize, root: string): string {
  const synth = spawnSync("npm", ["run", "--silent", "synth", "--", "--meetings", String(size.meetings), "--seed", String(size.seed)], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    // The progress bar goes to stderr; keep only the summary lines.
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (synth.status !== 0) throw new Error(`npm run synth failed (${synth.status}):\n${synth.stdout}\n${synth.stderr.slice(-4000)}`);
  return synth.stdout.trim().split("\n").pop() ?? "";
}

/**
 * Fills the database with `npm run synth` unless it already holds a complete synthetic set of this
 * size and seed (or `refill` is set).
 */
export async function ensureSynthetic(url: string, size: SynthSize, root: string, log: (line: string) => void, refill = false): Promise<Fill> {
  if (url.startsWith("postgres")) await createPostgresDatabase(url);
  if (!refill && (await isFilled(url, size))) {
    const digest = await dataDigest(url);
    const record = readRecord(url);
    const generator = record?.digest === digest ? record.generator : null;
    log(`reusing ${size.meetings} synthetic meetings (seed ${size.seed}; data ${digest}, generator ${generator ?? "unknown"})`);
    return { synthSeconds: 0, generator, digest };
  }
  const generator = generatorFingerprint(root);
  log(`filling with npm run synth -- --meetings ${size.meetings} --seed ${size.seed} (generator ${generator}; minutes)…`);
  const started = performance.now();
  log(runSynth(url, size, root));
  if (!(await isFilled(url, size))) throw new Error("npm run synth finished but the database does not hold the expected synthetic set");
  const digest = await dataDigest(url);
  const changed = generatorFingerprint(root) !== generator;
  mkdirSync(FILL_RECORDS, { recursive: true });
  writeFileSync(recordPath(url), `${JSON.stringify({ ...size, generator: changed ? "changed-during-fill" : generator, digest } satisfies FillRecord, null, 2)}\n`);
  return { synthSeconds: Math.round(performance.now() - started) / 1000, generator: changed ? null : generator, digest };
}

/**
 * PostgreSQL plans from table statistics, and neither migrations nor synth gather them; autovacuum
 * would, but it is off on some servers (it is on the benchmark machine's). Without statistics the
 * planner guesses thousands of rows for `IN (…)` lookups and scans whole tables (Tenure by
 * personId: 50 ms instead of under 1). Analyse any table that has never been analysed, as
 * autovacuum would have after the load; returns the tables analysed.
 */
export async function analyzeIfNeeded(url: string): Promise<string[]> {
  if (!url.startsWith("postgres")) return [];
  const sql = openSql(url, { poolSize: 1 });
  try {
    const stale = await sql.all(
      `SELECT "relname" FROM "pg_stat_user_tables" WHERE "last_analyze" IS NULL AND "last_autoanalyze" IS NULL ORDER BY "relname"`,
      [],
    );
    if (stale.length > 0) await sql.all("ANALYZE", []);
    return stale.map((row) => String(row.relname));
  } finally {
    await sql.close();
  }
}

export async function datasetSizes(sql: Sql): Promise<DatasetSizes> {
  const sizes: DatasetSizes = {};
  for (const table of COUNTED_TABLES) sizes[table] = await count(sql, `SELECT COUNT(*) AS "count" FROM "${table}"`);
  return sizes;
}

/** Meetings spread over the whole data set for node(id:), and the country with the most meetings. */
export async function chooseInputs(sql: Sql, listSize: number): Promise<OperationInputs & { countryMeetings: number }> {
  const ids = (await sql.all(`SELECT "id" FROM "Meeting" ORDER BY "id"`, [])).map((row) => row.id as string);
  const step = ids.length / NODE_MEETINGS;
  const meetingIds = Array.from({ length: Math.min(NODE_MEETINGS, ids.length) }, (_, index) => globalId("Meeting", ids[Math.floor(index * step)]));
  const [busiest] = await sql.all(
    `SELECT "Country"."code", COUNT(*) AS "count" FROM "Delegation" JOIN "Country" ON "Country"."id" = "Delegation"."countryId"
     GROUP BY "Country"."code" ORDER BY COUNT(*) DESC, "Country"."code" ASC LIMIT 1`,
    [],
  );
  return { meetingIds, countryCode: String(busiest?.code), countryMeetings: Number(busiest?.count), listSize };
}
