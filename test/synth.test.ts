// The synthetic data generator (scripts/synth), run in-process on a database of the test's own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma, PrismaClient } from "../src/generated/prisma/client.js";
import { engineOf, modelTable, withBulkCreateMany } from "../scripts/synth/bulk-insert.js";
import { asciiFold } from "../scripts/synth/names.js";
import { synthesize, type SynthSummary } from "../scripts/synth/synthesize.js";
import { createTempDb } from "./helpers/temp-db.js";

const MEETINGS = 50;
const synthetic = { id: { startsWith: "syn-" } };
const byId = { id: "asc" } as const;

async function snapshot(db: PrismaClient) {
  return {
    meetings: await db.meeting.findMany({ where: synthetic, orderBy: byId }),
    delegations: await db.delegation.findMany({ where: synthetic, orderBy: byId }),
    participants: await db.participant.findMany({ where: synthetic, orderBy: byId }),
    people: await db.person.findMany({ where: synthetic, orderBy: byId }),
    tenures: await db.tenure.findMany({ where: synthetic, orderBy: byId }),
    tradeRecords: await db.tradeRecord.findMany({ where: synthetic, orderBy: byId }),
  };
}

let temp: Awaited<ReturnType<typeof createTempDb>>;
let summary: SynthSummary;
let seedOne: Awaited<ReturnType<typeof snapshot>>;
let seedTwo: Awaited<ReturnType<typeof snapshot>>;
let seedOneAgain: Awaited<ReturnType<typeof snapshot>>;

beforeAll(async () => {
  temp = await createTempDb();
  // The temporary database starts empty, so the first run also loads the real seed.
  summary = await synthesize(temp.db, { meetings: MEETINGS, seed: 1 });
  seedOne = await snapshot(temp.db);
  await synthesize(temp.db, { meetings: MEETINGS, seed: 2 });
  seedTwo = await snapshot(temp.db);
  await synthesize(temp.db, { meetings: MEETINGS, seed: 1 });
  seedOneAgain = await snapshot(temp.db);
});

afterAll(async () => {
  await temp.dispose();
});

describe("npm run synth", () => {
  it("scales people and trade records with the number of meetings", async () => {
    const { db } = temp;
    expect(await db.meeting.count({ where: synthetic })).toBe(MEETINGS);
    expect(await db.delegation.count({ where: synthetic })).toBe(2 * MEETINGS);
    expect(await db.person.count({ where: synthetic })).toBe(2.5 * MEETINGS);
    expect(await db.tradeRecord.count({ where: synthetic })).toBe(10 * MEETINGS);
    expect(await db.tenure.count({ where: synthetic })).toBe(2.5 * MEETINGS);
    expect(summary.rows).toMatchObject({ meetings: MEETINGS, delegations: 2 * MEETINGS, tradeRecords: 10 * MEETINGS });
    // Every ISO 3166-1 country: the seed's five plus the synthetic rest.
    expect(await db.country.count()).toBe(250);
    const participants = await db.participant.count({ where: synthetic });
    expect(participants).toBeGreaterThanOrEqual(2 * MEETINGS);
    expect(participants).toBeLessThanOrEqual(8 * MEETINGS);
  });

  it("writes the same rows for the same seed and different rows for another", () => {
    expect(seedOneAgain).toEqual(seedOne);
    expect(seedTwo.meetings).not.toEqual(seedOne.meetings);
    expect(seedTwo.tradeRecords).not.toEqual(seedOne.tradeRecords);
  });

  it("leaves the real article's rows in place", async () => {
    const { db } = temp;
    const meeting = await db.meeting.findUnique({
      where: { id: "kazakhstan-lithuania-foreign-ministry-consultations" },
      include: { delegations: true, sources: true },
    });
    expect(meeting?.delegations.map((delegation) => delegation.headId).sort()).toEqual(["darius-skusevicius", "roman-vassilenko"]);
    expect(meeting?.sources.map((source) => source.id)).toEqual(["bc-2017-09-11-kazakhstan-lithuania-consultations"]);
    expect(await db.tradeRecord.findUnique({ where: { id: "kz-lt-turnover-2017" } })).toMatchObject({ value: 722000000 });
    expect(await db.meeting.count({ where: { NOT: synthetic } })).toBe(2);
  });

  it("heads each delegation with someone of its country, in office on the day, who also took part", async () => {
    const delegations = await temp.db.delegation.findMany({
      where: { ...synthetic, headId: { not: null } },
      include: { meeting: true, head: { include: { tenures: { include: { post: true } } } } },
    });
    expect(delegations.length).toBeGreaterThan(MEETINGS);
    for (const delegation of delegations) {
      expect(delegation.head?.countryId).toBe(delegation.countryId);
      const inOffice = delegation.head?.tenures.some(
        (tenure) =>
          tenure.post.countryId === delegation.countryId
          && (tenure.startDate as Date) <= delegation.meeting.date
          && (tenure.endDate === null || tenure.endDate >= delegation.meeting.date),
      );
      expect(inOffice, `${delegation.id}: head not in office`).toBe(true);
    }
    const heads = await temp.db.participant.count({ where: { ...synthetic, role: "HEAD_OF_DELEGATION" } });
    expect(heads).toBe(delegations.length);
  });

  it("dates tenures, with the attested day inside the term", () => {
    for (const tenure of seedOne.tenures) {
      expect(tenure.startDate).not.toBeNull();
      expect(tenure.attestedOn >= (tenure.startDate as Date)).toBe(true);
      if (tenure.endDate) expect(tenure.attestedOn <= tenure.endDate).toBe(true);
    }
  });

  it("never records a country's trade with itself, nor one period twice, and periods never end before they start", async () => {
    for (const record of seedOne.tradeRecords) {
      expect(record.reporterId).not.toBe(record.partnerId);
      expect(record.periodEnd >= record.periodStart).toBe(true);
    }
    const flows = new Set(seedOne.tradeRecords.map((record) => record.flow));
    expect(flows).toEqual(new Set(["TURNOVER", "EXPORT", "IMPORT"]));
    // Real and synthetic figures together: one value per reporter, partner, flow and period.
    const all = await temp.db.tradeRecord.findMany();
    const keys = all.map((r) => `${r.reporterId} ${r.partnerId} ${r.flow} ${r.periodStart.toISOString()} ${r.periodEnd.toISOString()}`);
    expect(new Set(keys).size).toBe(all.length);
  });

  it("gives every person a short form, and a diacritic-free spelling when the name has diacritics", async () => {
    const people = await temp.db.person.findMany({ where: synthetic, include: { aliases: true } });
    for (const person of people) {
      const kinds = person.aliases.map((alias) => alias.kind).sort();
      expect(kinds).toEqual(asciiFold(person.name) === person.name ? ["ABBREVIATION"] : ["ABBREVIATION", "ASCII_FOLDING"]);
    }
  });

  it("links every synthetic meeting to the synthetic source", async () => {
    const source = await temp.db.source.findUnique({ where: { id: "syn-source" }, include: { _count: { select: { meetings: true } } } });
    expect(source).toMatchObject({ kind: "synthetic", publisher: "Parley synthetic data generator", _count: { meetings: MEETINGS } });
  });
});

describe("the bulk insert synth writes with", () => {
  // Every kind of value the schema has: DateTime with milliseconds, enums, booleans, integers,
  // nulls, text that JSON must escape, and doubles Prisma rounds to 16 digits (a tie among them),
  // or keeps whole (a 64-bit integer).
  const FLOATS = [0.1 + 0.2, 1 / 3, 517363329421703.25, 1260999320318133.5, 2 ** 62 + 2 ** 10, 1.2345678901234568e21, 5e-324];
  const ids = { meeting: "bulk-test-meeting", document: "bulk-test-meeting:MEETING:SUMMARY" };
  async function write(tx: Prisma.TransactionClient) {
    await tx.meeting.createMany({
      data: [{
        id: ids.meeting, title: "Bulk \"test\"", titleKey: "bulk test", type: "CONSULTATIONS", cameoCode: "040",
        date: new Date("2019-03-04T05:06:07.089Z"), datePrecision: "DAY", dateInferred: true, placeInferred: false,
        summary: "Škoda \\ line\nbreak, 😀 and \u0001", dateNote: null,
      }],
    });
    await tx.tradeRecord.createMany({
      data: FLOATS.map((value, index) => ({
        id: `bulk-test-trade-${index}`, reporterId: "kz", partnerId: "lt", flow: "EXPORT", periodStart: new Date("2016-01-01T00:00:00.000Z"),
        periodEnd: new Date("2016-12-31T23:59:59.999Z"), periodPrecision: "YEAR", periodInferred: false, value, currency: "USD",
        approximate: true, meetingId: ids.meeting,
      })),
    });
    await tx.searchDocument.createMany({ data: [{ id: ids.document, entityType: "MEETING", entityId: ids.meeting, field: "SUMMARY", text: "Škoda" }] });
    await tx.searchTerm.createMany({
      data: [{ documentId: ids.document, position: 0, word: "skoda", entityType: "MEETING", entityId: ids.meeting, field: "SUMMARY", wordCount: 1 }],
    });
  }

  /** The rows as the database holds them: SQLite's storage class and literal, PostgreSQL's text. */
  async function stored(db: PrismaClient) {
    const postgres = engineOf(db) === "postgres";
    const tables = { Meeting: "id", TradeRecord: "id", SearchDocument: "id", SearchTerm: "documentId" } as const;
    const rows: Record<string, unknown[]> = {};
    for (const [table, key] of Object.entries(tables)) {
      const columns = [...modelTable(table as Prisma.ModelName).columns.keys()];
      const select = columns.map((column) => (postgres ? `"${column}"::text AS "${column}"` : `typeof("${column}") || ':' || quote("${column}") AS "${column}"`));
      rows[table] = await db.$queryRawUnsafe(`SELECT ${select.join(", ")} FROM "${table}" WHERE "${key}" LIKE 'bulk-test-%' ORDER BY "${key}"`);
    }
    return rows;
  }

  async function remove(db: PrismaClient) {
    await db.searchTerm.deleteMany({ where: { documentId: ids.document } });
    await db.searchDocument.deleteMany({ where: { id: ids.document } });
    await db.tradeRecord.deleteMany({ where: { id: { startsWith: "bulk-test-" } } });
    await db.meeting.deleteMany({ where: { id: ids.meeting } });
  }

  it("stores every value exactly as Prisma's createMany does", async () => {
    const { db } = temp;
    await db.$transaction((tx) => write(tx));
    const byPrisma = await stored(db);
    await remove(db);
    await db.$transaction((tx) => write(withBulkCreateMany(tx, engineOf(db))));
    const byBulkInsert = await stored(db);
    await remove(db);
    expect(Object.values(byPrisma).map((rows) => rows.length)).toEqual([1, FLOATS.length, 1, 1]);
    expect(byBulkInsert).toEqual(byPrisma);
  });
});
