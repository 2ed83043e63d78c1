// `Query.search`: one forgiving search over people, organisations, countries, topics, meetings and
// quotes, ranked, as a Relay connection whose edges say where and how each hit matched.
import { queryFromInfo } from "@pothos/plugin-prisma";
import { GraphQLError, type GraphQLResolveInfo } from "graphql";
import { builder } from "./builder.js";
import type { Context } from "./context.js";
import { db } from "../db/client.js";
import { highlight } from "../lib/search-text.js";
import type { SearchEntityType } from "../search/documents.js";
import { compareHits, MAX_QUERY_LENGTH, MAX_QUERY_WORDS, queryWords, searchIndex, type MatchKind, type SearchHit } from "../search/query.js";
import { describedEnum } from "./enum-type.js";

const SearchableType = describedEnum("SearchableType", "The kinds of entity `search` can return.", {
  COUNTRY: "Countries: name, official name, ISO code and demonyms.",
  MEETING: "Meetings: title and summary.",
  ORGANIZATION: "Organisations: name and acronym.",
  PERSON: "People: name and aliases.",
  QUOTE: "Quotes: the quoted words.",
  TOPIC: "Topics: name and description.",
});

const SearchField = describedEnum("SearchField", "The field of an entity a search matched.", {
  ACRONYM: "An organisation's acronym.",
  ALIAS: "Another way a person's name is written (the hit is the person).",
  CODE: "A country's ISO 3166-1 alpha-2 code.",
  DEMONYM: 'A demonym or adjective of a country, e.g. "Kazakh" (the hit is the country).',
  DESCRIPTION: "A topic's description.",
  NAME: "The name of a person, organisation, country or topic.",
  OFFICIAL_NAME: "A country's official name.",
  SUMMARY: "A meeting's summary.",
  TEXT: "The words of a quote.",
  TITLE: "A meeting's title.",
});

const SearchMatchKind = describedEnum("SearchMatchKind", "How the query's words matched, from best to worst.", {
  EXACT: "Every word matched a whole word.",
  PREFIX: "At least one word matched only the start of a longer word (as while typing), none with a typo.",
  TYPO: "At least one word matched a word one edit away (a letter added, dropped, replaced, or two swapped).",
});

const TYPENAMES: Record<SearchEntityType, string> = {
  COUNTRY: "Country",
  MEETING: "Meeting",
  ORGANIZATION: "Organization",
  PERSON: "Person",
  QUOTE: "Quote",
  TOPIC: "Topic",
};

type Row = { id: string };
type Query = Record<string, unknown>;
const LOADERS: Record<SearchEntityType, (ids: string[], query: Query) => Promise<Row[]>> = {
  COUNTRY: (ids, query) => db.country.findMany({ ...query, where: { id: { in: ids } } }),
  MEETING: (ids, query) => db.meeting.findMany({ ...query, where: { id: { in: ids } } }),
  ORGANIZATION: (ids, query) => db.organization.findMany({ ...query, where: { id: { in: ids } } }),
  PERSON: (ids, query) => db.person.findMany({ ...query, where: { id: { in: ids } } }),
  QUOTE: (ids, query) => db.quote.findMany({ ...query, where: { id: { in: ids } } }),
  TOPIC: (ids, query) => db.topic.findMany({ ...query, where: { id: { in: ids } } }),
};

/** Which GraphQL type each loaded row is, for the union's resolveType. */
const typenames = new WeakMap<object, string>();

const SearchResult = builder.unionType("SearchResult", {
  description: "Anything `search` finds: a person, organisation, country, topic, meeting or quote.",
  types: Object.values(TYPENAMES) as never[],
  resolveType: (value) => typenames.get(value as object) ?? null,
});

interface SearchEdgeShape {
  cursor: string;
  node: Row;
  field: string;
  matchKind: MatchKind;
  score: number;
  snippet: string;
}

interface SearchConnectionShape {
  edges: SearchEdgeShape[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

const SearchEdge = builder.objectRef<SearchEdgeShape>("SearchEdge").implement({
  description: "One search hit: the entity, where and how it matched, and its score.",
  fields: (t) => ({
    cursor: t.exposeString("cursor", { description: "Opaque cursor of this hit: pass it as `after` to get the hits ranked below it." }),
    node: t.field({ type: SearchResult, description: "The entity found.", resolve: (edge) => edge.node as never }),
    field: t.field({
      type: SearchField,
      description: "The field that matched best (for a person found by an alias, ALIAS; the hit is still the person).",
      resolve: (edge) => edge.field as never,
    }),
    matchKind: t.field({ type: SearchMatchKind, description: "How the query matched: the weakest of its words' best matches.", resolve: (edge) => edge.matchKind }),
    score: t.exposeFloat("score", {
      description:
        "Relevance; higher ranks first. Each query word scores its best match (exact 1, prefix 0.7, typo 0.4), times 1 in a name, title, alias, demonym, official name, acronym or code and 0.5 in a description, summary or quote; the score is their mean plus 0.1 × the share of the matched field's words that matched. Ties rank by type, then by the entity's stable key.",
    }),
    snippet: t.exposeString("snippet", {
      description:
        "The matched field's text as HTML-safe plain text (&, <, > and \" escaped), each matching word wrapped in <mark>…</mark>; a long text is cut to the words around the first match, with … where it was cut.",
    }),
  }),
});

const SearchConnection = builder.objectRef<SearchConnectionShape>("SearchConnection").implement({
  description: "A page of search hits, best first.",
  fields: (t) => ({
    edges: t.field({ type: [SearchEdge], description: "The hits on this page, best first.", resolve: (connection) => connection.edges }),
    pageInfo: t.field({ type: builder.pageInfoRef(), description: "Cursors and flags for fetching the neighbouring pages.", resolve: (connection) => connection.pageInfo }),
    totalCount: t.exposeInt("totalCount", { description: "Number of hits in the whole ranking, not just this page." }),
  }),
});

const badInput = (message: string) => new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT" } });

const encodeCursor = (hit: Pick<SearchHit, "score" | "entityType" | "entityId">) =>
  Buffer.from(JSON.stringify([hit.score, hit.entityType, hit.entityId]), "utf8").toString("base64url");

function decodeCursor(cursor: string): Pick<SearchHit, "score" | "entityType" | "entityId"> {
  try {
    const [score, entityType, entityId] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    // Object.hasOwn, not `in`: the type comes from the client, and "constructor" is `in` every object.
    if (Number.isFinite(score) && typeof entityType === "string" && Object.hasOwn(TYPENAMES, entityType) && typeof entityId === "string") {
      return { score: score as number, entityType: entityType as SearchEntityType, entityId };
    }
  } catch {
    // reported below
  }
  throw badInput(`"${cursor}" is not a cursor of a search.`);
}

const DEFAULT_PAGE_SIZE = 20;

async function search(
  args: { query: string; types?: SearchEntityType[] | null; first?: number | null; after?: string | null },
  context: Context,
  info: GraphQLResolveInfo,
): Promise<SearchConnectionShape> {
  if (args.query.length > MAX_QUERY_LENGTH) throw badInput(`\`query\` is at most ${MAX_QUERY_LENGTH} characters; got ${args.query.length}.`);
  const words = queryWords(args.query);
  if (words.length === 0) throw badInput("`query` needs at least one letter or digit.");
  if (words.length > MAX_QUERY_WORDS) throw badInput(`\`query\` has at most ${MAX_QUERY_WORDS} distinct words; got ${words.length}.`);
  const after = args.after ? decodeCursor(args.after) : null;

  const ranked = await searchIndex(db, words, args.types);
  const start = after ? ranked.findIndex((hit) => compareHits(hit, after) > 0) : 0;
  const from = start === -1 ? ranked.length : start;
  const page = ranked.slice(from, from + (args.first ?? DEFAULT_PAGE_SIZE));

  const [texts, rows] = await Promise.all([
    page.length === 0
      ? []
      : db.searchDocument.findMany({ where: { id: { in: page.map((hit) => hit.documentId) } }, select: { id: true, text: true } }),
    loadNodes(page, context, info),
  ]);
  const textOf = new Map(texts.map((doc) => [doc.id, doc.text]));
  const edges = page.flatMap((hit) => {
    const node = rows.get(`${hit.entityType}:${hit.entityId}`);
    // A hit whose row is gone (written outside the indexing writers) is left out rather than failing the page.
    if (!node) return [];
    const cursor = encodeCursor(hit);
    return [{ cursor, node, field: hit.field, matchKind: hit.matchKind, score: hit.score, snippet: highlight(textOf.get(hit.documentId) ?? "", new Set(hit.positions)) }];
  });
  return {
    edges,
    totalCount: ranked.length,
    pageInfo: {
      hasNextPage: from + page.length < ranked.length,
      hasPreviousPage: from > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** The page's entities, one statement per type present, each with the nested selection the query asks of that type. */
async function loadNodes(page: SearchHit[], context: Context, info: GraphQLResolveInfo): Promise<Map<string, Row>> {
  const idsByType = new Map<SearchEntityType, string[]>();
  for (const hit of page) idsByType.set(hit.entityType, [...(idsByType.get(hit.entityType) ?? []), hit.entityId]);
  const loaded = await Promise.all(
    [...idsByType].map(async ([type, ids]) => {
      const query = queryFromInfo({ context, info, typeName: TYPENAMES[type], path: ["edges", "node"], select: { id: true } });
      const rows = await LOADERS[type](ids, query as Query);
      return rows.map((row) => {
        typenames.set(row, TYPENAMES[type]);
        return [`${type}:${row.id}`, row] as const;
      });
    }),
  );
  return new Map(loaded.flat());
}

builder.queryField("search", (t) =>
  t.field({
    type: SearchConnection,
    description:
      "Finds people (by name or alias), organisations, countries (by name, official name, code or demonym: \"kazakh\" finds Kazakhstan), topics, meetings and quotes. Forgiving: case, diacritics and common transliterations are ignored (\"skusevicius\" finds Skusevičius); a word of three letters or more also matches the start of a longer word (\"abdrakh\" finds Abdrakhmanov); a word of five letters or more also matches words one typo away (\"Lithuana\" finds Lithuania). Every word of the query must match (AND), in any of the entity's fields. Ranked by `score`: exact above prefix above typo, names above descriptions and quotes; ties by type, then the entity's stable key. A query that matches nothing gives an empty connection; an empty query, one longer than 200 characters or with more than 10 distinct words is BAD_USER_INPUT.",
    args: {
      query: t.arg.string({ required: true, description: "The words to find, 1 to 200 characters with at least one letter or digit." }),
      types: t.arg({ type: [SearchableType], description: "Only these kinds of entity; all when omitted." }),
      first: t.arg.int({ description: "Return the first n hits after `after` (0 to 100; 20 when omitted)." }),
      after: t.arg.string({ description: "Return hits ranked below this cursor (an `endCursor` or edge `cursor` of the same search)." }),
    },
    resolve: (_root, args, context, info) => search(args, context, info),
  }),
);
