// Trade between two countries as time series: one series per reporter, partner, flow and currency,
// each figure compared with the same stretch of the year before. Figures are never summed: a
// partial period is not part of its year's figure, and two reporters' statistics stay apart.
import type { EnumRef } from "@pothos/core";
import { getRefFromModel, queryFromInfo } from "@pothos/plugin-prisma";
import { GraphQLError } from "graphql";
import { builder } from "./builder.js";
import { db } from "../db/client.js";
import type { Country, TradeFlow, TradeRecord } from "../generated/prisma/client.js";
import { Period, period } from "./dates.js";

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

// trade-record.ts declares the TradeFlow enum without exporting its ref: refer to it by its name.
const TradeFlowEnum = "TradeFlow" as unknown as EnumRef<Types, TradeFlow>;
const CountryRef = getRefFromModel("Country", builder) as unknown as PothosSchemaTypes.ObjectRef<Types, Country>;
const TradeRecordRef = getRefFromModel("TradeRecord", builder) as unknown as PothosSchemaTypes.ObjectRef<Types, TradeRecord>;

interface TradeChangeShape {
  previous: TradeRecord;
  absolute: number;
  relative: number | null;
}

interface TradeSeriesPointShape {
  record: TradeRecord;
  change: TradeChangeShape | null;
}

interface TradeSeriesShape {
  reporter: Country;
  partner: Country;
  flow: TradeFlow;
  currency: string;
  points: TradeSeriesPointShape[];
}

const TradeChange = builder.objectRef<TradeChangeShape>("TradeChange").implement({
  description: "How a figure compares with the same period a year earlier, in the same reporter's statistics.",
  fields: (t) => ({
    previous: t.field({ type: TradeRecordRef, description: "The figure for the same period a year earlier.", resolve: (change) => change.previous }),
    absolute: t.exposeFloat("absolute", { description: "This figure minus the previous one, in the series' currency." }),
    relative: t.exposeFloat("relative", {
      nullable: true,
      description: "The change as a fraction of the previous figure (0.1 is 10 % up); null when the previous figure is zero.",
    }),
  }),
});

const TradeSeriesPoint = builder.objectRef<TradeSeriesPointShape>("TradeSeriesPoint").implement({
  description: "One figure of a trade series.",
  fields: (t) => ({
    record: t.field({ type: TradeRecordRef, description: "The trade record, with its source and evidence.", resolve: (point) => point.record }),
    period: t.field({ type: Period, description: "The period the figure covers.", resolve: (point) => period(point.record)! }),
    value: t.float({ description: "The figure, in the series' currency.", resolve: (point) => point.record.value }),
    change: t.field({
      type: TradeChange,
      nullable: true,
      description:
        "Change against the same period one year earlier (January–August against January–August, a year against a year), in the same series; null when the series has no figure for it.",
      resolve: (point) => point.change,
    }),
  }),
});

const TradeSeries = builder.objectRef<TradeSeriesShape>("TradeSeries").implement({
  description:
    "The figures one country's statistics (the reporter) give for one flow of trade with one partner, in one currency, by period.",
  fields: (t) => ({
    reporter: t.field({ type: CountryRef, description: "Whose statistics the figures come from.", resolve: (series) => series.reporter }),
    partner: t.field({ type: CountryRef, description: "The partner country.", resolve: (series) => series.partner }),
    flow: t.field({ type: TradeFlowEnum, description: "What the figures measure.", resolve: (series) => series.flow }),
    currency: t.exposeString("currency", { description: "ISO 4217 currency code of every figure in the series." }),
    points: t.field({
      type: [TradeSeriesPoint],
      description: "The figures, by period start and then end (a partial year before its full year).",
      resolve: (series) => series.points,
    }),
  }),
});

const COUNTRY_CODE = /^[A-Za-z]{2}$/;

function countryCode(value: string, argument: string): string {
  const code = value.trim();
  if (!COUNTRY_CODE.test(code)) {
    throw new GraphQLError(`\`${argument}\` must be an ISO 3166-1 alpha-2 country code such as "KZ"; got "${value}".`, {
      extensions: { code: "BAD_USER_INPUT" },
    });
  }
  return code.toUpperCase();
}

const DAY = 86_400_000;
const isLastDayOfMonth = (date: Date) => new Date(date.getTime() + DAY).getUTCDate() === 1;

/**
 * The same calendar position one year earlier: the same month and day, or the month's last day
 * for a period ending on one (so February 2016 ends on the 29th and February 2015 on the 28th).
 * Null for a 29 February start, which has no counterpart a year earlier.
 */
function yearEarlier(date: Date, end: boolean): number | null {
  const year = date.getUTCFullYear() - 1;
  const month = date.getUTCMonth();
  if (end && isLastDayOfMonth(date)) return Date.UTC(year, month + 1, 0);
  const earlier = Date.UTC(year, month, date.getUTCDate());
  return new Date(earlier).getUTCMonth() === month ? earlier : null;
}

const periodKey = (start: number, end: number) => `${start}/${end}`;

/** Groups records (ordered by period) into series and compares each with the year before. */
export function toSeries(records: TradeRecord[], countries: Map<string, Country>): TradeSeriesShape[] {
  const series = new Map<string, TradeSeriesShape & { byPeriod: Map<string, TradeRecord> }>();
  for (const record of records) {
    const key = [record.reporterId, record.partnerId, record.flow, record.currency].join(" ");
    let entry = series.get(key);
    if (!entry) {
      entry = {
        reporter: countries.get(record.reporterId)!,
        partner: countries.get(record.partnerId)!,
        flow: record.flow,
        currency: record.currency,
        points: [],
        byPeriod: new Map(),
      };
      series.set(key, entry);
    }
    const start = yearEarlier(record.periodStart, false);
    const end = yearEarlier(record.periodEnd, true);
    // Records arrive by period, so the year before is already indexed; of two figures for one
    // period (two sources disagreeing), the first by id is the one compared against.
    const previous = start === null || end === null ? undefined : entry.byPeriod.get(periodKey(start, end));
    const change = previous
      ? {
          previous,
          absolute: record.value - previous.value,
          relative: previous.value === 0 ? null : (record.value - previous.value) / previous.value,
        }
      : null;
    entry.points.push({ record, change });
    const own = periodKey(record.periodStart.getTime(), record.periodEnd.getTime());
    if (!entry.byPeriod.has(own)) entry.byPeriod.set(own, record);
  }
  const sortKey = (entry: TradeSeriesShape) => [entry.reporter.code, entry.partner.code, entry.flow, entry.currency].join(" ");
  return [...series.values()]
    .map(({ reporter, partner, flow, currency, points }) => ({ reporter, partner, flow, currency, points }))
    .sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
}

builder.queryField("tradeSeries", (t) =>
  t.field({
    type: [TradeSeries],
    description:
      "Trade between two countries as series: the records where either reports the other as partner, one series per reporter, partner, flow and currency. Empty when either code matches no country.",
    args: {
      between: t.arg.string({ required: true, description: 'ISO 3166-1 alpha-2 code of one country, any case, e.g. "KZ".' }),
      and: t.arg.string({ required: true, description: 'ISO 3166-1 alpha-2 code of the other country, any case, e.g. "lt".' }),
      flows: t.arg({
        type: [TradeFlowEnum],
        required: false,
        description: "Only these flows; every flow when omitted.",
      }),
    },
    resolve: async (_root, args, context, info) => {
      const one = countryCode(args.between, "between");
      const other = countryCode(args.and, "and");
      if (one === other) {
        throw new GraphQLError("`between` and `and` must name two different countries.", { extensions: { code: "BAD_USER_INPUT" } });
      }
      // The two countries first: they are the series' reporters and partners, and their ids let
      // the records be found through the reporter and partner indexes.
      const countries = await db.country.findMany({
        ...queryFromInfo({ context, info, typeName: "Country", paths: [["reporter"], ["partner"]], select: { id: true, code: true } }),
        where: { code: { in: [one, other] } },
      });
      if (countries.length < 2) return [];
      const [a, b] = countries.map((country) => country.id) as [string, string];
      const records = await db.tradeRecord.findMany({
        ...queryFromInfo({
          context,
          info,
          typeName: "TradeRecord",
          paths: [["points", "record"], ["points", "change", "previous"]],
          select: {
            id: true,
            reporterId: true,
            partnerId: true,
            flow: true,
            currency: true,
            value: true,
            periodStart: true,
            periodEnd: true,
            periodPrecision: true,
            periodInferred: true,
            periodNote: true,
          },
        }),
        where: {
          OR: [
            { reporterId: a, partnerId: b },
            { reporterId: b, partnerId: a },
          ],
          ...(args.flows ? { flow: { in: args.flows } } : {}),
        },
        orderBy: [{ periodStart: "asc" }, { periodEnd: "asc" }, { id: "asc" }],
      });
      return toSeries(records as TradeRecord[], new Map(countries.map((country) => [country.id, country as Country])));
    },
  }),
);
