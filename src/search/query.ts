// Matching and ranking a search over the index (src/search/documents.ts). Two statements whatever
// the data's size: the variant dictionary (only when a query word is long enough for a typo), then
// the terms of every candidate word. Matching, the AND across words, scoring and ordering run here.
import type { PrismaClient } from "../generated/prisma/client.js";
import {
  deletions,
  PREFIX_MIN_LENGTH,
  prefixUpperBound,
  tokenize,
  TYPO_MIN_LENGTH,
  withinOneEdit,
} from "../lib/search-text.js";
import type { SearchEntityType, SearchField } from "./documents.js";

export type MatchKind = "EXACT" | "PREFIX" | "TYPO";

/** How much a word's match counts, by kind: exact above prefix above typo. */
export const KIND_WEIGHT: Record<MatchKind, number> = { EXACT: 1, PREFIX: 0.7, TYPO: 0.4 };

/** How much a match counts, by field: names and titles count fully, descriptive text half. */
export const FIELD_WEIGHT: Record<SearchField, number> = {
  NAME: 1,
  TITLE: 1,
  ALIAS: 1,
  OFFICIAL_NAME: 1,
  ACRONYM: 1,
  DEMONYM: 1,
  CODE: 1,
  DESCRIPTION: 0.5,
  SUMMARY: 0.5,
  TEXT: 0.5,
};

/** Which field a hit reports when two of its fields match equally well. */
const FIELD_PRIORITY: SearchField[] = ["NAME", "TITLE", "ALIAS", "OFFICIAL_NAME", "ACRONYM", "DEMONYM", "CODE", "DESCRIPTION", "SUMMARY", "TEXT"];

/** Weight of the share of the best field's words the query covers ("Lithuania" the country before
 * "Embassy of Lithuania in Kazakhstan"); small enough never to lift a weaker kind of match. */
export const COVERAGE_WEIGHT = 0.1;

export const MAX_QUERY_LENGTH = 200;
export const MAX_QUERY_WORDS = 10;

export interface SearchHit {
  entityType: SearchEntityType;
  entityId: string;
  score: number;
  /** The field whose text matched best, with the positions of its matching words. */
  field: SearchField;
  documentId: string;
  positions: number[];
  /** The weakest of the query words' best matches. */
  matchKind: MatchKind;
}

/** The query's distinct folded words, in order. */
export function queryWords(text: string): string[] {
  return [...new Set(tokenize(text).map((token) => token.word))];
}

function matchKind(queryWord: string, word: string): MatchKind | null {
  if (word === queryWord) return "EXACT";
  if (queryWord.length >= PREFIX_MIN_LENGTH && word.startsWith(queryWord)) return "PREFIX";
  if ([...queryWord].length >= TYPO_MIN_LENGTH && withinOneEdit(queryWord, word)) return "TYPO";
  return null;
}

interface Match {
  kind: MatchKind;
  score: number;
}

interface DocumentMatches {
  field: SearchField;
  wordCount: number;
  /** Per query word, its best match in this document. */
  best: (Match | undefined)[];
  positions: Set<number>;
}

const better = (a: Match | undefined, b: Match) => !a || b.score > a.score;

/**
 * Every entity whose indexed texts match each query word (exactly, as a prefix, or within one
 * edit), best first: score descending, then type, then id, a total order.
 */
export async function searchIndex(
  db: PrismaClient,
  words: string[],
  types?: SearchEntityType[] | null,
  /** Filled with the number of index rows the lookup read (for benchmarks). */
  stats?: { postings: number; variants: number },
): Promise<SearchHit[]> {
  if (words.length === 0 || types?.length === 0) return [];
  const typoWords = words.filter((word) => [...word].length >= TYPO_MIN_LENGTH);
  const lookup = new Set(words);
  if (typoWords.length > 0) {
    const keys = new Set(typoWords.flatMap((word) => [word, ...deletions(word)]));
    for (const key of keys) lookup.add(key); // a query word missing a letter of an indexed word… is that word's deletion
    const variants = await db.searchVariant.findMany({ where: { key: { in: [...keys] } }, select: { word: true } });
    for (const { word } of variants) lookup.add(word);
    if (stats) stats.variants = variants.length;
  }
  const prefixes = words.filter((word) => word.length >= PREFIX_MIN_LENGTH);
  // A prefix is a range of the word index (`startsWith` would be LIKE, which neither engine's plain
  // index serves under its default collation; see docs/search.md).
  const rows = await db.searchTerm.findMany({
    where: {
      ...(types ? { entityType: { in: types } } : {}),
      OR: [{ word: { in: [...lookup] } }, ...prefixes.map((prefix) => ({ word: { gte: prefix, lt: prefixUpperBound(prefix) } }))],
    },
    select: { word: true, entityType: true, entityId: true, field: true, documentId: true, position: true, wordCount: true },
  });

  if (stats) stats.postings = rows.length;
  const entities = new Map<string, { type: SearchEntityType; id: string; documents: Map<string, DocumentMatches> }>();
  for (const row of rows) {
    let doc: DocumentMatches | undefined;
    words.forEach((queryWord, index) => {
      const kind = matchKind(queryWord, row.word);
      if (!kind) return;
      const key = `${row.entityType}:${row.entityId}`;
      let entity = entities.get(key);
      if (!entity) entities.set(key, (entity = { type: row.entityType, id: row.entityId, documents: new Map() }));
      doc ??= entity.documents.get(row.documentId);
      if (!doc) {
        doc = { field: row.field, wordCount: row.wordCount, best: [], positions: new Set() };
        entity.documents.set(row.documentId, doc);
      }
      const match = { kind, score: KIND_WEIGHT[kind] * FIELD_WEIGHT[row.field] };
      if (better(doc.best[index], match)) doc.best[index] = match;
      doc.positions.add(row.position);
    });
  }

  const hits: SearchHit[] = [];
  for (const entity of entities.values()) {
    const best: (Match | undefined)[] = [];
    for (const doc of entity.documents.values()) {
      doc.best.forEach((match, index) => {
        if (match && better(best[index], match)) best[index] = match;
      });
    }
    // Every word must match, in any of the entity's fields.
    if (words.some((_word, index) => !best[index])) continue;
    const matches = best as Match[];
    let chosen: [string, DocumentMatches, number] | undefined;
    for (const [documentId, doc] of entity.documents) {
      const docScore = doc.best.reduce((sum, match) => sum + (match?.score ?? 0), 0) / words.length + COVERAGE_WEIGHT * coverage(doc);
      if (
        !chosen
        || docScore > chosen[2]
        || (docScore === chosen[2]
          && (FIELD_PRIORITY.indexOf(doc.field) - FIELD_PRIORITY.indexOf(chosen[1].field) || (documentId < chosen[0] ? -1 : 1)) < 0)
      ) {
        chosen = [documentId, doc, docScore];
      }
    }
    const [documentId, doc] = chosen as [string, DocumentMatches, number];
    const score = matches.reduce((sum, match) => sum + match.score, 0) / words.length + COVERAGE_WEIGHT * coverage(doc);
    const weakest = matches.reduce((weak, match) => (KIND_WEIGHT[match.kind] < KIND_WEIGHT[weak] ? match.kind : weak), "EXACT" as MatchKind);
    hits.push({
      entityType: entity.type,
      entityId: entity.id,
      // Rounded so that the score survives a round trip through a cursor unchanged.
      score: Math.round(score * 1e6) / 1e6,
      field: doc.field,
      documentId,
      positions: [...doc.positions].sort((a, b) => a - b),
      matchKind: weakest,
    });
  }
  return hits.sort(compareHits);
}

function coverage(doc: DocumentMatches): number {
  return Math.min(1, doc.positions.size / Math.max(1, doc.wordCount));
}

/** Score descending, then entity type, then id: a total order, so pages never overlap or skip. */
export function compareHits(a: Pick<SearchHit, "score" | "entityType" | "entityId">, b: Pick<SearchHit, "score" | "entityType" | "entityId">): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.entityType !== b.entityType) return a.entityType < b.entityType ? -1 : 1;
  if (a.entityId !== b.entityId) return a.entityId < b.entityId ? -1 : 1;
  return 0;
}
