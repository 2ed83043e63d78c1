// Bilateral trade figures in UN Comtrade's shape: reporter, partner, flow, period, value.
import { builder } from "./builder.js";
import { db } from "../db/client.js";
import { describedEnum } from "./enum-type.js";
import { Period, period } from "./dates.js";
import type { Prisma } from "../generated/prisma/client.js";
import { byColumn, defineFilter, defineOrder, filteredList, lazyList, type Filter } from "./filtering.js";
import { CountryFilter } from "./country.js";
import { MeetingFilter } from "./meeting.js";

const TradeFlow = describedEnum("TradeFlow", "Which direction of trade a record measures.", {
  TURNOVER: "Exports and imports together (trade volume).",
  EXPORT: "Exports from the reporter to the partner.",
  IMPORT: "Imports into the reporter from the partner.",
});

export const TradeRecordFilter: Filter<Prisma.TradeRecordWhereInput> = defineFilter(
  "TradeRecordFilter",
  "Conditions on trade records.",
  () => ({
    reporter: { kind: "one", relation: "reporter", filter: () => CountryFilter, description: "Whose statistics." },
    partner: { kind: "one", relation: "partner", filter: () => CountryFilter, description: "The partner country." },
    flow: { kind: "enum", enum: "TradeFlow", column: "flow", description: "What it measures." },
    periodStart: { kind: "date", column: "periodStart", description: "First day of the period." },
    periodEnd: { kind: "date", column: "periodEnd", description: "Last day of the period." },
    value: { kind: "number", column: "value", description: "The amount." },
    currency: { kind: "text", column: "currency", fold: (code) => code.toUpperCase(), description: "ISO 4217 currency code (any case)." },
    isApproximate: { kind: "boolean", column: "approximate", description: "Whether the source gives it as approximate." },
    meeting: { kind: "one", relation: "meeting", foreignKey: "meetingId", filter: () => MeetingFilter, description: "Where it was stated." },
  }),
);

export const TradeRecordOrder = defineOrder<Prisma.TradeRecordOrderByWithRelationInput>(
  "TradeRecord",
  {
    PERIOD_START: { description: "First day of the period.", orderBy: byColumn("periodStart") },
    PERIOD_END: { description: "Last day of the period.", orderBy: byColumn("periodEnd") },
    VALUE: { description: "The amount.", orderBy: byColumn("value") },
    FLOW: { description: "The flow, alphabetically.", orderBy: byColumn("flow") },
  },
  [{ periodStart: "asc" }, { periodEnd: "asc" }],
);

export const FigureFilter: Filter<Prisma.FigureWhereInput> = defineFilter("FigureFilter", "Conditions on figures.", () => ({
  value: { kind: "number", column: "value", description: "The number." },
  isApproximate: { kind: "boolean", column: "approximate", description: "Whether the source hedges it." },
  reporter: { kind: "one", relation: "reporter", foreignKey: "reporterId", filter: () => CountryFilter, description: "Whose figure it is." },
}));

export const FigureOrder = defineOrder<Prisma.FigureOrderByWithRelationInput>(
  "Figure",
  { VALUE: { description: "The number.", orderBy: byColumn("value") } },
  [],
);

builder.prismaNode("TradeRecord", {
  id: { field: "id" },
  nullable: true,
  description:
    "One trade figure as one country's statistics report it. Records of different periods or reporters are never summed: a partial period is not part of the year's figure.",
  fields: (t) => ({
    reporter: t.relation("reporter", { description: 'Whose statistics the figure comes from ("according to Kazakhstan\'s data").' }),
    partner: t.relation("partner", { description: "The partner country." }),
    flow: t.expose("flow", { type: TradeFlow, description: "What the figure measures." }),
    period: t.field({
      type: Period,
      description: 'The period covered: a full year, or part of one ("January–August 2017").',
      resolve: (record) => period(record)!,
    }),
    value: t.exposeFloat("value", { description: "The amount, in whole units of `currency`." }),
    currency: t.exposeString("currency", { description: "ISO 4217 currency code." }),
    isApproximate: t.exposeBoolean("approximate", { description: "True when the source gives the value as approximate." }),
    meeting: t.relation("meeting", { nullable: true, description: "The meeting at which the figure was stated." }),
    evidence: t.relation("evidence", { description: "Excerpts that state the figure.", query: { orderBy: { id: "asc" } } }),
  }),
});

builder.prismaNode("Figure", {
  id: { field: "id" },
  nullable: true,
  description: "Any other number a source states (students a year, graduates, a ranking), with its unit and period.",
  fields: (t) => ({
    slug: t.exposeString("id", { description: "Stable, human-readable key of the figure." }),
    label: t.exposeString("label", { description: "What is counted." }),
    value: t.exposeFloat("value", { description: "The number." }),
    unit: t.exposeString("unit", { description: 'Unit of the number, e.g. "students per year", "rank".' }),
    isApproximate: t.exposeBoolean("approximate", { description: 'True when the source hedges the number ("about").' }),
    qualifier: t.exposeString("qualifier", { nullable: true, description: 'The source\'s own hedge or bound, e.g. "about", "within the top 10".' }),
    period: t.field({
      type: Period,
      nullable: true,
      description: "The period the number covers, when it has one.",
      resolve: (figure) => period(figure),
    }),
    reporter: t.relation("reporter", { nullable: true, description: 'Whose figure it is ("according to the Lithuanian side").' }),
    meeting: t.relation("meeting", { nullable: true, description: "The meeting at which it was stated." }),
    evidence: t.relation("evidence", { description: "Excerpts that state the number.", query: { orderBy: { id: "asc" } } }),
  }),
});

const tradeRecordList = lazyList(() => filteredList(TradeRecordFilter, TradeRecordOrder));

builder.queryField("tradeRecords", (t) =>
  t.prismaConnection({
    type: "TradeRecord",
    cursor: "id",
    description: "Trade records, by period unless `orderBy` says otherwise.",
    args: tradeRecordList().args,
    totalCount: (_connection, args) => db.tradeRecord.count({ where: tradeRecordList().query(args).where }),
    resolve: (query, _root, args) => db.tradeRecord.findMany({ ...query, ...tradeRecordList().query(args) }),
  }),
);
