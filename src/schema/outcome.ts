// What meetings produced: agreements, plans, matters under study, scheduled meetings.
import { builder } from "../builder.js";
import { describedEnum } from "./enum-type.js";
import { PartialDate, partialDate } from "./dates.js";

const OutcomeStatus = describedEnum("OutcomeStatus", "How far an outcome has got.", {
  AGREED: "The parties agreed to do it.",
  PLANNED: "The parties intend to do it.",
  SCHEDULED: "It is scheduled for a date.",
  UNDER_STUDY: "It is being studied or considered.",
  ACHIEVED: "It has been done.",
});

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
