// Bilateral trade figures in UN Comtrade's shape: reporter, partner, flow, period, value.
import { builder } from "../builder.js";
import { db } from "../db.js";
import { describedEnum } from "./enum-type.js";
import { Period, period } from "./dates.js";

const TradeFlow = describedEnum("TradeFlow", "Which direction of trade a record measures.", {
  TURNOVER: "Exports and imports together (trade volume).",
  EXPORT: "Exports from the reporter to the partner.",
  IMPORT: "Imports into the reporter from the partner.",
});

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

builder.queryField("tradeRecords", (t) =>
  t.prismaConnection({
    type: "TradeRecord",
    cursor: "id",
    description: "All trade records, by period.",
    totalCount: () => db.tradeRecord.count(),
    resolve: (query) =>
      db.tradeRecord.findMany({ ...query, orderBy: [{ periodStart: "asc" }, { periodEnd: "asc" }, { id: "asc" }] }),
  }),
);
