// Nested queries with filters and orderings, each with the number of SQL statements it must cost:
// one per relation level (plus counts), fixed by the query's shape. Each orders a page through a
// relation (by delegation count, by meeting), which PostgreSQL cannot read in order from an index,
// so it too gets one statement per level there rather than one joined statement
// (src/db/join-strategy.ts). test/filtering.test.ts checks
// them over the seed, test/synthetic-costs.test.ts over a synthetic dataset a hundred times bigger.
export const COST_QUERIES = [
  {
    name: "meetings filtered by relations → filtered delegations → heads → posts held that day",
    statements: 6,
    query: `{ meetings(first: 20, orderBy: [{ field: DELEGATION_COUNT, direction: DESC }, { field: DATE }],
      filter: { delegations: { some: { headIsNull: false, country: { name: { startsWith: "l" } } } } }) {
      totalCount
      edges { node { title delegations(filter: { side: { in: [HOST, GUEST] } }) { totalCount edges { node {
        head { name posts(activeAt: "2017-09-11", first: 3) { edges { node { post { label } } } } }
      } } } } }
    } }`,
  },
  {
    name: "countries → their meetings, filtered and ordered → discussions filtered by topic",
    statements: 5,
    query: `{ countries(first: 10, filter: { delegations: { some: {} } }, orderBy: [{ field: DELEGATION_COUNT, direction: DESC }]) {
      edges { node { code meetings(first: 5, filter: { type: { in: [CONSULTATIONS, RECEPTION] } }, orderBy: [{ field: TITLE }]) {
        totalCount edges { node { title discussions(first: 5, filter: { topic: { parentIsNull: false } }) {
          edges { node { topic { name } } } } } } } } }
    } }`,
  },
  {
    name: "people by name (with alias) → participations ordered → trade records of their country in a range",
    statements: 4,
    query: `{ people(first: 20, filter: { OR: [{ name: { contains: "a" } }, { country: { code: { equals: "KZ" } } }] }) {
      edges { node { name participations(first: 5, orderBy: [{ field: MEETING_DATE, direction: DESC }]) { edges { node { role } } }
        country { tradeRecords(first: 5, filter: { value: { gte: 1 }, periodStart: { gte: "2000-01-01" } }) { totalCount edges { node { value } } } }
      } }
    } }`,
  },
];
