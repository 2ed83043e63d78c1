// Nested pages cut per parent in SQL (src/db/nested-pages.ts). On both engines the loader's pages
// must be Prisma's own, row for row, for every shape a connection sends: one parent or many, cursors
// and skip in both directions, filters, ties and NULLs in the order, empty pages; what it cannot say
// exactly goes to Prisma unchanged. On SQLite, where the server uses it, the GraphiQL default query
// then reads the same trade records however many a country has.
import { createRequire } from "node:module";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "../src/generated/prisma/client.js";
import { PrismaClient as PostgresPrismaClient } from "../src/generated/postgres/client.js";
import { DEFAULT_QUERY } from "../src/graphiql/default-query.js";
import { loadPages, pagingPerParent, planPage, type Dialect } from "../src/db/nested-pages.js";
import { sqliteUrl } from "../src/db/url.js";
import { synthesize } from "../scripts/synth/synthesize.js";
import { startIsolatedServer, type IsolatedServer } from "./helpers/isolated-server.js";
import { joinsRelations } from "./helpers/statement-counts.js";
import { createTempDb } from "./helpers/temp-db.js";
import { tradeRecordGrowth } from "./helpers/trade-growth.js";

const dialect: Dialect = joinsRelations ? "postgresql" : "sqlite";

type Row = Record<string, unknown>;
type Delegate = { findMany(args: unknown): Promise<Row[]> };

let temp: Awaited<ReturnType<typeof createTempDb>>;
/** Prisma alone, without the loader: the reference. */
let plain: PrismaClient;
let countries: string[];
/** The country with the most trade records. */
let rich: string;
let meetings: string[];

const delegate = (client: object, model: string) => (client as Record<string, Delegate>)[model.charAt(0).toLowerCase() + model.slice(1)]!;

/** The loader's pages of `model.field` for `parents` equal Prisma's, called directly and through the wrapped client. */
async function expectPrismaPages(model: string, field: string, args: Row, parents: string[]): Promise<number> {
  const plan = planPage(model, field, args, dialect);
  expect(plan, "the loader handles this shape").toBeDefined();
  const query = { where: { id: { in: parents } }, orderBy: { id: "asc" }, select: { id: true, [field]: args } };
  const expected = await delegate(plain, model).findMany(query);
  const pages = await loadPages(plain as never, plan!, parents, dialect);
  for (const parent of expected) expect(pages.get(parent.id as string)).toEqual(parent[field]);
  expect(await delegate(pagingPerParent(plain, dialect), model).findMany(query)).toEqual(expected);
  return expected.reduce((sum, parent) => sum + (parent[field] as unknown[]).length, 0);
}

const byPeriod = [{ periodStart: "asc" }, { periodEnd: "asc" }, { id: "asc" }];
const tradeSelect = { id: true, flow: true, value: true, periodStart: true, partner: { select: { name: true } } };

describe("nested pages read per parent", () => {
  beforeAll(async () => {
    temp = await createTempDb();
    await synthesize(temp.db, { meetings: 60, seed: 1 });
    const kz = await temp.db.country.findUniqueOrThrow({ where: { code: "KZ" } });
    const lt = await temp.db.country.findUniqueOrThrow({ where: { code: "LT" } });
    const reporters = await temp.db.tradeRecord.groupBy({ by: ["reporterId"], _count: { id: true }, orderBy: { _count: { id: "desc" } }, take: 1 });
    rich = reporters[0]!.reporterId;
    // Ties on every order column but the id, and figures without a period (NULL in the order).
    const tie = { reporterId: rich, partnerId: lt.id, flow: "EXPORT" as const, periodStart: new Date("2016-01-01"), periodEnd: new Date("2016-12-31") };
    await temp.db.tradeRecord.createMany({
      data: ["tie-c", "tie-a", "tie-e", "tie-b", "tie-d"].map((id) => ({
        ...tie,
        id,
        periodPrecision: "YEAR" as const,
        periodInferred: false,
        value: 1_000,
        currency: "USD",
        approximate: id === "tie-b",
      })),
    });
    await temp.db.figure.createMany({
      data: ["fig-c", "fig-a", "fig-d", "fig-b", "fig-e"].map((id, index) => ({
        id,
        label: "students",
        value: index,
        unit: "people",
        approximate: false,
        periodInferred: false,
        reporterId: kz.id,
        periodStart: index % 2 === 0 ? null : new Date(`201${index}-01-01`),
      })),
    });
    plain = joinsRelations
      ? (new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: temp.url }) }) as unknown as PrismaClient)
      : new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: sqliteUrl(temp.url) }) });
    countries = (await plain.country.findMany({ select: { id: true } })).map((country) => country.id);
    meetings = (await plain.meeting.findMany({ select: { id: true }, orderBy: { id: "asc" }, take: 40 })).map((meeting) => meeting.id);
  }, 120_000);
  afterAll(async () => {
    await plain?.$disconnect();
    await temp?.dispose();
  });

  it("for one parent and for many", async () => {
    expect(await expectPrismaPages("Country", "reportedTradeRecords", { take: 11, orderBy: byPeriod, select: tradeSelect }, [rich])).toBe(11);
    expect(await expectPrismaPages("Country", "reportedTradeRecords", { take: 11, skip: 0, orderBy: byPeriod, where: {}, select: tradeSelect }, countries)).toBeGreaterThan(11);
    expect(await expectPrismaPages("Country", "reportedTradeRecords", { take: 3, orderBy: [{ value: "desc" }, { id: "asc" }] }, countries)).toBeGreaterThan(3);
    expect(await expectPrismaPages("Meeting", "participants", { take: 11, orderBy: [{ role: "desc" }, { id: "asc" }], include: { person: true } }, meetings)).toBeGreaterThan(11);
  });

  it("from a cursor, forwards and backwards, with and without skip", async () => {
    const records = await plain.tradeRecord.findMany({ where: { reporterId: rich }, orderBy: byPeriod as never });
    expect(records.length).toBeGreaterThan(12);
    for (const cursorRow of [records[0]!, records[6]!, records.at(-1)!, records.find((record) => record.id === "tie-c")!]) {
      const cursor = { id: cursorRow.id };
      for (const [take, skip] of [[11, 1], [11, 0], [-11, 1], [-4, 0], [3, 2]] as const) {
        await expectPrismaPages("Country", "reportedTradeRecords", { take, skip, cursor, orderBy: byPeriod, select: tradeSelect }, countries);
        await expectPrismaPages("Country", "reportedTradeRecords", { take, skip, cursor, orderBy: [{ flow: "desc" }, { value: "asc" }, { id: "desc" }] }, [rich, "lt"]);
      }
    }
    expect(await expectPrismaPages("Country", "reportedTradeRecords", { take: -5, orderBy: byPeriod }, [rich])).toBe(5);
  });

  it("with ties and NULLs in the order", async () => {
    const byValue = [{ value: "asc" }, { periodStart: "desc" }, { id: "asc" }];
    for (const cursor of [undefined, { id: "tie-a" }, { id: "tie-d" }]) {
      await expectPrismaPages("Country", "reportedTradeRecords", { take: 4, skip: cursor ? 1 : 0, cursor, orderBy: byValue, where: { value: 1_000 } }, [rich]);
      await expectPrismaPages("Country", "reportedTradeRecords", { take: -3, skip: 1, cursor, orderBy: [{ periodStart: "asc" }, { id: "desc" }] }, [rich]);
    }
    for (const direction of ["asc", "desc"]) {
      for (const cursor of [undefined, { id: "fig-a" }, { id: "fig-b" }, { id: "fig-e" }]) {
        for (const take of [2, -2, 5]) {
          const args = { take, skip: cursor ? 1 : 0, cursor, orderBy: [{ periodStart: direction }, { id: "asc" }] };
          await expectPrismaPages("Country", "reportedFigures", args, ["kz", "lt"]);
        }
      }
    }
  });

  it("with filters", async () => {
    const filters: Row[] = [
      { flow: "EXPORT" },
      { flow: { in: ["IMPORT", "TURNOVER"] } },
      { value: { gte: 1_000, lt: 1e12 } },
      { periodStart: { gte: new Date("2016-01-01") } },
      { periodEnd: { lte: new Date("2019-12-31T00:00:00.000Z") } },
      { OR: [{ flow: "IMPORT" }, { approximate: true }] },
      { NOT: { flow: "TURNOVER" } },
      { AND: [{ approximate: false }, { meetingId: { not: null } }] },
      { meetingId: null },
      { periodNote: { equals: null } },
    ];
    for (const where of filters) {
      await expectPrismaPages("Country", "reportedTradeRecords", { take: 11, orderBy: byPeriod, where, select: tradeSelect }, countries);
      // The cursor row must pass the filter too: tie-b is the one approximate record.
      await expectPrismaPages("Country", "reportedTradeRecords", { take: 11, skip: 1, cursor: { id: "tie-b" }, orderBy: byPeriod, where }, [rich]);
    }
  });

  it("empty: nothing matches, no children, take 0, a cursor of another parent", async () => {
    expect(await expectPrismaPages("Country", "reportedTradeRecords", { take: 11, orderBy: byPeriod, where: { flow: { in: [] } } }, countries)).toBe(0);
    expect(await expectPrismaPages("Country", "reportedTradeRecords", { take: 0, orderBy: byPeriod }, [rich])).toBe(0);
    expect(await expectPrismaPages("Country", "reportedTradeRecords", { take: 11, orderBy: byPeriod }, ["no-such-country"])).toBe(0);
    expect(await expectPrismaPages("Country", "reportedTradeRecords", { take: 11, orderBy: byPeriod }, [])).toBe(0);
    const others = await plain.tradeRecord.findFirstOrThrow({ where: { reporterId: { not: rich } } });
    expect(await expectPrismaPages("Country", "reportedTradeRecords", { take: 11, skip: 1, cursor: { id: others.id }, orderBy: byPeriod }, [rich])).toBe(0);
    expect(await expectPrismaPages("Country", "reportedTradeRecords", { take: 11, cursor: { id: "no-such-record" }, orderBy: byPeriod }, [rich])).toBe(0);
  });

  it("nested in one another, with what is selected under them", async () => {
    const args = {
      take: 6,
      orderBy: [{ side: "desc" }, { id: "asc" }],
      select: {
        side: true,
        country: { select: { name: true, reportedTradeRecords: { take: 2, orderBy: byPeriod, select: tradeSelect } } },
        head: {
          select: {
            name: true,
            tenures: { take: 4, orderBy: [{ attestedOn: "desc" }, { id: "asc" }], select: { id: true, post: { select: { label: true } } } },
            aliases: { orderBy: { id: "asc" } },
          },
        },
        participants: { take: 3, orderBy: [{ role: "desc" }, { id: "asc" }], include: { person: { select: { name: true } } } },
        evidence: { select: { excerpt: true }, orderBy: { id: "asc" } },
        _count: { select: { participants: true } },
      },
    };
    expect(await expectPrismaPages("Meeting", "delegations", args, meetings)).toBeGreaterThan(meetings.length);
    const rows = await pagingPerParent(plain, dialect).meeting.findUnique({ where: { id: meetings[0]! }, include: { delegations: args as never } });
    expect(rows).toEqual(await plain.meeting.findUnique({ where: { id: meetings[0]! }, include: { delegations: args as never } }));
  });

  it("leave to Prisma what they cannot say exactly", async () => {
    const unhandled: [string, string, Row][] = [
      ["Country", "delegations", { take: 5, orderBy: [{ meeting: { date: "desc" } }, { id: "asc" }] }],
      ["Meeting", "delegations", { take: 5, orderBy: { participants: { _count: "desc" } } }],
      ["Country", "reportedTradeRecords", { take: 5, orderBy: [{ periodStart: "asc" }] }],
      ["Country", "reportedTradeRecords", { take: 5, orderBy: byPeriod, where: { currency: { contains: "US" } } }],
      ["Country", "reportedTradeRecords", { take: 5, orderBy: byPeriod, where: { partner: { is: { code: "LT" } } } }],
      ["Country", "reportedTradeRecords", { take: 5, orderBy: byPeriod, distinct: ["flow"] }],
      ["Country", "reportedTradeRecords", { orderBy: byPeriod }],
      ["Meeting", "sources", { take: 5, orderBy: { id: "asc" } }],
    ];
    for (const [model, field, args] of unhandled) {
      expect(planPage(model, field, args, dialect), `${model}.${field} ${JSON.stringify(args)}`).toBeUndefined();
      const query = {
        where: { id: { in: model === "Country" ? countries : meetings } },
        orderBy: { id: "asc" },
        select: { id: true, [field]: args },
        // A page ordered through a relation is one PostgreSQL's joined statement cannot read (src/db/join-strategy.ts).
        ...(joinsRelations ? { relationLoadStrategy: "query" } : {}),
      };
      expect(await delegate(pagingPerParent(plain, dialect), model).findMany(query)).toEqual(await delegate(plain, model).findMany(query));
    }
  });
});

// SQLite only: PostgreSQL cuts the pages in its one joined statement (test/postgres-rows-read.test.ts).
describe.skipIf(joinsRelations)("rows read by the GraphiQL default query on SQLite", () => {
  let server: IsolatedServer;
  beforeAll(async () => {
    server = await startIsolatedServer((db) => synthesize(db, { meetings: 60, seed: 1 }));
  }, 120_000);
  afterAll(async () => server?.dispose());

  /** The default query, and the trade records its statements returned, each re-run as sent. */
  async function defaultQueryReads() {
    const Database = createRequire(import.meta.url)("better-sqlite3") as typeof import("better-sqlite3");
    const sqlite = new Database(server.url.slice("file:".length), { readonly: true });
    const sent: { query: string; params: string }[] = [];
    const listener = (event: { query: string; params: string }) => sent.push(event);
    server.serverDb.$on("query", listener);
    const result = await server.graphql(DEFAULT_QUERY);
    const bound = (value: unknown) => {
      const plainValue = value && typeof value === "object" && "prisma__value" in value ? (value as { prisma__value: unknown }).prisma__value : value;
      return typeof plainValue === "boolean" ? Number(plainValue) : plainValue;
    };
    let tradeRows = 0;
    const plans: string[] = [];
    for (const statement of sent.filter((each) => /FROM [`"](main[`"]\.[`"])?TradeRecord[`"]/.test(each.query))) {
      const values = (JSON.parse(statement.params) as unknown[]).map(bound);
      tradeRows += sqlite.prepare(statement.query).all(...values).length;
      plans.push(...sqlite.prepare(`EXPLAIN QUERY PLAN ${statement.query}`).all(...values).map((row) => (row as { detail: string }).detail));
    }
    sqlite.close();
    return { result, statements: sent.length, tradeRows, plans };
  }

  it("stay the same when one parent's children grow tenfold, then a hundredfold", async () => {
    const { records, grow } = await tradeRecordGrowth(server.db, "KZ");
    expect(records.length).toBeGreaterThan(0);
    await grow(0, 10 * records.length);
    const before = await defaultQueryReads();
    await grow(10 * records.length, 100 * records.length);
    const after = await defaultQueryReads();
    expect(after.result.data).toEqual(before.result.data);
    expect(after.statements).toBe(before.statements);
    // One page of 10, and the row that says whether there is a next one, per head's country.
    expect(before.tradeRows).toBeLessThanOrEqual(2 * 11);
    expect(after.tradeRows).toBe(before.tradeRows);
    // Each country's records read in page order from the index, up to the LIMIT: no sort of them all.
    expect(after.plans).toContain("SEARCH c USING COVERING INDEX TradeRecord_reporterId_periodStart_periodEnd_id_idx (reporterId=?)");
  });
});
