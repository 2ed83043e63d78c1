import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient, TradeFlow } from "../src/generated/prisma/client.js";
import { seed } from "../seed/load.js";
import { graphql, query } from "./helpers/client.js";
import { startIsolatedServer, startSyntheticServer, type IsolatedServer } from "./helpers/isolated-server.js";
import { logStatements } from "./helpers/sql-log.js";
import { onThisEngine } from "./helpers/statement-counts.js";

const SERIES = `query Series($between: String!, $and: String!, $flows: [TradeFlow!]) {
  tradeSeries(between: $between, and: $and, flows: $flows) {
    reporter { code } partner { code } flow currency
    points {
      value period { label }
      record { slug: id meeting { title } }
      change { absolute relative previous { value period { label } } }
    }
  }
}`;

interface Point {
  value: number;
  period: { label: string };
  change: { absolute: number; relative: number | null; previous: { value: number; period: { label: string } } } | null;
}
interface Series {
  reporter: { code: string };
  partner: { code: string };
  flow: TradeFlow;
  currency: string;
  points: Point[];
}

/** A series as `reporter partner flow currency` and its points as `period: value (change against period)`. */
const summary = (series: Series[]) =>
  series.map((entry) => ({
    series: `${entry.reporter.code} ${entry.partner.code} ${entry.flow} ${entry.currency}`,
    points: entry.points.map(
      (point) =>
        `${point.period.label}: ${point.value}${point.change ? ` (${point.change.absolute >= 0 ? "+" : ""}${point.change.absolute} on ${point.change.previous.period.label})` : ""}`,
    ),
  }));

describe("tradeSeries on the seed", () => {
  it("gives Kazakhstan's two figures for trade with Lithuania, neither compared with the other", async () => {
    const { tradeSeries } = await query(SERIES, { between: "kz", and: "LT" });
    expect(summary(tradeSeries)).toEqual([
      { series: "KZ LT TURNOVER USD", points: ["January–August 2017: 527000000", "2017: 722000000"] },
    ]);
    expect(tradeSeries[0].points[0].record.meeting.title).toBe("Kazakh-Lithuanian consultations between the foreign ministries");
    // Either order of the two countries gives the same series.
    expect((await query(SERIES, { between: "LT", and: " kz " })).tradeSeries).toEqual(tradeSeries);
  });

  it("keeps only the flows asked for", async () => {
    expect((await query(SERIES, { between: "KZ", and: "LT", flows: ["EXPORT", "IMPORT"] })).tradeSeries).toEqual([]);
    expect((await query(SERIES, { between: "KZ", and: "LT", flows: ["TURNOVER"] })).tradeSeries).toHaveLength(1);
  });

  it("is empty for a code no country has, and rejects what is not a code", async () => {
    expect((await query(SERIES, { between: "KZ", and: "ZZ" })).tradeSeries).toEqual([]);
    for (const [between, and] of [["Kazakhstan", "LT"], ["KZ", "L"], ["KZ", "kz"], ["", "LT"]]) {
      const { errors, data } = await graphql(SERIES, { between, and });
      expect(errors?.map((error) => error.extensions?.code), `${between}/${and}`).toEqual(["BAD_USER_INPUT"]);
      expect(data).toBeNull();
    }
    const { errors } = await graphql(SERIES, { between: "KZ", and: "LT", flows: ["BARTER"] });
    expect(errors?.[0]?.message).toMatch(/BARTER/);
  });
});

// Figures the seed lacks, on a database of the test's own: the year before, other reporters,
// currencies and flows, a period of another length and a gap.
const day = (text: string) => new Date(`${text}T00:00:00.000Z`);
function tradeRecord(id: string, reporterId: string, flow: TradeFlow, start: string, end: string, value: number, currency = "USD") {
  return {
    id: `test-${id}`,
    reporterId,
    partnerId: reporterId === "kz" ? "lt" : "kz",
    flow,
    periodStart: day(start),
    periodEnd: day(end),
    periodPrecision: start.slice(5) === "01-01" && end.slice(5) === "12-31" ? ("YEAR" as const) : ("MONTH" as const),
    periodInferred: false,
    value,
    currency,
    approximate: false,
  };
}

async function fillWithComparablePeriods(db: PrismaClient) {
  await seed(db);
  await db.tradeRecord.createMany({
    data: [
      tradeRecord("kz-2014", "kz", "TURNOVER", "2014-01-01", "2014-12-31", 480e6),
      tradeRecord("kz-2016", "kz", "TURNOVER", "2016-01-01", "2016-12-31", 600e6),
      tradeRecord("kz-jan-aug-2016", "kz", "TURNOVER", "2016-01-01", "2016-08-31", 400e6),
      tradeRecord("kz-jan-jun-2016", "kz", "TURNOVER", "2016-01-01", "2016-06-30", 300e6),
      // February ends on the 29th in 2016 and on the 28th in 2017: still the same stretch.
      tradeRecord("kz-jan-feb-2016", "kz", "TURNOVER", "2016-01-01", "2016-02-29", 90e6),
      tradeRecord("kz-jan-feb-2017", "kz", "TURNOVER", "2017-01-01", "2017-02-28", 99e6),
      tradeRecord("kz-2016-eur", "kz", "TURNOVER", "2016-01-01", "2016-12-31", 550e6, "EUR"),
      tradeRecord("kz-export-2016", "kz", "EXPORT", "2016-01-01", "2016-12-31", 0),
      tradeRecord("kz-export-2017", "kz", "EXPORT", "2017-01-01", "2017-12-31", 25e6),
      tradeRecord("lt-2016", "lt", "TURNOVER", "2016-01-01", "2016-12-31", 650e6),
      tradeRecord("lt-2017", "lt", "TURNOVER", "2017-01-01", "2017-12-31", 700e6),
    ],
  });
}

describe("tradeSeries compares each figure with the same period a year earlier", () => {
  let server: IsolatedServer;
  beforeAll(async () => {
    server = await startIsolatedServer(fillWithComparablePeriods);
  });
  afterAll(async () => {
    await server?.dispose();
  });

  it("per reporter, flow and currency, never across them, and never a part of a year against a whole one", async () => {
    const { tradeSeries } = await server.query(SERIES, { between: "LT", and: "KZ" });
    expect(summary(tradeSeries)).toEqual([
      { series: "KZ LT EXPORT USD", points: ["2016: 0", "2017: 25000000 (+25000000 on 2016)"] },
      { series: "KZ LT TURNOVER EUR", points: ["2016: 550000000"] },
      {
        series: "KZ LT TURNOVER USD",
        points: [
          // No 2013, and 2015 is missing: a gap is not bridged.
          "2014: 480000000",
          "January–February 2016: 90000000",
          "January–June 2016: 300000000",
          "January–August 2016: 400000000",
          "2016: 600000000",
          "January–February 2017: 99000000 (+9000000 on January–February 2016)",
          "January–August 2017: 527000000 (+127000000 on January–August 2016)",
          "2017: 722000000 (+122000000 on 2016)",
        ],
      },
      { series: "LT KZ TURNOVER USD", points: ["2016: 650000000", "2017: 700000000 (+50000000 on 2016)"] },
    ]);
  });

  it("gives the relative change, null against a zero", async () => {
    const { tradeSeries } = await server.query(SERIES, { between: "KZ", and: "LT", flows: ["TURNOVER", "EXPORT"] });
    const [exports, , turnover] = tradeSeries as Series[];
    expect(exports!.points[1]!.change).toMatchObject({ absolute: 25e6, relative: null, previous: { value: 0 } });
    const year = turnover!.points.find((point) => point.period.label === "2017")!;
    expect(year.change!.relative).toBeCloseTo(122 / 600, 12);
  });
});

const costly = (between: string, and: string) => `{ tradeSeries(between: "${between}", and: "${and}") {
  reporter { name } partner { name } flow
  points { value record { meeting { title } } change { absolute previous { reporter { name } } } }
} }`;

describe("the cost of tradeSeries", () => {
  let synthetic: IsolatedServer;
  beforeAll(async () => {
    synthetic = await startSyntheticServer(40);
  });
  afterAll(async () => {
    await synthetic?.dispose();
  });

  it("is a fixed number of SQL statements, on the seed and on many more records", async () => {
    // SQLite: countries, trade records, their meetings, the previous records' reporters;
    // PostgreSQL: countries, then trade records joined with the rest.
    const onSeed = await logStatements(() => query(costly("KZ", "LT")));
    expect(onSeed.statements).toHaveLength(onThisEngine({ sqlite: 4, postgres: 2 }));
    // The synthetic pair with the most records.
    const [busiest] = await synthetic.db.tradeRecord.groupBy({
      by: ["reporterId", "partnerId"],
      _count: { _all: true },
      orderBy: [{ _count: { id: "desc" } }, { reporterId: "asc" }, { partnerId: "asc" }],
      take: 1,
    });
    const codes = await synthetic.db.country.findMany({ where: { id: { in: [busiest!.reporterId, busiest!.partnerId] } } });
    const onSynthetic = await synthetic.logStatements(() => synthetic.query(costly(codes[0]!.code, codes[1]!.code)));
    const points = onSynthetic.result.tradeSeries.flatMap((series: { points: unknown[] }) => series.points);
    expect(points.length).toBeGreaterThan(busiest!._count._all - 1);
    expect(onSynthetic.statements).toHaveLength(onThisEngine({ sqlite: 4, postgres: 2 }));
  });

  it("only ever compares a figure with the same reporter's, flow's and currency's, one year earlier", async () => {
    const records = await synthetic.db.tradeRecord.findMany({ include: { reporter: true, partner: true } });
    const pairs = new Set(records.map((record) => [record.reporter.code, record.partner.code].sort().join(" ")));
    let changes = 0;
    for (const pair of [...pairs].slice(0, 30)) {
      const [between, and] = pair.split(" ");
      const { tradeSeries } = await synthetic.query(`{ tradeSeries(between: "${between}", and: "${and}") {
        reporter { code } flow currency
        points { record { reporter { code } flow currency } period { start end } change { previous { reporter { code } flow currency period { start end } } } }
      } }`);
      for (const series of tradeSeries) {
        for (const point of series.points) {
          expect(point.record).toEqual({ reporter: series.reporter, flow: series.flow, currency: series.currency });
          if (!point.change) continue;
          changes += 1;
          const { previous } = point.change;
          expect({ reporter: previous.reporter, flow: previous.flow, currency: previous.currency }).toEqual(point.record);
          const yearBefore = (date: string) => `${Number(date.slice(0, 4)) - 1}${date.slice(4)}`;
          expect(previous.period.start).toBe(yearBefore(point.period.start));
          expect(previous.period.end.slice(0, 7)).toBe(yearBefore(point.period.end).slice(0, 7));
        }
      }
    }
    expect(changes).toBeGreaterThan(0);
  });
});
