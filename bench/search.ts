// `npm run bench:search`: search latency, SQL statements and index rows read on the database
// DATABASE_URL names (fill it first with `npm run synth -- --meetings N`), plus the index's size and
// how each engine plans the prefix lookup. In-process through yoga.fetch, like the tests.
import { db } from "../src/db/client.js";
import { describeDatabase, databaseUrl, isPostgresUrl } from "../src/db/url.js";
import { queryWords, searchIndex } from "../src/search/query.js";
import { yoga } from "../src/yoga.js";

const QUERIES: { kind: string; query: string }[] = [
  { kind: "exact, rare", query: "vasilenko" },
  { kind: "exact, common", query: "lithuania" },
  { kind: "exact, 2 words", query: "foreign ministries" },
  { kind: "prefix", query: "abdrakh" },
  { kind: "prefix, short", query: "min" },
  { kind: "typo", query: "Lithuana" },
  { kind: "typo, 2 words", query: "kazakhstn lithuana" },
  { kind: "miss", query: "zzyzx" },
];
const ROUNDS = Number(process.env.ROUNDS ?? 15);

const SEARCH = `query ($query: String!) { search(query: $query, first: 20) {
  totalCount edges { field score snippet node { __typename
    ... on Person { name country { name } } ... on Country { name } ... on Organization { name }
    ... on Meeting { title } ... on Quote { text speaker { name } } ... on Topic { name } } } } }`;

const statements: string[] = [];
db.$on("query", (event) => statements.push(event.query));

async function request(text: string) {
  const response = await yoga.fetch("http://parley/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: SEARCH, variables: { query: text } }),
  });
  const result = (await response.json()) as { data?: { search: { totalCount: number } }; errors?: unknown[] };
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.search;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

const url = databaseUrl();
console.log(`database: ${describeDatabase(url)}`);
const sizes = {
  meetings: await db.meeting.count(),
  people: await db.person.count(),
  quotes: await db.quote.count(),
  organizations: await db.organization.count(),
  searchDocuments: await db.searchDocument.count(),
  searchTerms: await db.searchTerm.count(),
  searchVariants: await db.searchVariant.count(),
  distinctWords: (await db.searchTerm.groupBy({ by: ["word"], _count: true })).length,
};
console.log(JSON.stringify(sizes));

console.log("kind              query                 hits  postings  statements  median ms  p90 ms  (search only, ms)");
for (const { kind, query } of QUERIES) {
  for (let warm = 0; warm < 3; warm++) await request(query);
  const times: number[] = [];
  const direct: number[] = [];
  let count = 0;
  let hits = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const start = statements.length;
    const started = performance.now();
    hits = (await request(query)).totalCount;
    times.push(performance.now() - started);
    count = statements.length - start;
    const directStart = performance.now();
    await searchIndex(db, queryWords(query));
    direct.push(performance.now() - directStart);
  }
  const stats = { postings: 0, variants: 0 };
  await searchIndex(db, queryWords(query), null, stats);
  const p90 = [...times].sort((a, b) => a - b)[Math.floor(times.length * 0.9)] as number;
  console.log(
    `${kind.padEnd(17)} ${JSON.stringify(query).padEnd(21)} ${String(hits).padStart(5)} ${String(stats.postings).padStart(9)} ${String(count).padStart(11)} ${median(times).toFixed(1).padStart(10)} ${p90.toFixed(1).padStart(7)} ${median(direct).toFixed(1).padStart(8)}`,
  );
}

// How the engine serves a prefix: as Prisma's `startsWith` (LIKE) and as the range search uses.
const plans: Record<string, string> = {};
if (isPostgresUrl(url)) {
  for (const [name, where] of [
    ["LIKE 'abdrakh%'", `"word" LIKE 'abdrakh%'`],
    ["range", `"word" >= 'abdrakh' AND "word" < 'abdraki'`],
  ] as const) {
    const rows = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ANALYZE SELECT "entityId" FROM "SearchTerm" WHERE ${where}`);
    plans[name] = rows.map((row) => row["QUERY PLAN"]).join("\n  ");
  }
} else {
  for (const [name, where] of [
    ["LIKE 'abdrakh%'", `word LIKE 'abdrakh%'`],
    ["range", `word >= 'abdrakh' AND word < 'abdraki'`],
  ] as const) {
    const rows = await db.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN SELECT entityId FROM SearchTerm WHERE ${where}`);
    plans[name] = rows.map((row) => row.detail).join("; ");
  }
}
for (const [name, plan] of Object.entries(plans)) console.log(`plan ${name}:\n  ${plan}`);
await db.$disconnect();
