// `npm run bench:filters`: latency of representative filters on the database DATABASE_URL names
// (fill it first with `npm run synth`), in-process through yoga.fetch: which filters use an index
// and which read a whole table. Prints a Markdown table and appends it, with the engine and data
// size, to bench/results/filters.md.
import { appendFileSync } from "node:fs";
import { db } from "../src/db/client.js";
import { databaseUrl, isPostgresUrl } from "../src/db/url.js";
import { yoga } from "../src/yoga.js";

const ROUNDS = 7;

/** Each filter with what the engine can do with it, as read from the schema's indexes. */
const FILTERS: { name: string; access: string; query: string }[] = [
  {
    name: "meetings: date range",
    access: "index (Meeting.date)",
    query: `{ meetings(first: 20, filter: { date: { gte: "2015-01-01", lt: "2015-02-01" } }) { totalCount edges { node { title } } } }`,
  },
  {
    name: "meetings: type",
    access: "index (Meeting.type)",
    query: `{ meetings(first: 20, filter: { type: { equals: RECEPTION } }) { totalCount edges { node { title } } } }`,
  },
  {
    name: "meetings: title contains",
    access: "scan of Meeting",
    query: `{ meetings(first: 20, filter: { title: { contains: "lithuanian" } }) { totalCount edges { node { title } } } }`,
  },
  {
    name: "meetings: title startsWith",
    access: "SQLite: scan (its LIKE needs a NOCASE index); PostgreSQL: index range (titleKey is COLLATE \"C\")",
    query: `{ meetings(first: 20, filter: { title: { startsWith: "kazakh" } }) { totalCount edges { node { title } } } }`,
  },
  {
    name: "meetings: some delegation from LT with a head",
    access: "index on Delegation.countryId + EXISTS per meeting",
    query: `{ meetings(first: 20, filter: { delegations: { some: { country: { code: { equals: "LT" } }, headIsNull: false } } }) { totalCount edges { node { title } } } }`,
  },
  {
    name: "meetings: LT delegation and terrorism discussed, newest first",
    access: "EXISTS per meeting on indexed FKs",
    query: `{ meetings(first: 20, orderBy: [{ field: DATE, direction: DESC }], filter: { delegations: { some: { country: { code: { equals: "LT" } } } }, discussions: { some: { topic: { slug: { equals: "terrorism" } } } } }) { totalCount edges { node { title } } } }`,
  },
  {
    name: "meetings: no discussion at all (every/none)",
    access: "NOT EXISTS per meeting",
    query: `{ meetings(first: 20, filter: { discussions: { none: {} } }) { totalCount edges { node { title } } } }`,
  },
  {
    name: "meetings ordered by delegation count",
    access: "GROUP BY over Delegation, sort of all meetings",
    query: `{ meetings(first: 20, orderBy: [{ field: DELEGATION_COUNT, direction: DESC }]) { edges { node { title } } } }`,
  },
  {
    name: "people: name contains (with aliases)",
    access: "scan of Person and PersonAlias",
    query: `{ people(first: 20, filter: { name: { contains: "skusevicius" } }) { totalCount edges { node { name } } } }`,
  },
  {
    name: "people: name equals (with aliases)",
    access: "SQLite: both nameKey indexes (multi-index OR); PostgreSQL: scan of Person, alias index (OR with a subquery)",
    query: `{ people(first: 20, filter: { name: { equals: "darius skusevicius" } }) { totalCount edges { node { name } } } }`,
  },
  {
    name: "people: held a deputy-minister post on a day",
    access: "scan of Post (label contains) + Tenure by post",
    query: `{ people(first: 20, filter: { posts: { some: { activeAt: "2016-06-01", post: { label: { contains: "deputy minister" } } } } }) { totalCount edges { node { name } } } }`,
  },
  {
    name: "trade records: value range",
    access: "scan of TradeRecord (value not indexed)",
    query: `{ tradeRecords(first: 20, filter: { value: { gte: 100000000, lt: 200000000 } }) { totalCount edges { node { value } } } }`,
  },
  {
    name: "trade records: reporter KZ, period from 2015",
    access: "index (TradeRecord.reporterId / periodStart)",
    query: `{ tradeRecords(first: 20, filter: { reporter: { code: { equals: "KZ" } }, periodStart: { gte: "2015-01-01" } }) { totalCount edges { node { value } } } }`,
  },
];

let statements = 0;
db.$on("query", () => {
  statements += 1;
});

async function run(query: string): Promise<number> {
  const started = performance.now();
  const response = await yoga.fetch("http://parley/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { errors?: unknown };
  if (body.errors) throw new Error(`${query}\n${JSON.stringify(body.errors)}`);
  return performance.now() - started;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const engine = isPostgresUrl(databaseUrl()) ? "PostgreSQL" : "SQLite";
const [meetings, people, tradeRecords] = await Promise.all([db.meeting.count(), db.person.count(), db.tradeRecord.count()]);
const lines = [
  `### ${engine}, ${meetings} meetings, ${people} people, ${tradeRecords} trade records (${new Date().toISOString().slice(0, 16)}Z)`,
  "",
  "| filter | access path | statements | median ms | max ms |",
  "|---|---|---:|---:|---:|",
];
for (const filter of FILTERS) {
  await run(filter.query);
  statements = 0;
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) times.push(await run(filter.query));
  const perRequest = statements / ROUNDS;
  lines.push(`| ${filter.name} | ${filter.access} | ${perRequest} | ${median(times).toFixed(1)} | ${Math.max(...times).toFixed(1)} |`);
}
const report = `${lines.join("\n")}\n\n`;
console.log(report);
appendFileSync(new URL("results/filters.md", import.meta.url), report);
await db.$disconnect();
