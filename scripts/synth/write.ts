// Batched writes through the Prisma client only (createMany, deleteMany, nested connect), so the
// same code loads SQLite and PostgreSQL. Each batch is its own transaction.
import type { Prisma, PrismaClient } from "../../src/generated/prisma/client.js";
import { documentsOf, indexDocuments, unindexRows, type SearchDocumentInput } from "../../src/search/documents.js";
import { SYNTHETIC_PREFIX, SYNTHETIC_SOURCE_ID, type SyntheticRows, type Table } from "./rows.js";

/** Rows per createMany. Each call costs some 40 ms on top of its rows (building its query plan),
 * and Prisma splits it into statements of at most 999 bind values on SQLite anyway; past a few
 * thousand rows bigger batches gain nothing. */
export const BATCH_SIZE = 5000;
/** Meetings linked to the synthetic source per update (the implicit many-to-many). Prisma does
 * not split a connect list into statements, so this stays under SQLite's 999 bind values. */
export const CONNECT_BATCH_SIZE = 400;

/** Reported when a table starts (written 0) and after each batch. */
export interface Progress {
  table: Table;
  /** Rows of this table written so far. */
  written: number;
  total: number;
}

type BatchTable = Exclude<Table, "meetingSources">;

type Writer<T extends BatchTable> = (tx: Prisma.TransactionClient, data: SyntheticRows[T]) => Promise<unknown>;

/** Parents before children. */
const WRITERS: { [T in BatchTable]: Writer<T> } = {
  sources: (tx, data) => tx.source.createMany({ data }),
  countries: (tx, data) => tx.country.createMany({ data }),
  countryDemonyms: (tx, data) => tx.countryDemonym.createMany({ data }),
  places: (tx, data) => tx.place.createMany({ data }),
  organizations: (tx, data) => tx.organization.createMany({ data }),
  people: (tx, data) => tx.person.createMany({ data }),
  personAliases: (tx, data) => tx.personAlias.createMany({ data }),
  posts: (tx, data) => tx.post.createMany({ data }),
  meetings: (tx, data) => tx.meeting.createMany({ data }),
  meetingRelations: (tx, data) => tx.meetingRelation.createMany({ data }),
  tenures: (tx, data) => tx.tenure.createMany({ data }),
  delegations: (tx, data) => tx.delegation.createMany({ data }),
  participants: (tx, data) => tx.participant.createMany({ data }),
  discussions: (tx, data) => tx.discussion.createMany({ data }),
  outcomes: (tx, data) => tx.outcome.createMany({ data }),
  outcomeParties: (tx, data) => tx.outcomeParty.createMany({ data }),
  quotes: (tx, data) => tx.quote.createMany({ data }),
  tradeRecords: (tx, data) => tx.tradeRecord.createMany({ data }),
};

/** The search documents of the tables that have searchable text, indexed in their rows' batch. */
const SEARCHABLE: { [T in BatchTable]?: (rows: SyntheticRows[T]) => SearchDocumentInput[] } = {
  countries: documentsOf.countries,
  countryDemonyms: documentsOf.countryDemonyms,
  organizations: documentsOf.organizations,
  people: documentsOf.people,
  personAliases: documentsOf.personAliases,
  meetings: documentsOf.meetings,
  quotes: documentsOf.quotes,
};

export const WRITE_ORDER = [...(Object.keys(WRITERS) as BatchTable[]), "meetingSources"] as const satisfies readonly Table[];

/** Writes one table, a transaction per batch. */
async function writeTable<T extends BatchTable>(db: PrismaClient, table: T, rows: SyntheticRows[T], onProgress: (progress: Progress) => void) {
  const write = WRITERS[table] as Writer<T>;
  const documentsOfRows = SEARCHABLE[table] as ((rows: SyntheticRows[T]) => SearchDocumentInput[]) | undefined;
  onProgress({ table, written: 0, total: rows.length });
  for (let start = 0; start < rows.length; start += BATCH_SIZE) {
    const batch = rows.slice(start, start + BATCH_SIZE) as SyntheticRows[T];
    // Prisma's default 5 s limit is too tight for 5000 rows on a busy machine, and a batch of
    // meetings also writes the search terms of their summaries (some 35 per meeting).
    await db.$transaction(async (tx) => {
      await write(tx, batch);
      if (documentsOfRows) await indexDocuments(tx, documentsOfRows(batch));
    }, { timeout: 600_000, maxWait: 30_000 });
    onProgress({ table, written: start + batch.length, total: rows.length });
  }
}

/** Links the meetings to the synthetic source, a chunk of meetings per update. */
async function connectSources(db: PrismaClient, meetingIds: string[], onProgress: (progress: Progress) => void) {
  onProgress({ table: "meetingSources", written: 0, total: meetingIds.length });
  for (let start = 0; start < meetingIds.length; start += CONNECT_BATCH_SIZE) {
    const chunk = meetingIds.slice(start, start + CONNECT_BATCH_SIZE);
    await db.source.update({
      where: { id: SYNTHETIC_SOURCE_ID },
      data: { meetings: { connect: chunk.map((id) => ({ id })) } },
      select: { id: true },
    });
    onProgress({ table: "meetingSources", written: start + chunk.length, total: meetingIds.length });
  }
}

/**
 * Writes every table in dependency order, emptying each table's array once written: a smaller live
 * heap makes the garbage collection behind Prisma's per-row work cheaper for the tables after it.
 */
export async function writeRows(db: PrismaClient, rows: SyntheticRows, onProgress: (progress: Progress) => void): Promise<void> {
  for (const table of WRITE_ORDER) {
    if (table === "meetingSources") await connectSources(db, rows.meetingSources, onProgress);
    else await writeTable(db, table, rows[table], onProgress);
    rows[table].length = 0;
  }
}

/** Deletes every synthetic row, children first, in one transaction; the real seed is untouched. */
export async function deleteSynthetic(db: PrismaClient): Promise<void> {
  const where = { id: { startsWith: SYNTHETIC_PREFIX } };
  await db.$transaction(
    async (tx) => {
      await unindexRows(tx, SYNTHETIC_PREFIX);
      await tx.outcomeParty.deleteMany({ where });
      await tx.meetingRelation.deleteMany({ where });
      await tx.quote.deleteMany({ where });
      await tx.discussion.deleteMany({ where });
      await tx.outcome.deleteMany({ where });
      await tx.participant.deleteMany({ where });
      await tx.delegation.deleteMany({ where });
      await tx.tenure.deleteMany({ where });
      await tx.tradeRecord.deleteMany({ where });
      // Links to the synthetic source go with the meetings (implicit many-to-many rows cascade).
      await tx.meeting.deleteMany({ where });
      await tx.post.deleteMany({ where });
      await tx.personAlias.deleteMany({ where });
      await tx.person.deleteMany({ where });
      await tx.organization.updateMany({ where, data: { parentId: null } });
      await tx.organization.deleteMany({ where });
      await tx.place.deleteMany({ where });
      await tx.countryDemonym.deleteMany({ where });
      await tx.country.deleteMany({ where });
      await tx.source.deleteMany({ where });
    },
    { timeout: 300_000, maxWait: 10_000 },
  );
}

export function rowCount(rows: SyntheticRows): number {
  return WRITE_ORDER.reduce((sum, table) => sum + rows[table].length, 0);
}
