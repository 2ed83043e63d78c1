// Filters, ordering and list cursors (src/schema/filtering.ts, filter-operators.ts, src/guards/cursors.ts)
// over the seed: two meetings on 11 September 2017 in Astana, three people, fifteen organisations.
import { describe, expect, it } from "vitest";
import { graphql, nodes, query } from "./helpers/client.js";
import { logStatements } from "./helpers/sql-log.js";
import { COST_QUERIES } from "./helpers/cost-queries.js";

const CONSULTATIONS = "kazakhstan-lithuania-foreign-ministry-consultations";
const RECEPTION = "kazakhstan-minister-receives-lithuanian-delegation";
const codes = (result: { errors?: { extensions?: { code?: string } }[] }) => result.errors?.map((error) => error.extensions?.code);

async function meetingSlugs(filter: string): Promise<string[]> {
  const data = await query(`{ meetings(filter: ${filter}) { totalCount edges { node { slug } } } }`);
  const slugs = nodes<{ slug: string }>(data.meetings).map((meeting) => meeting.slug);
  expect(data.meetings.totalCount).toBe(slugs.length);
  return slugs.sort();
}

async function organizationSlugs(filter: string): Promise<string[]> {
  const data = await query(`{ organizations(first: 100, filter: ${filter}) { totalCount edges { node { slug } } } }`);
  expect(data.organizations.totalCount).toBe(data.organizations.edges.length);
  return nodes<{ slug: string }>(data.organizations).map((organization) => organization.slug).sort();
}

describe("text operators ignore case and diacritics", () => {
  it.each([
    ["equals", '{ name: { equals: "DARIUS SKUSEVICIUS" } }', ["darius-skusevicius"]],
    ["in", '{ name: { in: ["roman vassilenko", "kairat abdrakhmanov"] } }', ["kairat-abdrakhmanov", "roman-vassilenko"]],
    ["contains", '{ name: { contains: "skusevicius" } }', ["darius-skusevicius"]],
    ["startsWith", '{ name: { startsWith: "Kair" } }', ["kairat-abdrakhmanov"]],
    ["an alias", '{ name: { equals: "R. Vasilenko" } }', ["roman-vassilenko"]],
    ["no match", '{ name: { contains: "nobody" } }', []],
  ])("%s", async (_case, filter, expected) => {
    const data = await query(`{ people(filter: ${filter}) { totalCount edges { node { slug } } } }`);
    expect(nodes<{ slug: string }>(data.people).map((person) => person.slug).sort()).toEqual(expected);
    expect(data.people.totalCount).toBe(expected.length);
  });

  it("treats LIKE wildcards as plain characters", async () => {
    expect(await organizationSlugs('{ name: { contains: "%" } }')).toEqual([]);
    expect(await organizationSlugs('{ name: { contains: "_" } }')).toEqual([]);
  });

  it("isNull on an optional relation, and text on codes", async () => {
    const withoutCountry = await organizationSlugs("{ countryIsNull: true }");
    expect(withoutCountry).toContain("united-nations");
    expect(withoutCountry).not.toContain("bank-of-lithuania");
    const withCountry = await organizationSlugs("{ countryIsNull: false }");
    expect(withCountry.length + withoutCountry.length).toBe(15);
    expect(await organizationSlugs('{ country: { code: { equals: "lt" } } }')).toEqual([
      "bank-of-lithuania",
      "lithuania-ministry-of-foreign-affairs",
    ]);
  });
});

describe("number, date, enum and boolean operators", () => {
  const values = async (filter: string) => {
    const data = await query(`{ tradeRecords(filter: ${filter}) { totalCount edges { node { value } } } }`);
    expect(data.tradeRecords.totalCount).toBe(data.tradeRecords.edges.length);
    return nodes<{ value: number }>(data.tradeRecords).map((record) => record.value).sort();
  };

  it.each([
    ["equals", "{ value: { equals: 527000000 } }", [527000000]],
    ["in", "{ value: { in: [1, 722000000] } }", [722000000]],
    ["lt", "{ value: { lt: 722000000 } }", [527000000]],
    ["lte", "{ value: { lte: 722000000 } }", [527000000, 722000000]],
    ["gt", "{ value: { gt: 527000000 } }", [722000000]],
    ["gte", "{ value: { gte: 527000000 } }", [527000000, 722000000]],
    ["a closed range", "{ value: { gt: 500000000, lt: 600000000 } }", [527000000]],
    ["a date", '{ periodEnd: { lte: "2017-08-31" } }', [527000000]],
    ["a date list", '{ periodEnd: { in: ["2017-12-31"] } }', [722000000]],
    ["an enum", "{ flow: { equals: TURNOVER } }", [527000000, 722000000]],
    ["an enum list", "{ flow: { in: [EXPORT, IMPORT] } }", []],
    ["a boolean", "{ isApproximate: { equals: true } }", []],
    ["a relation", '{ reporter: { code: { equals: "KZ" } }, partner: { name: { equals: "lithuania" } } }', [527000000, 722000000]],
  ])("%s", async (_case, filter, expected) => {
    expect(await values(filter)).toEqual(expected);
  });

  it("isNull on a nullable date", async () => {
    const due = await query(`{ meeting(slug: "${CONSULTATIONS}") {
      undated: outcomes(filter: { dueDate: { isNull: true } }) { totalCount }
      dated: outcomes(filter: { dueDate: { isNull: false } }) { totalCount edges { node { status } } }
    } }`);
    expect(due.meeting.dated.totalCount).toBe(1);
    expect(nodes(due.meeting.dated)).toEqual([{ status: "SCHEDULED" }]);
    expect(due.meeting.undated.totalCount).toBe(7);
  });

  it("meeting dates and types", async () => {
    expect(await meetingSlugs('{ date: { equals: "2017-09-11" } }')).toEqual([CONSULTATIONS, RECEPTION]);
    expect(await meetingSlugs('{ date: { gte: "2018-01-01" } }')).toEqual([]);
    expect(await meetingSlugs("{ type: { equals: RECEPTION } }")).toEqual([RECEPTION]);
    expect(await meetingSlugs("{ type: { in: [CONSULTATIONS, RECEPTION] } }")).toEqual([CONSULTATIONS, RECEPTION]);
  });
});

describe("AND, OR, NOT", () => {
  it("combine filters of the same type", async () => {
    expect(await meetingSlugs('{ OR: [{ type: { equals: RECEPTION } }, { title: { contains: "consultations" } }] }')).toEqual([
      CONSULTATIONS,
      RECEPTION,
    ]);
    expect(await meetingSlugs('{ AND: [{ type: { equals: RECEPTION } }, { title: { contains: "consultations" } }] }')).toEqual([]);
    expect(await meetingSlugs("{ NOT: { type: { equals: RECEPTION } } }")).toEqual([CONSULTATIONS]);
  });
});

describe("relation filters", () => {
  it("some: meetings where Lithuania's delegation had a head and terrorism was discussed", async () => {
    expect(
      await meetingSlugs(`{
        delegations: { some: { country: { code: { equals: "LT" } }, headIsNull: false } }
        discussions: { some: { topic: { name: { equals: "Terrorism" } } } }
      }`),
    ).toEqual([CONSULTATIONS]);
  });

  it("every and none", async () => {
    // The reception discussed nothing: `every` holds of an empty list, `some` does not.
    expect(await meetingSlugs('{ discussions: { every: { topic: { name: { equals: "Terrorism" } } } } }')).toEqual([RECEPTION]);
    expect(await meetingSlugs('{ discussions: { none: { topic: { name: { equals: "Terrorism" } } } } }')).toEqual([RECEPTION]);
    expect(await meetingSlugs('{ delegations: { every: { head: { country: { code: { in: ["KZ", "LT"] } } } } } }')).toEqual([
      CONSULTATIONS,
      RECEPTION,
    ]);
    expect(await meetingSlugs('{ delegations: { none: { side: { equals: HOST } } } }')).toEqual([]);
  });

  it("people with some post at an organisation of kind ministry", async () => {
    const data = await query(`{ people(filter: { posts: { some: { post: { organization: { kind: { equals: MINISTRY } } } } } }) {
      totalCount edges { node { slug } } } }`);
    expect(data.people.totalCount).toBe(3);
  });

  it("relation filters on nested connections, with totalCount counting only matches", async () => {
    const data = await query(`{ meeting(slug: "${CONSULTATIONS}") {
      delegations(filter: { side: { equals: GUEST } }) { totalCount edges { node { country { code } } } }
      discussions(first: 2, filter: { topic: { parent: { name: { equals: "security" } } } }) { totalCount }
    } }`);
    expect(data.meeting.delegations.totalCount).toBe(1);
    expect(nodes(data.meeting.delegations)).toEqual([{ country: { code: "LT" } }]);
    expect(data.meeting.discussions.totalCount).toBeGreaterThan(2);
  });

  it("filters meetings reached through a country, a person or a topic", async () => {
    const data = await query(`{
      country(code: "KZ") { meetings(filter: { type: { equals: RECEPTION } }) { totalCount edges { node { slug } } } }
      person(slug: "darius-skusevicius") { meetings(filter: { discussions: { some: {} } }) { totalCount edges { node { slug } } } }
      topic(slug: "terrorism") { meetings(filter: { type: { equals: RECEPTION } }) { totalCount edges { node { slug } } } }
    }`);
    expect(data.country.meetings.totalCount).toBe(1);
    expect(nodes(data.country.meetings)).toEqual([{ slug: RECEPTION }]);
    expect(nodes(data.person.meetings)).toEqual([{ slug: CONSULTATIONS }]);
    expect(data.person.meetings.totalCount).toBe(1);
    expect(data.topic.meetings).toEqual({ totalCount: 0, edges: [] });
  });
});

describe("time-aware posts", () => {
  it("Person.posts(activeAt:) gives the posts held on that day", async () => {
    const data = await query(`{ person(slug: "roman-vassilenko") {
      onTheDay: posts(activeAt: "2017-09-11") { totalCount edges { node { post { label } } } }
      dayBefore: posts(activeAt: "2017-09-10") { totalCount }
    } }`);
    expect(nodes(data.person.onTheDay)).toEqual([{ post: { label: "Deputy Minister of Foreign Affairs of Kazakhstan" } }]);
    expect(data.person.dayBefore.totalCount).toBe(0);
  });

  it("everyone who held a deputy-minister post at the time of a meeting", async () => {
    const data = await query(`{ people(filter: { posts: { some: {
      post: { label: { contains: "deputy minister" } }
      attestedAt: { slug: { equals: "${CONSULTATIONS}" } }
    } } }) { edges { node { slug } } } }`);
    expect(nodes(data.people)).toEqual([{ slug: "roman-vassilenko" }]);
  });

  it("filters tenures by date", async () => {
    const data = await query(`{ people(filter: { posts: { some: { activeAt: "2017-09-11", post: { country: { code: { equals: "LT" } } } } } }) {
      edges { node { slug } } } }`);
    expect(nodes(data.people)).toEqual([{ slug: "darius-skusevicius" }]);
  });
});

describe("bad filters", () => {
  it("an inverted range is BAD_USER_INPUT before any SQL runs", async () => {
    const { result, statements } = await logStatements(() =>
      graphql(`{ meetings(filter: { date: { gt: "2018-01-01", lt: "2017-01-01" } }) { totalCount } }`),
    );
    expect(codes(result)).toEqual(["BAD_USER_INPUT"]);
    expect(result.errors?.[0]?.message).toMatch(/inverted/);
    expect(statements).toEqual([]);
    const equalBounds = await graphql(`{ tradeRecords(filter: { value: { gt: 5, lte: 5 } }) { totalCount } }`);
    expect(codes(equalBounds)).toEqual(["BAD_USER_INPUT"]);
    const nested = await graphql(`{ meetings { edges { node { tradeRecords(filter: { value: { gte: 10, lte: 1 } }) { totalCount } } } } }`);
    expect(codes(nested)).toEqual(["BAD_USER_INPUT"]);
  });

  it("an unknown enum value is BAD_USER_INPUT, literal or variable", async () => {
    const literal = await graphql(`{ meetings(filter: { type: { equals: SUMMIT } }) { totalCount } }`);
    expect(codes(literal)).toEqual(["BAD_USER_INPUT"]);
    expect(literal.errors?.[0]?.message).toContain("SUMMIT");
    const variable = await graphql(`query ($type: MeetingType) { meetings(filter: { type: { equals: $type } }) { totalCount } }`, {
      type: "SUMMIT",
    });
    expect(codes(variable)).toEqual(["BAD_USER_INPUT"]);
  });

  it("a malformed date is BAD_USER_INPUT", async () => {
    const result = await graphql(`query ($day: Date) { meetings(filter: { date: { equals: $day } }) { totalCount } }`, { day: "11/09/2017" });
    expect(codes(result)).toEqual(["BAD_USER_INPUT"]);
  });
});

describe("ordering", () => {
  it("orders by fields and relation counts, most significant key first", async () => {
    const byCount = await query(`{ meetings(orderBy: [{ field: DISCUSSION_COUNT, direction: DESC }]) { edges { node { slug } } } }`);
    expect(nodes(byCount.meetings)).toEqual([{ slug: CONSULTATIONS }, { slug: RECEPTION }]);
    const ascending = await query(`{ meetings(orderBy: [{ field: DISCUSSION_COUNT }]) { edges { node { slug } } } }`);
    expect(nodes(ascending.meetings)).toEqual([{ slug: RECEPTION }, { slug: CONSULTATIONS }]);
    const people = await query(`{ people(orderBy: [{ field: PARTICIPATION_COUNT, direction: DESC }, { field: NAME }]) { edges { node { slug } } } }`);
    expect(nodes(people.people)).toEqual([{ slug: "darius-skusevicius" }, { slug: "kairat-abdrakhmanov" }, { slug: "roman-vassilenko" }]);
  });

  it("breaks ties by id, so pages of one row each walk the whole list without skipping or repeating", async () => {
    const all = await query(`{ organizations(first: 100, orderBy: [{ field: KIND, direction: DESC }]) { edges { node { slug kind } } } }`);
    const expected = nodes(all.organizations) as { slug: string; kind: string }[];
    // Ties within a kind come in id (slug) order.
    const sorted = [...expected].sort((a, b) => (a.kind === b.kind ? (a.slug < b.slug ? -1 : 1) : a.kind < b.kind ? 1 : -1));
    expect(expected).toEqual(sorted);
    const walked: { slug: string; kind: string }[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page += 1) {
      const data: any = await query( // eslint-disable-line @typescript-eslint/no-explicit-any
        `query ($after: String) { organizations(first: 2, after: $after, orderBy: [{ field: KIND, direction: DESC }]) {
          edges { node { slug kind } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      walked.push(...nodes(data.organizations as { edges: { node: { slug: string; kind: string } }[] }));
      if (!data.organizations.pageInfo.hasNextPage) break;
      after = data.organizations.pageInfo.endCursor;
    }
    expect(walked).toEqual(expected);
  });

  it("pages backwards over ties too", async () => {
    const all = await query(`{ meetings(orderBy: [{ field: DATE }]) { edges { node { slug } } } }`);
    const last = await query(`{ meetings(last: 1, orderBy: [{ field: DATE }]) { edges { node { slug } } pageInfo { startCursor } } }`);
    const before = await query(`query ($before: String) { meetings(last: 1, before: $before, orderBy: [{ field: DATE }]) { edges { node { slug } } } }`, {
      before: last.meetings.pageInfo.startCursor,
    });
    expect([...nodes(before.meetings), ...nodes(last.meetings)]).toEqual(nodes(all.meetings));
  });
});

describe("cursors belong to their list", () => {
  const firstPage = async (args: string) => {
    const data = await query(`{ organizations(first: 2${args}) { pageInfo { endCursor } } }`);
    return data.organizations.pageInfo.endCursor as string;
  };

  it("rejects a cursor reused with another orderBy or filter, before any SQL runs", async () => {
    const cursor = await firstPage(", orderBy: [{ field: KIND }]");
    const { result, statements } = await logStatements(() =>
      graphql(`query ($after: String) { organizations(first: 2, after: $after, orderBy: [{ field: NAME }]) { totalCount } }`, { after: cursor }),
    );
    expect(codes(result)).toEqual(["BAD_USER_INPUT"]);
    expect(result.errors?.[0]?.message).toMatch(/different list/);
    expect(statements).toEqual([]);
    const otherFilter = await graphql(
      `query ($after: String) { organizations(first: 2, after: $after, orderBy: [{ field: KIND }], filter: { kind: { equals: MINISTRY } }) { totalCount } }`,
      { after: cursor },
    );
    expect(codes(otherFilter)).toEqual(["BAD_USER_INPUT"]);
    const otherField = await graphql(`{ people(first: 2, after: "${cursor}") { totalCount } }`);
    expect(codes(otherField)).toEqual(["BAD_USER_INPUT"]);
  });

  it("accepts it with the same arguments, as a literal or a variable", async () => {
    const cursor = await firstPage(', filter: { name: { contains: "a" } }');
    const literal = await query(`{ organizations(first: 2, after: "${cursor}", filter: { name: { contains: "a" } }) { edges { node { slug } } } }`);
    const variable = await query(
      `query ($after: String, $filter: OrganizationFilter) { organizations(first: 2, after: $after, filter: $filter) { edges { node { slug } } } }`,
      { after: cursor, filter: { name: { contains: "a" } } },
    );
    expect(literal).toEqual(variable);
    expect(literal.organizations.edges).toHaveLength(2);
  });

  it("rejects a cursor that is not one of ours", async () => {
    const result = await graphql(`{ meetings(after: "bm90LWEtY3Vyc29y") { totalCount } }`);
    expect(codes(result)).toEqual(["BAD_USER_INPUT"]);
  });
});

describe("cost", () => {
  it.each(COST_QUERIES)("$name costs $statements SQL statements over the seed", async ({ query: text, statements }) => {
    const { result, statements: issued } = await logStatements(() => graphql(text));
    expect(result.errors).toBeUndefined();
    expect(issued).toHaveLength(statements);
  });
});
