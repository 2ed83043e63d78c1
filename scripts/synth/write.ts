// Batched writes, the same code for SQLite and PostgreSQL. Each table is one transaction, with the
// search index of its rows. Rows go in as multi-row inserts (bulk-insert.ts), and so does the index:
// src/search writes it through a transaction client whose createMany is that insert. Prisma's own
// createMany spent some 0.3 ms per row, which made the index (two thirds of the rows) and the larger
// tables most of the run.
// A transaction per table rather than per few thousand rows: SQLite journals every page a
// transaction changes, and random inserts into a table's indexes change most of them each time
// (200,000 trade records took 72 µs a row in transactions of 5,000, 28 µs in one).
import type { Prisma, PrismaClient } from "../../src/generated/prisma/client.js";
import { documentsOf, indexDocuments, unindexRows, type SearchDocumentInput } from "../../src/search/documents.js";
import { engineOf, insertRows, linkTable, modelTable, referencedModels, withBulkCreateMany, type Engine } from "./bulk-insert.js";
import { SYNTHETIC_PREFIX, SYNTHETIC_SOURCE_ID, type SyntheticRows, type Table } from "./rows.js";

/** Rows inserted and indexed together (some 35 search terms per meeting): a progress report every
 * second or so, and a bounded heap. */
export const BATCH_SIZE = 5000;

/** Reported when a table starts (written 0) and after each batch (written, not yet committed). */
export interface Progress {
  table: Table;
  /** Rows of this table written so far. */
  written: number;
  total: number;
}

type BatchTable = Exclude<Table, "meetingSources">;

/** Each table's model, parents before children. */
const MODELS: { [T in BatchTable]: Prisma.ModelName } = {
  countries: "Country",
  countryDemonyms: "CountryDemonym",
  places: "Place",
  organizations: "Organization",
  // A source may name an organisation as its informant (the synthetic one does not).
  sources: "Source",
  people: "Person",
  personAliases: "PersonAlias",
  posts: "Post",
  meetings: "Meeting",
  meetingRelations: "MeetingRelation",
  tenures: "Tenure",
  delegations: "Delegation",
  participants: "Participant",
  discussions: "Discussion",
  outcomes: "Outcome",
  outcomeParties: "OutcomeParty",
  quotes: "Quote",
  tradeRecords: "TradeRecord",
};

const BATCH_TABLES = Object.keys(MODELS) as BatchTable[];

/** The tables each table's foreign keys point to, from the schema. */
const PARENTS = new Map(
  BATCH_TABLES.map((table, index) => {
    const parents = BATCH_TABLES.filter((parent) => referencedModels(MODELS[table]).includes(MODELS[parent]));
    const late = parents.find((parent) => BATCH_TABLES.indexOf(parent) > index);
    if (late) throw new Error(`${table} is listed before ${late}, which it points to`);
    return [table, parents];
  }),
);

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

export const WRITE_ORDER = [...BATCH_TABLES, "meetingSources"] as const satisfies readonly Table[];

/** Prisma's default 5 s per transaction is far too tight for a table on a busy machine. */
const TRANSACTION_OPTIONS = { timeout: 600_000, maxWait: 30_000 };

/** Writes one table and its search index in one transaction, a batch at a time. */
async function writeTable<T extends BatchTable>(db: PrismaClient, engine: Engine, table: T, rows: SyntheticRows[T], onProgress: (progress: Progress) => void) {
  const shape = modelTable(MODELS[table]);
  const documentsOfRows = SEARCHABLE[table] as ((rows: SyntheticRows[T]) => SearchDocumentInput[]) | undefined;
  onProgress({ table, written: 0, total: rows.length });
  await db.$transaction(async (transaction) => {
    for (let start = 0; start < rows.length; start += BATCH_SIZE) {
      const batch = rows.slice(start, start + BATCH_SIZE) as SyntheticRows[T];
      await insertRows(transaction, engine, shape, batch);
      if (documentsOfRows) await indexDocuments(withBulkCreateMany(transaction, engine), documentsOfRows(batch));
      onProgress({ table, written: start + batch.length, total: rows.length });
    }
  }, TRANSACTION_OPTIONS);
}

/** Links the meetings to the synthetic source: rows of the implicit many-to-many's table. */
async function connectSources(db: PrismaClient, engine: Engine, meetingIds: string[], onProgress: (progress: Progress) => void) {
  const { table, link } = linkTable("Meeting", "sources");
  onProgress({ table: "meetingSources", written: 0, total: meetingIds.length });
  for (let start = 0; start < meetingIds.length; start += BATCH_SIZE) {
    const chunk = meetingIds.slice(start, start + BATCH_SIZE);
    await insertRows(db, engine, table, chunk.map((meetingId) => link(meetingId, SYNTHETIC_SOURCE_ID)));
    onProgress({ table: "meetingSources", written: start + chunk.length, total: meetingIds.length });
  }
}

/**
 * Writes every table, each once the tables it points to are committed, then the links. On
 * PostgreSQL in two lanes: the tables with search documents one after another (each checks its
 * words against the variants the one before added), the others beside them on a second connection,
 * so that the server works on one lane's statement while this process prepares the other's. SQLite
 * has one writer and a synchronous driver: one lane, in WRITE_ORDER. Each table's array is emptied
 * once written: a smaller live heap makes garbage collection cheaper for the tables after it.
 */
export async function writeRows(db: PrismaClient, rows: SyntheticRows, onProgress: (progress: Progress) => void): Promise<void> {
  const engine = engineOf(db);
  const written = new Map<BatchTable, Promise<void>>();
  const lanes = new Map<string, Promise<void>>();
  for (const table of BATCH_TABLES) {
    const lane = engine === "postgres" && !SEARCHABLE[table] ? "plain" : "searchable";
    const parents = (PARENTS.get(table) ?? []).map((parent) => written.get(parent));
    const write = Promise.all([lanes.get(lane), ...parents]).then(async () => {
      await writeTable(db, engine, table, rows[table], onProgress);
      rows[table].length = 0;
    });
    written.set(table, write);
    lanes.set(lane, write);
  }
  await Promise.all(written.values());
  await connectSources(db, engine, rows.meetingSources, onProgress);
  rows.meetingSources.length = 0;
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
