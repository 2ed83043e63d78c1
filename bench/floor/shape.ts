// Turning rows into the GraphQL response's shape by hand: Relay ids and cursors, dates and their
// labels, and the in-memory stitching the server's plan does after each `IN (…)` statement.
import { partialDateLabel, periodLabel } from "../../src/lib/date-labels.js";
import { listFingerprint, wrapCursor } from "../../src/schema/cursors.js";
import type { DatePrecision } from "../../src/generated/prisma/enums.js";
import type { Row } from "./sql.js";

/** Relay global ID, as src/lib/global-id.ts encodes it. */
export const globalId = (typename: string, id: unknown) => Buffer.from(`${typename}:${String(id)}`, "utf8").toString("base64url");

/**
 * The cursor the server hands out for a row of a root list called without `filter`/`orderBy`:
 * Pothos' plain cursor for `cursor: "id"`, signed and fingerprinted as src/schema/cursors.ts does
 * (the floor runs with the server's CURSOR_SECRET, so the two sign alike).
 */
export const rootCursorOf = (coordinate: string, id: unknown) =>
  wrapCursor(listFingerprint(coordinate, {}), "", Buffer.from(`GPC:S:${String(id)}`).toString("base64"));

// SQLite hands back ISO text and 0/1; PostgreSQL (with sql.ts' parsers) Dates and booleans.
export const asDate = (value: unknown) => (value instanceof Date ? value : new Date(value as string));
export const asBoolean = (value: unknown) => value === true || value === 1;

export const dateLabel = (row: Row) => partialDateLabel(asDate(row.date), row.datePrecision as DatePrecision);
export const tradePeriodLabel = (row: Row) =>
  periodLabel(asDate(row.periodStart), asDate(row.periodEnd), row.periodPrecision as DatePrecision);

/** Foreign keys of the parent rows for a to-one relation: one per row, duplicates kept, as Prisma sends them. */
export const foreignKeys = (rows: Row[], column: string) =>
  rows.map((row) => row[column]).filter((value) => value !== null && value !== undefined);

/** Parent ids for a to-many relation: each once. */
export const uniqueIds = (rows: Row[]) => [...new Set(rows.map((row) => row.id))];

export const byId = (rows: Row[]) => new Map(rows.map((row) => [row.id, row]));

/** Children grouped by their parent key, keeping the statement's order within each group. */
export function groupBy(rows: Row[], column: string): Map<unknown, Row[]> {
  const groups = new Map<unknown, Row[]>();
  for (const row of rows) {
    const group = groups.get(row[column]);
    if (group) group.push(row);
    else groups.set(row[column], [row]);
  }
  return groups;
}

/** A connection's edges: the first `first` rows, each turned into its node. */
export const edges = <T>(rows: Row[] | undefined, first: number, node: (row: Row) => T) =>
  (rows ?? []).slice(0, first).map((row) => ({ node: node(row) }));
