// Events a source mentions in connection with a meeting (summits, agreements, launches).
import { builder } from "./builder.js";
import { describedEnum } from "./enum-type.js";
import { PartialDate, partialDate } from "./dates.js";
import type { Prisma } from "../generated/prisma/client.js";
import { defineFilter, defineOrder, type Filter } from "./filtering.js";

const ReferencedEventFilter: Filter<Prisma.ReferencedEventWhereInput> = defineFilter(
  "ReferencedEventFilter",
  "Conditions on referenced events.",
  () => ({
    name: { kind: "text", column: "nameKey", description: "Its name." },
    kind: { kind: "enum", enum: "ReferencedEventKind", column: "kind", description: "What kind of event it is." },
    date: { kind: "date", column: "date", description: "When it happened." },
  }),
);

export const MeetingReferenceFilter: Filter<Prisma.MeetingReferenceWhereInput> = defineFilter(
  "MeetingReferenceFilter",
  "Conditions on a meeting's references to other events.",
  () => ({ event: { kind: "one", relation: "event", filter: () => ReferencedEventFilter, description: "The event referred to." } }),
);

export const MeetingReferenceOrder = defineOrder<Prisma.MeetingReferenceOrderByWithRelationInput>(
  "MeetingReference",
  { EVENT_NAME: { description: "The event's name.", orderBy: (direction) => ({ event: { nameKey: direction } }) } },
  [],
);

const ReferencedEventKind = describedEnum("ReferencedEventKind", "What kind of event is referenced.", {
  SUMMIT: "A summit of heads of state or government.",
  EXHIBITION: "An international exhibition.",
  AGREEMENT_SIGNING: "The signing of an agreement.",
  AGREEMENT_RATIFICATION: "The ratification of an agreement.",
  ELECTION: "An election, e.g. to a UN body.",
  SERVICE_LAUNCH: "The launch of a transport or other service.",
  ROUTE_OPENING: "The opening of a transport route.",
  INSTITUTION_OPENING: "The opening of an institution.",
  COMMEMORATIVE_VISIT: "A visit to a memorial or burial site.",
});

builder.prismaNode("ReferencedEvent", {
  id: { field: "id" },
  nullable: true,
  description: "An event mentioned in connection with a meeting without being the meeting itself.",
  fields: (t) => ({
    slug: t.exposeString("id", { description: "Stable, human-readable key of the event." }),
    name: t.exposeString("name", { description: "Name of the event." }),
    kind: t.expose("kind", { type: ReferencedEventKind, description: "What kind of event it is." }),
    description: t.exposeString("description", { description: "What the source says of it." }),
    date: t.field({
      type: PartialDate,
      nullable: true,
      description: "When it happened, when the source says or it can be inferred.",
      resolve: (event) => partialDate(event.date, event.datePrecision, event.dateInferred, event.dateNote),
    }),
    place: t.relation("place", { nullable: true, description: "Where it happened." }),
    organization: t.relation("organization", { nullable: true, description: "The organisation behind it." }),
    references: t.relation("references", { description: "Meetings that mention it, and in what context.", query: { orderBy: { id: "asc" } } }),
    evidence: t.relation("evidence", { description: "Excerpts that mention it.", query: { orderBy: { id: "asc" } } }),
  }),
});

builder.prismaObject("MeetingReference", {
  description: "A meeting's mention of another event, and the context in which it came up.",
  fields: (t) => ({
    context: t.exposeString("context", { description: "Why the event came up." }),
    meeting: t.relation("meeting", { description: "The meeting." }),
    event: t.relation("event", { description: "The event mentioned." }),
    evidence: t.relation("evidence", { description: "Excerpts that mention it.", query: { orderBy: { id: "asc" } } }),
  }),
});
