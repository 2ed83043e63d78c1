// Query.search: forgiving matching, ranking, paging, input errors, statement counts, and the index
// kept in step by the seed loader and the synthetic generator.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deletions, foldWord, highlight, tokenize, withinOneEdit } from "../src/lib/search-text.js";
import { seed } from "../seed/load.js";
import { synthesize } from "../scripts/synth/synthesize.js";
import { graphql, query } from "./helpers/client.js";
import { logStatements } from "./helpers/sql-log.js";
import { createTempDb } from "./helpers/temp-db.js";
import { onThisEngine } from "./helpers/statement-counts.js";

interface Hit {
  cursor: string;
  field: string;
  matchKind: string;
  score: number;
  snippet: string;
  node: { __typename: string; slug?: string; code?: string; name?: string; title?: string; text?: string };
}
interface Search {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  edges: Hit[];
}

const SEARCH = `query ($query: String!, $types: [SearchableType!], $first: Int, $after: String) {
  search(query: $query, types: $types, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage endCursor }
    edges {
      cursor field matchKind score snippet
      node {
        __typename
        ... on Person { slug name }
        ... on Organization { slug name }
        ... on Country { code name }
        ... on Topic { slug name }
        ... on Meeting { slug title }
        ... on Quote { text }
      }
    }
  }
}`;

async function search(text: string, variables: { types?: string[]; first?: number; after?: string } = {}): Promise<Search> {
  return (await query<{ search: Search }>(SEARCH, { query: text, first: 100, ...variables })).search;
}

const label = (hit: Hit) => `${hit.node.__typename}:${hit.node.slug ?? hit.node.code ?? hit.node.text?.slice(0, 20)}`;

describe("search text helpers", () => {
  it("folds case, diacritics, letters NFKD keeps and Cyrillic", () => {
    expect(foldWord("Skusevičius")).toBe("skusevicius");
    expect(foldWord("Łódź")).toBe("lodz");
    expect(foldWord("Straße")).toBe("strasse");
    expect(foldWord("Абдрахманов")).toBe("abdrakhmanov");
    expect(tokenize("Côte d'Ivoire, R. Vasilenko").map((token) => token.word)).toEqual(["cote", "d", "ivoire", "r", "vasilenko"]);
  });

  it("allows exactly one insertion, deletion, substitution or adjacent swap", () => {
    expect(withinOneEdit("lithuana", "lithuania")).toBe(true);
    expect(withinOneEdit("lithuania", "lithuana")).toBe(true);
    expect(withinOneEdit("lithuenia", "lithuania")).toBe(true);
    expect(withinOneEdit("lihtuania", "lithuania")).toBe(true);
    expect(withinOneEdit("lithuania", "lithuania")).toBe(true);
    expect(withinOneEdit("litunia", "lithuania")).toBe(false);
    expect(withinOneEdit("xbcde", "bcdey")).toBe(false); // shares a deletion ("bcde") but is two edits away
    expect(withinOneEdit("abcd", "badc")).toBe(false);
  });

  it("lists each one-letter deletion once", () => {
    expect(deletions("kazakh").sort()).toEqual(["azakh", "kaakh", "kazak", "kazah", "kazkh", "kzakh"].sort());
    expect(deletions("vassilenko")).toHaveLength(9);
  });

  it("marks matches in escaped text and cuts long texts around the first one", () => {
    expect(highlight('A & B <c> "Lithuania"', new Set([3]))).toBe("A &amp; B &lt;c&gt; &quot;<mark>Lithuania</mark>&quot;");
    const long = `${"word ".repeat(40)}Lithuania ${"more ".repeat(40)}`.trim();
    const snippet = highlight(long, new Set([40]), 20);
    expect(snippet).toMatch(/^…(word ){3,4}<mark>Lithuania<\/mark>( more){3,4}…$/);
  });
});

describe("Query.search", () => {
  it.each([
    ["vasilenko", "Person:roman-vassilenko", "ALIAS", "EXACT", "R. <mark>Vasilenko</mark>"],
    ["skusevicius", "Person:darius-skusevicius", "NAME", "EXACT", "Darius <mark>Skusevičius</mark>"],
    ["SKUSEVIČIUS", "Person:darius-skusevicius", "NAME", "EXACT", "Darius <mark>Skusevičius</mark>"],
    ["kazakh", "Country:KZ", "DEMONYM", "EXACT", "<mark>Kazakh</mark>"],
    ["abdrakh", "Person:kairat-abdrakhmanov", "NAME", "PREFIX", "Kairat <mark>Abdrakhmanov</mark>"],
    ["Lithuana", "Country:LT", "NAME", "TYPO", "<mark>Lithuania</mark>"],
    ["Абдрахманов", "Person:kairat-abdrakhmanov", "NAME", "EXACT", "Kairat <mark>Abdrakhmanov</mark>"],
  ])("%s finds %s first (%s, %s)", async (text, first, field, matchKind, snippet) => {
    const { edges } = await search(text);
    expect(label(edges[0]!)).toBe(first);
    expect(edges[0]).toMatchObject({ field, matchKind, snippet });
  });

  it("returns a person found by an alias once, as the person", async () => {
    const { edges, totalCount } = await search("D. Skusevičius", { types: ["PERSON"] });
    expect(totalCount).toBe(1);
    expect(edges.map(label)).toEqual(["Person:darius-skusevicius"]);
  });

  it("requires every word to match, in any field of the entity", async () => {
    const { edges } = await search("kairat lithuanian");
    expect(edges.map(label)).toEqual(["Meeting:kazakhstan-minister-receives-lithuanian-delegation"]);
    const roman = await search("roman vasilenko");
    expect(roman.edges.map(label)).toEqual(["Person:roman-vassilenko"]);
  });

  it("returns an empty connection for a miss", async () => {
    expect(await search("zzyzx")).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, hasPreviousPage: false, endCursor: null }, edges: [] });
  });

  it("ranks exact above prefix above typo, and names above descriptions and quotes", async () => {
    const { edges } = await search("kazakh");
    const scores = edges.map((edge) => edge.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const kinds = edges.filter((edge) => ["NAME", "TITLE", "DEMONYM"].includes(edge.field)).map((edge) => edge.matchKind);
    expect(kinds).toEqual([...kinds].sort()); // EXACT < PREFIX < TYPO alphabetically, as they rank
    expect(kinds).toContain("EXACT");
    expect(kinds).toContain("PREFIX");
    // An exact name beats the same word in a quote.
    const firstText = edges.findIndex((edge) => edge.field === "TEXT");
    const exactNames = edges.flatMap((edge, index) => (edge.matchKind === "EXACT" && edge.field !== "TEXT" && edge.field !== "SUMMARY" ? [index] : []));
    const lastExactName = Math.max(...exactNames);
    expect(firstText).toBeGreaterThan(lastExactName);
    // A whole short name beats the same word within a longer one.
    const lithuania = await search("lithuania");
    expect(label(lithuania.edges[0]!)).toBe("Country:LT");
    expect(lithuania.edges[0]!.matchKind).toBe("EXACT");
  });

  it("filters by type", async () => {
    const countries = await search("kazakh", { types: ["COUNTRY"] });
    expect(countries.edges.map(label)).toEqual(["Country:KZ"]);
    const mixed = await search("kazakh", { types: ["ORGANIZATION", "QUOTE"] });
    expect(new Set(mixed.edges.map((edge) => edge.node.__typename))).toEqual(new Set(["Organization", "Quote"]));
    expect(mixed.totalCount).toBe(mixed.edges.length);
    expect((await search("kazakh", { types: [] })).totalCount).toBe(0);
  });

  it("pages with after, neither skipping nor repeating a hit", async () => {
    const all = await search("of");
    expect(all.totalCount).toBeGreaterThan(10);
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await search("of", { first: 3, after });
      expect(page.totalCount).toBe(all.totalCount);
      seen.push(...page.edges.map(label));
      if (!page.pageInfo.hasNextPage) break;
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor);
      after = page.pageInfo.endCursor as string;
    }
    expect(seen).toEqual(all.edges.map(label));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it.each([
    ["an empty query", { query: "" }],
    ["a blank query", { query: "   " }],
    ["punctuation only", { query: "?!" }],
    ["a query over 200 characters", { query: "a".repeat(201) }],
    ["more than 10 words", { query: "a b c d e f g h i j k" }],
    ["a page over 100", { query: "kazakh", first: 101 }],
    ["a foreign cursor", { query: "kazakh", after: "bm90LWEtY3Vyc29y" }],
  ])("rejects %s with BAD_USER_INPUT", async (_case, variables) => {
    const result = await graphql(SEARCH, variables);
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("costs the same statements however many hits: lookups, one per type on the page, one per nested level", async () => {
    const nested = `query ($query: String!) { search(query: $query, first: 20) { totalCount edges { snippet node {
      __typename
      ... on Person { name country { name } }
      ... on Meeting { title delegations(first: 5) { edges { node { country { name } } } } }
      ... on Organization { name country { name } }
    } } } }`;
    // One person: variants, terms, documents, people, their countries (on PostgreSQL, people joined
    // with their countries).
    const one = await logStatements(() => query(nested, { query: "vasilenko" }));
    expect(one.statements).toHaveLength(onThisEngine({ sqlite: 5, postgres: 4 }));
    // Organisations and meetings: variants, terms, documents, organisations + their countries,
    // meetings + their delegations + the delegations' countries.
    const many = await logStatements(() => query(nested, { query: "lithuania", types: undefined }));
    const hits = (many.result as { search: Search }).search;
    const types = new Set(hits.edges.map((edge) => edge.node.__typename));
    expect(types).toEqual(new Set(["Country", "Organization", "Meeting", "Quote"]));
    // + Country and Quote rows (nothing nested asked of them).
    expect(many.statements).toHaveLength(onThisEngine({ sqlite: 3 + 2 + 3 + 2, postgres: 3 + 1 + 1 + 2 }));
    // A miss and a short word (no typo lookup) cost one statement.
    expect((await logStatements(() => search("zzz"))).statements).toHaveLength(1);
  });
});

describe("the search index", () => {
  let temp: Awaited<ReturnType<typeof createTempDb>>;
  beforeAll(async () => {
    temp = await createTempDb();
  });
  afterAll(() => temp.dispose());

  const counts = async () => ({
    documents: await temp.db.searchDocument.count(),
    terms: await temp.db.searchTerm.count(),
    variants: await temp.db.searchVariant.count(),
  });

  it("is rebuilt by the seed loader: seeding twice leaves the same index", async () => {
    await seed(temp.db);
    const once = await counts();
    const documents = await temp.db.searchDocument.findMany({ orderBy: { id: "asc" } });
    await seed(temp.db);
    expect(await counts()).toEqual(once);
    expect(await temp.db.searchDocument.findMany({ orderBy: { id: "asc" } })).toEqual(documents);
    // people 3 + aliases, countries (name, official name, code) + demonyms, organisations (+ acronyms), topics ×2, meetings ×2, quotes
    const expected =
      (await temp.db.person.count())
      + (await temp.db.personAlias.count())
      + 2 * (await temp.db.country.count())
      + (await temp.db.country.count({ where: { officialName: { not: null } } }))
      + (await temp.db.countryDemonym.count())
      + (await temp.db.organization.count())
      + (await temp.db.organization.count({ where: { acronym: { not: null } } }))
      + 2 * (await temp.db.topic.count())
      + 2 * (await temp.db.meeting.count())
      + (await temp.db.quote.count());
    expect(once.documents).toBe(expected);
  });

  it("is extended by the synthetic generator, batch by batch, and its rows replaced on a rerun", async () => {
    await synthesize(temp.db, { meetings: 10, seed: 1 });
    const synthetic = { id: { startsWith: "syn-" } };
    const people = await temp.db.person.count({ where: synthetic });
    const aliases = await temp.db.personAlias.count({ where: synthetic });
    const meetings = await temp.db.meeting.count({ where: synthetic });
    const quotes = await temp.db.quote.count({ where: synthetic });
    const documentsOf = (entityType: "PERSON" | "MEETING" | "QUOTE") =>
      temp.db.searchDocument.count({ where: { entityType, id: { startsWith: "syn-" } } });
    expect(await documentsOf("PERSON")).toBe(people + aliases);
    expect(await documentsOf("MEETING")).toBe(2 * meetings);
    expect(await documentsOf("QUOTE")).toBe(quotes);
    const before = await counts();
    await synthesize(temp.db, { meetings: 10, seed: 1 });
    expect(await counts()).toEqual(before);
    // Every document's terms are there: one per word of its text.
    const sample = await temp.db.searchDocument.findFirst({ where: { entityType: "MEETING", id: { startsWith: "syn-" } }, include: { terms: true } });
    expect(sample?.terms.length).toBe(sample?.text.split(/[^\p{L}\p{N}\p{M}]+/u).filter(Boolean).length);
  });
});
