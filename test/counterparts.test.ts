import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql, nodes, query } from "./helpers/client.js";
import { logStatements } from "./helpers/sql-log.js";
import { startSyntheticServer, type IsolatedServer } from "./helpers/isolated-server.js";
import { onThisEngine } from "./helpers/statement-counts.js";

const CONSULTATIONS = "Kazakh-Lithuanian consultations between the foreign ministries";
const RECEPTION = "Kazakhstan's Foreign Minister Kairat Abdrakhmanov receives the Lithuanian foreign-ministry delegation";

const COUNTERPARTS = `query Counterparts($slug: String!, $first: Int, $after: String, $last: Int, $before: String) {
  person(slug: $slug) {
    counterparts(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor sharedMeetingCount sharedMeetings { title } node { slug name country { code } } }
    }
  }
}`;

const PARTNERS = `query Partners($code: String!, $first: Int, $after: String) {
  country(code: $code) {
    partners(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { meetingCount lastMeetingDate { date label isInferred } node { code name } }
    }
  }
}`;

// Nested under a list of parents: the statement count must not depend on how many there are.
const peopleWithCounterparts = (first: number) => `{ people(first: ${first}) { edges { node { name
  counterparts(first: 5) { totalCount edges { sharedMeetingCount sharedMeetings { title date { label } } node { name country { code } } } }
} } } }`;
const countriesWithPartners = (first: number) => `{ countries(first: ${first}) { edges { node { code
  partners(first: 5) { totalCount edges { meetingCount lastMeetingDate { label } node { name people(first: 2) { edges { node { name } } } } } }
} } } }`;

describe("Person.counterparts", () => {
  it("finds the people met across the table, with the meetings they shared", async () => {
    const { person } = await query(COUNTERPARTS, { slug: "roman-vassilenko" });
    expect(person.counterparts.totalCount).toBe(1);
    expect(person.counterparts.edges).toMatchObject([
      {
        sharedMeetingCount: 1,
        sharedMeetings: [{ title: CONSULTATIONS }],
        node: { slug: "darius-skusevicius", name: "Darius Skusevičius", country: { code: "LT" } },
      },
    ]);
  });

  it("never counts people of the same country, and orders ties by name", async () => {
    const { person } = await query(COUNTERPARTS, { slug: "darius-skusevicius" });
    expect(person.counterparts.edges.map((edge: { node: unknown; sharedMeetings: unknown }) => [edge.node, edge.sharedMeetings])).toEqual([
      [{ slug: "kairat-abdrakhmanov", name: "Kairat Abdrakhmanov", country: { code: "KZ" } }, [{ title: RECEPTION }]],
      [{ slug: "roman-vassilenko", name: "Roman Vassilenko", country: { code: "KZ" } }, [{ title: CONSULTATIONS }]],
    ]);
  });

  it("pages forwards and backwards with cursors", async () => {
    const firstPage = (await query(COUNTERPARTS, { slug: "darius-skusevicius", first: 1 })).person.counterparts;
    expect(firstPage.totalCount).toBe(2);
    expect(firstPage.edges.map((edge: { node: { slug: string } }) => edge.node.slug)).toEqual(["kairat-abdrakhmanov"]);
    expect(firstPage.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const secondPage = (await query(COUNTERPARTS, { slug: "darius-skusevicius", first: 1, after: firstPage.pageInfo.endCursor })).person.counterparts;
    expect(secondPage.edges.map((edge: { node: { slug: string } }) => edge.node.slug)).toEqual(["roman-vassilenko"]);
    expect(secondPage.pageInfo.hasNextPage).toBe(false);
    const lastPage = (await query(COUNTERPARTS, { slug: "darius-skusevicius", last: 1 })).person.counterparts;
    expect(lastPage.edges.map((edge: { node: { slug: string } }) => edge.node.slug)).toEqual(["roman-vassilenko"]);
    expect(lastPage.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const before = (await query(COUNTERPARTS, { slug: "darius-skusevicius", before: lastPage.pageInfo.startCursor })).person.counterparts;
    expect(before.edges.map((edge: { node: { slug: string } }) => edge.node.slug)).toEqual(["kairat-abdrakhmanov"]);
  });

  it("rejects a cursor of another list and an oversized page", async () => {
    const partnerCursor = (await query(PARTNERS, { code: "KZ" })).country.partners.pageInfo.endCursor;
    for (const variables of [{ after: partnerCursor }, { after: "not a cursor" }, { first: 101 }, { first: -1 }]) {
      const { errors } = await graphql(COUNTERPARTS, { slug: "darius-skusevicius", ...variables });
      expect(errors?.map((error) => error.extensions?.code), JSON.stringify(variables)).toEqual(["BAD_USER_INPUT"]);
    }
  });
});

describe("Country.partners", () => {
  it("lists the countries met, with the number of meetings and the latest one's date", async () => {
    const { country } = await query(PARTNERS, { code: "KZ" });
    expect(country.partners).toMatchObject({
      totalCount: 1,
      pageInfo: { hasNextPage: false },
      edges: [
        {
          meetingCount: 2,
          lastMeetingDate: { date: "2017-09-11", label: "11 September 2017", isInferred: true },
          node: { code: "LT", name: "Lithuania" },
        },
      ],
    });
    const lithuania = await query(PARTNERS, { code: "lt" });
    expect(nodes(lithuania.country.partners)).toEqual([{ code: "KZ", name: "Kazakhstan" }]);
  });

  it("is empty for a country that met no one", async () => {
    const { country } = await query(PARTNERS, { code: "UA" });
    expect(country.partners).toMatchObject({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });
});

describe("the cost of counterparts and partners", () => {
  it("is a fixed number of SQL statements, whatever the number of parents", async () => {
    const many = await logStatements(() => query(peopleWithCounterparts(20)));
    const one = await logStatements(() => query(peopleWithCounterparts(1)));
    // SQLite: people, participations, their meetings, those meetings' participations, counterparts,
    // countries. PostgreSQL: one statement.
    expect(many.statements).toHaveLength(onThisEngine({ sqlite: 6, postgres: 1 }));
    expect(one.statements).toHaveLength(onThisEngine({ sqlite: 6, postgres: 1 }));
    const manyCountries = await logStatements(() => query(countriesWithPartners(50)));
    const oneCountry = await logStatements(() => query(countriesWithPartners(1)));
    // SQLite: countries, delegations, meetings, the meetings' delegations, partner countries, their people.
    expect(manyCountries.statements).toHaveLength(onThisEngine({ sqlite: 6, postgres: 1 }));
    expect(oneCountry.statements).toHaveLength(onThisEngine({ sqlite: 6, postgres: 1 }));
  });
});

describe("on a synthetic dataset", () => {
  let synthetic: IsolatedServer;
  beforeAll(async () => {
    synthetic = await startSyntheticServer(40);
  });
  afterAll(async () => {
    await synthetic?.dispose();
  });

  it("costs as many statements as on the seed", async () => {
    const people = await synthetic.logStatements(() => synthetic.query(peopleWithCounterparts(20)));
    expect(people.result.people.edges).toHaveLength(20);
    expect(people.statements).toHaveLength(onThisEngine({ sqlite: 6, postgres: 1 }));
    const countries = await synthetic.logStatements(() => synthetic.query(countriesWithPartners(50)));
    expect(countries.result.countries.edges).toHaveLength(50);
    expect(countries.statements).toHaveLength(onThisEngine({ sqlite: 6, postgres: 1 }));
  });

  it("agrees with counting the participations directly, most shared meetings first", async () => {
    const { db } = synthetic;
    // Hold one synthetic meeting a second time, so that its people share two meetings.
    const meeting = await db.meeting.findFirstOrThrow({
      where: { id: { startsWith: "syn-" } },
      include: { delegations: { include: { participants: true } } },
      orderBy: { id: "asc" },
    });
    const { delegations, ...meetingColumns } = meeting;
    await db.meeting.create({ data: { ...meetingColumns, id: "test-rematch" } });
    for (const { participants, ...delegation } of delegations) {
      await db.delegation.create({ data: { ...delegation, id: `test-rematch~${delegation.id}`, meetingId: "test-rematch" } });
      for (const participant of participants) {
        await db.participant.create({
          data: { ...participant, id: `test-rematch~${participant.id}`, meetingId: "test-rematch", delegationId: `test-rematch~${delegation.id}` },
        });
      }
    }
    const subject = delegations[0]!.participants[0]!.personId;

    const participants = await db.participant.findMany({ where: { delegationId: { not: null } }, include: { person: true } });
    const expected = new Map<string, { name: string; meetings: number }>();
    for (const own of participants.filter((participant) => participant.personId === subject)) {
      for (const other of participants) {
        if (other.meetingId !== own.meetingId || other.delegationId === own.delegationId) continue;
        const entry = expected.get(other.personId) ?? { name: other.person.name, meetings: 0 };
        entry.meetings += 1;
        expected.set(other.personId, entry);
      }
    }
    const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const ranked = [...expected].sort(([a, x], [b, y]) => y.meetings - x.meetings || text(x.name, y.name) || text(a, b));
    expect(ranked[0]![1].meetings).toBe(2);

    const { person } = await synthetic.query(COUNTERPARTS, { slug: subject, first: 100 });
    expect(person.counterparts.totalCount).toBe(expected.size);
    const edges = person.counterparts.edges as { node: { slug: string }; sharedMeetingCount: number; sharedMeetings: { title: string }[] }[];
    expect(edges.map((edge) => [edge.node.slug, edge.sharedMeetingCount])).toEqual(ranked.map(([id, { meetings }]) => [id, meetings]));
    expect(edges[0]!.sharedMeetings).toHaveLength(2);
  });
});
