import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDataset, SeedError, type Dataset } from "../seed/dataset.js";
import { seed } from "../seed/load.js";
import { createTempDb } from "./helpers/temp-db.js";

let temp: Awaited<ReturnType<typeof createTempDb>>;
let db: (typeof temp)["db"];

/** Every row of every table, as plain data, to compare whole databases. */
async function snapshot() {
  return {
    sources: await db.source.findMany({ orderBy: { id: "asc" } }),
    evidence: await db.evidence.findMany({ orderBy: { id: "asc" }, include: { meetings: { select: { id: true } } } }),
    countries: await db.country.findMany({ orderBy: { id: "asc" }, include: { demonyms: true } }),
    organizations: await db.organization.findMany({ orderBy: { id: "asc" } }),
    people: await db.person.findMany({ orderBy: { id: "asc" }, include: { aliases: true, tenures: true } }),
    meetings: await db.meeting.findMany({
      orderBy: { id: "asc" },
      include: { delegations: true, participants: true, discussions: true, outcomes: { include: { parties: true } }, quotes: true, references: true, relationsFrom: true },
    }),
    topics: await db.topic.findMany({ orderBy: { id: "asc" } }),
    tradeRecords: await db.tradeRecord.findMany({ orderBy: { id: "asc" } }),
    figures: await db.figure.findMany({ orderBy: { id: "asc" } }),
    events: await db.referencedEvent.findMany({ orderBy: { id: "asc" } }),
  };
}

const withChange = (change: (dataset: Dataset) => void): Dataset => {
  const dataset = readDataset();
  change(dataset);
  return dataset;
};

describe("the seed loader", () => {
  beforeAll(async () => {
    temp = await createTempDb();
    db = temp.db;
    await seed(db);
  });
  afterAll(() => temp.dispose());

  it("loads every fact of the article", async () => {
    const counts = {
      people: await db.person.count(),
      organizations: await db.organization.count(),
      countries: await db.country.count(),
      meetings: await db.meeting.count(),
      discussions: await db.discussion.count(),
      outcomes: await db.outcome.count(),
      quotes: await db.quote.count(),
      tradeRecords: await db.tradeRecord.count(),
      figures: await db.figure.count(),
      referencedEvents: await db.referencedEvent.count(),
      topics: await db.topic.count(),
      evidence: await db.evidence.count(),
    };
    expect(counts).toEqual({
      people: 3, organizations: 15, countries: 5, meetings: 2, discussions: 32, outcomes: 8, quotes: 2,
      tradeRecords: 2, figures: 4, referencedEvents: 9, topics: 34, evidence: 34,
    });
  });

  it("is idempotent: loading twice leaves exactly the same rows", async () => {
    const before = await snapshot();
    await seed(db);
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    [
      "a dangling reference",
      (d: Dataset) => { d.meetings[0]!.delegations[0]!.head = "nobody-at-all"; },
      'meetings[kazakhstan-lithuania-foreign-ministry-consultations].delegations[0].head: unknown person "nobody-at-all"',
    ],
    [
      "a duplicate slug",
      (d: Dataset) => { d.people.push({ ...d.people[0]! }); },
      'people[roman-vassilenko]: duplicate id "roman-vassilenko"',
    ],
    [
      "an unknown evidence excerpt",
      (d: Dataset) => { d.tradeRecords[0]!.evidence.push("made-up"); },
      'tradeRecords[kz-lt-turnover-2017-jan-aug].evidence: unknown evidence "made-up"',
    ],
    [
      "an excerpt longer than a sentence",
      (d: Dataset) => { d.evidence[1]!.excerpt += " And another sentence."; },
      "evidence[lead-intent]: an excerpt is at most one sentence",
    ],
  ])("rejects %s, naming the record, and writes nothing", async (_case, change, message) => {
    const before = await snapshot();
    const load = seed(db, withChange(change));
    await expect(load).rejects.toThrow(SeedError);
    await expect(load).rejects.toThrow(message);
    expect(await snapshot()).toEqual(before);
  });

  it("rolls back everything when the database refuses a row half-way", async () => {
    const before = await snapshot();
    // Two countries with one ISO code pass validation (ids differ) but break a unique index.
    const dataset = withChange((d) => d.countries.push({ ...d.countries[0]!, id: "kz-again" }));
    await expect(seed(db, dataset)).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
  });
});
