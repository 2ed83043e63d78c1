// What meetings produced: agreements, plans, matters under study, scheduled meetings.
import { builder } from "./builder.js";
import { describedEnum } from "./enum-type.js";
import { PartialDate, partialDate } from "./dates.js";
import type { Prisma } from "../generated/prisma/client.js";
import { byColumn, defineFilter, type Filter, defineOrder } from "./filtering.js";
import { MeetingFilter } from "./meeting.js";
import { TopicFilter } from "./topic.js";
import { CountryFilter } from "./country.js";
import { OrganizationFilter } from "./organization.js";

const OutcomeStatus = describedEnum("OutcomeStatus", "How far an outcome has got.", {
  AGREED: "The parties agreed to do it.",
  PLANNED: "The parties intend to do it.",
  SCHEDULED: "It is scheduled for a date.",
  UNDER_STUDY: "It is being studied or considered.",
  ACHIEVED: "It has been done.",
});

export const OutcomeFilter: Filter<Prisma.OutcomeWhereInput> = defineFilter("OutcomeFilter", "Conditions on outcomes.", () => ({
  status: { kind: "enum", enum: "OutcomeStatus", column: "status", description: "How far it has got." },
  dueDate: { kind: "date", column: "dueDate", description: "When it is due (first day of its month or year when only that is known)." },
  topic: { kind: "one", relation: "topic", foreignKey: "topicId", filter: () => TopicFilter, description: "Its topic." },
  meeting: { kind: "one", relation: "meeting", filter: () => MeetingFilter, description: "The meeting that produced it." },
  parties: { kind: "many", relation: "parties", filter: () => OutcomePartyFilter, description: "Its parties." },
}));

const OutcomePartyFilter: Filter<Prisma.OutcomePartyWhereInput> = defineFilter("OutcomePartyFilter", "Conditions on an outcome's parties.", () => ({
  country: { kind: "one", relation: "country", foreignKey: "countryId", filter: () => CountryFilter, description: "The party, when a country." },
  organization: {
    kind: "one",
    relation: "organization",
    foreignKey: "organizationId",
    filter: () => OrganizationFilter,
    description: "The party, when an organisation.",
  },
}));

export const OutcomeOrder = defineOrder<Prisma.OutcomeOrderByWithRelationInput>(
  "Outcome",
  {
    STATUS: { description: "Its status, alphabetically.", orderBy: byColumn("status") },
    MEETING_DATE: { description: "The date of the meeting that produced it.", orderBy: (direction) => ({ meeting: { date: direction } }) },
  },
  [],
);

builder.prismaNode("Outcome", {
  id: { field: "id" },
  nullable: true,
  description: "A commitment or plan that came out of a meeting, with the parties to it and its status.",
  fields: (t) => ({
    slug: t.exposeString("id", { description: "Stable, human-readable key of the outcome." }),
    description: t.exposeString("description", { description: "What was agreed or planned." }),
    status: t.expose("status", { type: OutcomeStatus, description: "How far it has got." }),
    due: t.field({
      type: PartialDate,
      nullable: true,
      description: 'When it is due ("early next year" is a year), when the source says.',
      resolve: (outcome) => partialDate(outcome.dueDate, outcome.duePrecision, outcome.dueInferred, outcome.dueNote),
    }),
    meeting: t.relation("meeting", { description: "The meeting it came out of." }),
    topic: t.relation("topic", { nullable: true, description: "The topic it belongs to." }),
    parties: t.relation("parties", { description: "Countries and organisations party to it.", query: { orderBy: { id: "asc" } } }),
    evidence: t.relation("evidence", { description: "Excerpts that support it.", query: { orderBy: { id: "asc" } } }),
  }),
});

builder.prismaObject("OutcomeParty", {
  description: "A party to an outcome: a country or an organisation.",
  fields: (t) => ({
    outcome: t.relation("outcome", { description: "The outcome." }),
    country: t.relation("country", { nullable: true, description: "The country, when the party is a country." }),
    organization: t.relation("organization", { nullable: true, description: "The organisation, when the party is one." }),
  }),
});
