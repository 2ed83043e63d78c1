// Nested queries with filters and orderings, each with the number of SQL statements it must cost:
// on SQLite one per relation level (plus counts), on PostgreSQL the joined statement (plus what
// Prisma cannot join), fixed by the query's shape. test/filtering.test.ts checks
// them over the seed, test/synthetic-costs.test.ts over a synthetic dataset a hundred times bigger.
import { onThisEngine } from "./statement-counts.js";

export const COST_QUERIES = [
  {
    name: "meetings filtered by relations → filtered delegations → heads → posts held that day",
    statements: onThisEngine({ sqlite: 6, postgres: 2 }),
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
    statements: onThisEngine({ sqlite: 5, postgres: 1 }),
    query: `{ countries(first: 10, filter: { delegations: { some: {} } }, orderBy: [{ field: DELEGATION_COUNT, direction: DESC }]) {
      edges { node { code meetings(first: 5, filter: { type: { in: [CONSULTATIONS, RECEPTION] } }, orderBy: [{ field: TITLE }]) {
        totalCount edges { node { title discussions(first: 5, filter: { topic: { parentIsNull: false } }) {
          edges { node { topic { name } } } } } } } } }
    } }`,
  },
  {
    name: "people by name (with alias) → participations ordered → trade records of their country in a range",
    statements: onThisEngine({ sqlite: 4, postgres: 1 }),
    query: `{ people(first: 20, filter: { OR: [{ name: { contains: "a" } }, { country: { code: { equals: "KZ" } } }] }) {
      edges { node { name participations(first: 5, orderBy: [{ field: MEETING_DATE, direction: DESC }]) { edges { node { role } } }
        country { tradeRecords(first: 5, filter: { value: { gte: 1 }, periodStart: { gte: "2000-01-01" } }) { totalCount edges { node { value } } } }
      } }
    } }`,
  },
];
