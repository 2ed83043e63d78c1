// Provenance: the sources Parley's facts come from, and the excerpts that support each fact.
import { builder } from "./builder.js";
import { db } from "../db/client.js";
import type { Prisma } from "../generated/prisma/client.js";
import { byColumn, defineFilter, defineOrder, filteredList, lazyList, type Filter } from "./filtering.js";
import { MeetingFilter, MeetingOrder } from "./meeting.js";

const SourceFilter: Filter<Prisma.SourceWhereInput> = defineFilter("SourceFilter", "Conditions on sources.", () => ({
  title: { kind: "text", column: "titleKey", description: "The title." },
  publishedOn: { kind: "date", column: "publishedOn", description: "When it was published." },
  meetings: { kind: "many", relation: "meetings", filter: () => MeetingFilter, description: "The meetings it reports on." },
}));

const SourceOrder = defineOrder<Prisma.SourceOrderByWithRelationInput>(
  "Source",
  {
    PUBLISHED_ON: { description: "When it was published.", orderBy: byColumn("publishedOn") },
    TITLE: { description: "Its title.", orderBy: byColumn("titleKey") },
  },
  [{ publishedOn: "desc" }],
);
const sourceList = lazyList(() => filteredList(SourceFilter, SourceOrder));

builder.prismaNode("Source", {
  id: { field: "id" },
  nullable: true,
  description: "A document Parley's facts come from, such as a news article.",
  fields: (t) => ({
    slug: t.exposeString("id", { description: "Stable, human-readable key of the source." }),
    title: t.exposeString("title", { description: "Title of the source (composed from its lead when it prints none; see `note`)." }),
    publisher: t.exposeString("publisher", { description: "Who published it, as the source names itself." }),
    kind: t.exposeString("kind", { description: 'What kind of document it is, e.g. "news article".' }),
    publishedOn: t.expose("publishedOn", { type: "Date", description: "Publication date as printed on the source." }),
    language: t.exposeString("language", { description: "Language of the source, as an ISO 639-1 code." }),
    informant: t.relation("informant", {
      nullable: true,
      description: 'Who the publisher got the story from ("BC learned in the Embassy of …"), when the source says.',
    }),
    note: t.exposeString("note", { nullable: true, description: "What a reader should know about the source: missing headline, inconsistent dates." }),
    evidence: t.relation("evidence", {
      description: "Every excerpt of this source that supports a fact.",
      query: { orderBy: { id: "asc" } },
    }),
    meetings: t.relatedConnection("meetings", {
      cursor: "id",
      totalCount: true,
      description: "Meetings this source reports on.",
      ...filteredList(MeetingFilter, MeetingOrder),
    }),
  }),
});

builder.prismaNode("Evidence", {
  id: { field: "id" },
  nullable: true,
  description:
    "A short excerpt (at most one sentence) of a source that supports one or more facts. Ask `evidence` of any fact to see where it comes from.",
  fields: (t) => ({
    key: t.exposeString("id", { description: "Stable key of the excerpt within the dataset." }),
    excerpt: t.exposeString("excerpt", { description: "The supporting words, quoted from the source." }),
    source: t.relation("source", { description: "The source quoted." }),
    meetings: t.relation("meetings", { description: "Meetings this excerpt supports." }),
    people: t.relation("people", { description: "People this excerpt supports." }),
    organizations: t.relation("organizations", { description: "Organisations this excerpt supports." }),
    countries: t.relation("countries", { description: "Countries this excerpt supports." }),
    discussions: t.relation("discussions", { description: "Discussions this excerpt supports." }),
    outcomes: t.relation("outcomes", { description: "Outcomes this excerpt supports." }),
    quotes: t.relation("quotes", { description: "Quotes this excerpt supports." }),
    tradeRecords: t.relation("tradeRecords", { description: "Trade records this excerpt supports." }),
    figures: t.relation("figures", { description: "Figures this excerpt supports." }),
    referencedEvents: t.relation("referencedEvents", { description: "Referenced events this excerpt supports." }),
  }),
});

builder.queryField("sources", (t) =>
  t.prismaConnection({
    type: "Source",
    cursor: "id",
    description: "Sources, newest first unless `orderBy` says otherwise.",
    args: sourceList().args,
    totalCount: (_connection, args) => db.source.count({ where: sourceList().query(args).where }),
    resolve: (query, _root, args) => db.source.findMany({ ...query, ...sourceList().query(args) }),
  }),
);
