import { describe, expect, it } from "vitest";
import { DEFAULT_QUERY } from "../src/graphiql/default-query.js";
import { graphql } from "./helpers/client.js";
import { logStatements } from "./helpers/sql-log.js";
import { onThisEngine } from "./helpers/statement-counts.js";

describe("the GraphiQL default query", () => {
  it("walks meeting → delegations → heads → posts and countries → trade records", async () => {
    const { data, errors } = await graphql(DEFAULT_QUERY);
    expect(errors).toBeUndefined();
    const meeting = data.meeting;
    expect(meeting.title).toBe("Kazakh-Lithuanian consultations between the foreign ministries");
    expect(meeting.date).toEqual({ label: "11 September 2017", isInferred: true });
    expect(meeting.place).toEqual({ name: "Astana" });
    const [host, guest] = meeting.delegations.edges.map((edge: { node: unknown }) => edge.node);
    expect(host.side).toBe("HOST");
    expect(host.head.name).toBe("Roman Vassilenko");
    expect(host.head.posts.edges[0].node.post.label).toBe("Deputy Minister of Foreign Affairs of Kazakhstan");
    expect(host.head.country.name).toBe("Kazakhstan");
    expect(host.head.country.tradeRecords.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      { flow: "TURNOVER", value: 527000000, currency: "USD", period: { label: "January–August 2017" }, partner: { name: "Lithuania" } },
      { flow: "TURNOVER", value: 722000000, currency: "USD", period: { label: "2017" }, partner: { name: "Lithuania" } },
    ]);
    expect(guest.side).toBe("GUEST");
    expect(guest.head.name).toBe("Darius Skusevičius");
    expect(guest.head.posts.edges[0].node.post.label).toBe("Vice-Minister of Foreign Affairs of Lithuania");
    expect(guest.head.country.tradeRecords.edges).toEqual([]);
    expect(meeting.evidence.length).toBeGreaterThan(0);
  });

  it("costs one SQL statement (PostgreSQL) or one per relation level (SQLite), whatever the number of rows", async () => {
    const { statements } = await logStatements(() => graphql(DEFAULT_QUERY));
    // SQLite: meeting, delegations, heads, tenures, posts, countries, trade records, partners,
    // evidence, plus the delegations' count: fixed by the query's shape, not by how many rows it
    // returns. PostgreSQL: all of it joined in one statement.
    expect(statements).toHaveLength(onThisEngine({ sqlite: 10, postgres: 1 }));
    const bigger = await logStatements(() => graphql(`{ meetings(first: 2) { edges { node { delegations(first: 10) {
      edges { node { head { name posts(first: 5) { edges { node { post { label } } } } } } } } } } } }`));
    const smaller = await logStatements(() => graphql(`{ meetings(first: 1) { edges { node { delegations(first: 1) {
      edges { node { head { name posts(first: 5) { edges { node { post { label } } } } } } } } } } } }`));
    expect(bigger.statements.length).toBe(smaller.statements.length);
  });
});
