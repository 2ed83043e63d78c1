// The generator's entry point for code: replaces the synthetic rows of a database with a freshly
// generated set around the real seed (loading the seed first if the database has none).
import type { PrismaClient } from "../../src/generated/prisma/client.js";
import { seed as loadSeed } from "../../seed/load.js";
import { readExisting } from "./existing.js";
import { generate, type GenerateOptions } from "./generate.js";
import { SYNTHETIC_PREFIX, type Table } from "./rows.js";
import { deleteSynthetic, rowCount, WRITE_ORDER, writeRows, type Progress } from "./write.js";

export type SynthPhase = "seeding" | "deleting" | "generating" | "writing";

export interface SynthesizeOptions extends GenerateOptions {
  onPhase?: (phase: SynthPhase) => void;
  /** Called as each table starts and after every batch, with running totals over all tables. */
  onProgress?: (progress: Progress & { overall: number; overallTotal: number }) => void;
}

export interface SynthSummary {
  rows: Record<Table, number>;
  total: number;
  milliseconds: { generate: number; write: number; total: number };
}

export async function synthesize(db: PrismaClient, options: SynthesizeOptions): Promise<SynthSummary> {
  const started = performance.now();
  const { onPhase = () => {}, onProgress = () => {} } = options;

  onPhase("deleting");
  await deleteSynthetic(db);
  if ((await db.source.count({ where: { NOT: { id: { startsWith: SYNTHETIC_PREFIX } } } })) === 0) {
    onPhase("seeding");
    await loadSeed(db);
  }

  onPhase("generating");
  const generateStarted = performance.now();
  const rows = generate(await readExisting(db), options);
  const generated = performance.now();

  onPhase("writing");
  const counts = Object.fromEntries(WRITE_ORDER.map((table) => [table, rows[table].length])) as Record<Table, number>;
  const total = rowCount(rows);
  const done = new Map<Table, number>();
  let overall = 0;
  await writeRows(db, rows, (progress: Progress) => {
    overall += progress.written - (done.get(progress.table) ?? 0);
    done.set(progress.table, progress.written);
    onProgress({ ...progress, overall, overallTotal: total });
  });
  const finished = performance.now();

  return {
    rows: counts,
    total,
    milliseconds: {
      generate: Math.round(generated - generateStarted),
      write: Math.round(finished - generated),
      total: Math.round(finished - started),
    },
  };
}
