import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql, query } from "./helpers/client.js";
import { startSyntheticServer, type IsolatedServer } from "./helpers/isolated-server.js";
import { logStatements } from "./helpers/sql-log.js";
import { onThisEngine } from "./helpers/statement-counts.js";

const COUNTS = `query Counts($by: MeetingGrouping!) {
  meetingCounts(by: $by) { key label count year type country { code } topic { slug: id } }
}`;

interface Group {
  key: string;
  label: string;
  count: number;
}

const pairs = (groups: Group[]) => groups.map((group) => [group.key, group.count]);

describe("meetingCounts on the seed", () => {
  it("counts meetings per delegation country, with the country", async () => {
    const { meetingCounts } = await query(COUNTS, { by: "COUNTRY" });
    expect(meetingCounts).toEqual([
      { key: "KZ", label: "Kazakhstan", count: 2, year: null, type: null, country: { code: "KZ" }, topic: null },
      { key: "LT", label: "Lithuania", count: 2, year: null, type: null, country: { code: "LT" }, topic: null },
    ]);
  });

  it("counts meetings per topic discussed, largest first and then by name", async () => {
    const { meetingCounts } = await query(COUNTS, { by: "TOPIC" });
    expect(meetingCounts).toHaveLength(32);
    expect(meetingCounts[0]).toMatchObject({ key: "afghanistan", label: "Afghanistan", count: 1, topic: { slug: expect.any(String) } });
    expect(meetingCounts.find((group: Group) => group.key === "trade")).toMatchObject({ label: "Trade", count: 1 });
    const labels = meetingCounts.map((group: Group) => group.label);
    expect(labels).toEqual([...labels].sort());
  });

  it("counts meetings per year and per type", async () => {
    expect((await query(COUNTS, { by: "YEAR" })).meetingCounts).toEqual([
      { key: "2017", label: "2017", count: 2, year: 2017, type: null, country: null, topic: null },
    ]);
    expect((await query(COUNTS, { by: "TYPE" })).meetingCounts).toEqual([
      { key: "CONSULTATIONS", label: "Consultations", count: 1, year: null, type: "CONSULTATIONS", country: null, topic: null },
      { key: "RECEPTION", label: "Reception", count: 1, year: null, type: "RECEPTION", country: null, topic: null },
    ]);
  });

  it("counts only the meetings matching a filter", async () => {
    const counts = (by: string, filter: string) => query(`{ meetingCounts(by: ${by}, filter: ${filter}) { key count } }`);
    expect((await counts("COUNTRY", "{ type: { equals: RECEPTION } }")).meetingCounts).toEqual([
      { key: "KZ", count: 1 },
      { key: "LT", count: 1 },
    ]);
    // The reception's discussions are not recorded: no topic to count.
    expect((await counts("TOPIC", "{ type: { equals: RECEPTION } }")).meetingCounts).toEqual([]);
    expect((await counts("TYPE", '{ title: { contains: "consultations" } }')).meetingCounts).toEqual([{ key: "CONSULTATIONS", count: 1 }]);
    expect((await counts("YEAR", '{ date: { gte: "2018-01-01" } }')).meetingCounts).toEqual([]);
    expect((await counts("YEAR", '{ delegations: { some: { country: { code: { equals: "lt" } } } } }')).meetingCounts).toEqual([
      { key: "2017", count: 2 },
    ]);
  });

  it("rejects an unknown grouping and an impossible filter", async () => {
    const inverted = await graphql(`{ meetingCounts(by: YEAR, filter: { date: { gte: "2018-01-01", lte: "2017-01-01" } }) { key } }`);
    expect(inverted.errors?.map((error) => error.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
    const { errors } = await graphql(COUNTS, { by: "PLACE" });
    expect(errors?.[0]?.message).toMatch(/PLACE/);
  });
});

const nested = `{
  byCountry: meetingCounts(by: COUNTRY) { count country { name people(first: 3) { edges { node { name } } } } }
  byTopic: meetingCounts(by: TOPIC) { count topic { name parent { name } } }
  byYear: meetingCounts(by: YEAR) { year count }
  byType: meetingCounts(by: TYPE) { type count }
}`;

describe("on a synthetic dataset", () => {
  let synthetic: IsolatedServer;
  beforeAll(async () => {
    synthetic = await startSyntheticServer(40);
  });
  afterAll(async () => {
    await synthetic?.dispose();
  });

  it("costs as many SQL statements as on the seed", async () => {
    // SQLite: country groups, countries, their people; topic groups, topics, their parents; years;
    // types. PostgreSQL joins each group's rows with their relations.
    const onSeed = await logStatements(() => query(nested));
    expect(onSeed.statements).toHaveLength(onThisEngine({ sqlite: 8, postgres: 6 }));
    const onSynthetic = await synthetic.logStatements(() => synthetic.query(nested));
    expect(onSynthetic.result.byCountry.length).toBeGreaterThan(10);
    expect(onSynthetic.statements).toHaveLength(onThisEngine({ sqlite: 8, postgres: 6 }));
  });

  it("agrees with counting the meetings one by one", async () => {
    const meetings = await synthetic.db.meeting.findMany({ include: { delegations: { include: { country: true } }, discussions: true } });
    const tally = (keys: string[]) => {
      const counts = new Map<string, number>();
      for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
      return counts;
    };
    const asMap = (groups: Group[]) => new Map(pairs(groups) as [string, number][]);
    const count = async (by: string) => (await synthetic.query(COUNTS, { by })).meetingCounts as Group[];

    const byCountry = await count("COUNTRY");
    expect(asMap(byCountry)).toEqual(tally(meetings.flatMap((meeting) => meeting.delegations.map((delegation) => delegation.country.code))));
    expect(asMap(await count("TOPIC"))).toEqual(tally(meetings.flatMap((meeting) => meeting.discussions.map((discussion) => discussion.topicId))));
    const byYear = await count("YEAR");
    expect(asMap(byYear)).toEqual(tally(meetings.map((meeting) => String(meeting.date.getUTCFullYear()))));
    expect(asMap(await count("TYPE"))).toEqual(tally(meetings.map((meeting) => meeting.type)));

    const counts = byCountry.map((group) => group.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const years = byYear.map((group) => Number(group.key));
    expect(years).toEqual([...years].sort((a, b) => a - b));
  });
});
