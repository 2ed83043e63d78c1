// Writing the search index: the searchable texts of rows (documents), their folded words (terms)
// and the deletion variants of new words. Writers call these inside the transaction of their own
// writes, so the index never disagrees with the data a committed transaction left.
import type { Prisma } from "../generated/prisma/client.js";
import { deletions, tokenize, TYPO_MIN_LENGTH } from "../lib/search-text.js";

export type SearchEntityType = "COUNTRY" | "MEETING" | "ORGANIZATION" | "PERSON" | "QUOTE" | "TOPIC";
export type SearchField =
  | "ACRONYM"
  | "ALIAS"
  | "CODE"
  | "DEMONYM"
  | "DESCRIPTION"
  | "NAME"
  | "OFFICIAL_NAME"
  | "SUMMARY"
  | "TEXT"
  | "TITLE";

export interface SearchDocumentInput {
  id: string;
  entityType: SearchEntityType;
  entityId: string;
  field: SearchField;
  text: string;
}

type Tx = Prisma.TransactionClient;

function document(entityType: SearchEntityType, entityId: string, field: SearchField, text: string | null | undefined, rowId = entityId) {
  return text ? [{ id: `${rowId}:${entityType}:${field}`, entityType, entityId, field, text }] : [];
}

/** The searchable texts of rows as the writers hold them (createMany inputs or rows read back). */
export const documentsOf = {
  people: (rows: { id: string; name: string }[]) => rows.flatMap((row) => document("PERSON", row.id, "NAME", row.name)),
  personAliases: (rows: { id: string; personId: string; name: string }[]) =>
    rows.flatMap((row) => document("PERSON", row.personId, "ALIAS", row.name, row.id)),
  countries: (rows: { id: string; code: string; name: string; officialName?: string | null }[]) =>
    rows.flatMap((row) => [
      ...document("COUNTRY", row.id, "NAME", row.name),
      ...document("COUNTRY", row.id, "OFFICIAL_NAME", row.officialName),
      ...document("COUNTRY", row.id, "CODE", row.code),
    ]),
  countryDemonyms: (rows: { id: string; countryId: string; label: string }[]) =>
    rows.flatMap((row) => document("COUNTRY", row.countryId, "DEMONYM", row.label, row.id)),
  organizations: (rows: { id: string; name: string; acronym?: string | null }[]) =>
    rows.flatMap((row) => [...document("ORGANIZATION", row.id, "NAME", row.name), ...document("ORGANIZATION", row.id, "ACRONYM", row.acronym)]),
  topics: (rows: { id: string; name: string; description: string }[]) =>
    rows.flatMap((row) => [...document("TOPIC", row.id, "NAME", row.name), ...document("TOPIC", row.id, "DESCRIPTION", row.description)]),
  meetings: (rows: { id: string; title: string; summary: string }[]) =>
    rows.flatMap((row) => [...document("MEETING", row.id, "TITLE", row.title), ...document("MEETING", row.id, "SUMMARY", row.summary)]),
  quotes: (rows: { id: string; text: string }[]) => rows.flatMap((row) => document("QUOTE", row.id, "TEXT", row.text)),
};

/** Rows per createMany of terms or variants: a few thousand rows per statement batch keeps memory flat. */
const CHUNK = 5000;

const LOOKUP_CHUNK = 900;

async function createInChunks<T>(rows: T[], create: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) await create(rows.slice(start, start + CHUNK));
}

/**
 * Indexes documents: writes them, their terms, and the deletion variants of words not yet in the
 * variant dictionary. Costs a fixed handful of statements per few thousand rows.
 */
export async function indexDocuments(tx: Tx, documents: SearchDocumentInput[]): Promise<{ documents: number; terms: number; variants: number }> {
  if (documents.length === 0) return { documents: 0, terms: 0, variants: 0 };
  const terms: Prisma.SearchTermCreateManyInput[] = [];
  const longWords = new Set<string>();
  for (const doc of documents) {
    const tokens = tokenize(doc.text);
    tokens.forEach((token, position) => {
      terms.push({
        documentId: doc.id,
        position,
        word: token.word,
        entityType: doc.entityType,
        entityId: doc.entityId,
        field: doc.field,
        wordCount: tokens.length,
      });
      if ([...token.word].length >= TYPO_MIN_LENGTH) longWords.add(token.word);
    });
  }
  await createInChunks(documents, (data) => tx.searchDocument.createMany({ data }));
  await createInChunks(terms, (data) => tx.searchTerm.createMany({ data }));

  // The variant dictionary is per distinct word, shared by every document that has the word.
  const candidates = [...longWords];
  const known = new Set<string>();
  // Under SQLite's 999 bind values per statement.
  for (let start = 0; start < candidates.length; start += LOOKUP_CHUNK) {
    const chunk = candidates.slice(start, start + LOOKUP_CHUNK);
    const rows = await tx.searchVariant.findMany({ where: { word: { in: chunk } }, select: { word: true }, distinct: ["word"] });
    for (const row of rows) known.add(row.word);
  }
  const variants = candidates.filter((word) => !known.has(word)).flatMap((word) => deletions(word).map((key) => ({ word, key })));
  await createInChunks(variants, (data) => tx.searchVariant.createMany({ data }));
  return { documents: documents.length, terms: terms.length, variants: variants.length };
}

/** Empties the index (the seed loader replaces every row, then rebuilds it). */
export async function clearSearchIndex(tx: Tx): Promise<void> {
  await tx.searchTerm.deleteMany();
  await tx.searchDocument.deleteMany();
  await tx.searchVariant.deleteMany();
}

/**
 * Removes the documents (and terms) of rows whose ids start with `prefix` (a document's id starts
 * with its row's). Variants stay: they describe words, not rows, and a variant whose word no longer
 * occurs finds nothing.
 */
export async function unindexRows(tx: Tx, prefix: string): Promise<void> {
  await tx.searchTerm.deleteMany({ where: { documentId: { startsWith: prefix } } });
  await tx.searchDocument.deleteMany({ where: { id: { startsWith: prefix } } });
}

/** Reads every searchable row and indexes it: the whole index, from the data. */
export async function rebuildSearchIndex(tx: Tx): Promise<{ documents: number; terms: number; variants: number }> {
  await clearSearchIndex(tx);
  const documents = [
    ...documentsOf.people(await tx.person.findMany({ select: { id: true, name: true } })),
    ...documentsOf.personAliases(await tx.personAlias.findMany({ select: { id: true, personId: true, name: true } })),
    ...documentsOf.countries(await tx.country.findMany({ select: { id: true, code: true, name: true, officialName: true } })),
    ...documentsOf.countryDemonyms(await tx.countryDemonym.findMany({ select: { id: true, countryId: true, label: true } })),
    ...documentsOf.organizations(await tx.organization.findMany({ select: { id: true, name: true, acronym: true } })),
    ...documentsOf.topics(await tx.topic.findMany({ select: { id: true, name: true, description: true } })),
    ...documentsOf.meetings(await tx.meeting.findMany({ select: { id: true, title: true, summary: true } })),
    ...documentsOf.quotes(await tx.quote.findMany({ select: { id: true, text: true } })),
  ];
  return indexDocuments(tx, documents);
}
