// Delegations (one per side of a meeting) and the people who took part.
import { builder } from "../builder.js";
import { describedEnum } from "./enum-type.js";

const DelegationSide = describedEnum("DelegationSide", "Which side of a meeting a delegation is on.", {
  HOST: "The side receiving the other.",
  GUEST: "The visiting side.",
});

const ParticipantRole = describedEnum("ParticipantRole", "The part a person played at a meeting.", {
  HEAD_OF_DELEGATION: "Headed their side's delegation.",
  DELEGATION_MEMBER: "A member of a delegation.",
});

builder.prismaNode("Delegation", {
  id: { field: "id" },
  nullable: true,
  description: "One side's delegation at a meeting: its country, ministry, head and members.",
  fields: (t) => ({
    side: t.expose("side", { type: DelegationSide, description: "Host or guest." }),
    sideIsInferred: t.exposeBoolean("sideInferred", { description: "True when the source does not say which side hosted." }),
    meeting: t.relation("meeting", { description: "The meeting." }),
    country: t.relation("country", { description: "The country the delegation represents." }),
    organization: t.relation("organization", { nullable: true, description: "The body that sent it, e.g. a foreign ministry." }),
    head: t.relation("head", { nullable: true, description: "Who headed the delegation; see `headIsInferred`." }),
    headIsInferred: t.exposeBoolean("headInferred", { description: "True when the source does not name the head for this meeting." }),
    note: t.exposeString("note", { nullable: true, description: "What was inferred about the delegation, and why." }),
    participants: t.relatedConnection("participants", {
      cursor: "id",
      totalCount: true,
      description: "Its members, head first.",
      query: { orderBy: [{ role: "desc" }, { id: "asc" }] },
    }),
    evidence: t.relation("evidence", { description: "Excerpts that support the delegation's facts.", query: { orderBy: { id: "asc" } } }),
  }),
});

builder.prismaNode("Participant", {
  id: { field: "id" },
  nullable: true,
  description: "A person's part in a meeting.",
  fields: (t) => ({
    role: t.expose("role", { type: ParticipantRole, description: "The part they played." }),
    isInferred: t.exposeBoolean("inferred", { description: "True when the source does not state this participation outright." }),
    note: t.exposeString("note", { nullable: true, description: "Why the participation was inferred, when it was." }),
    person: t.relation("person", { description: "Who took part." }),
    meeting: t.relation("meeting", { description: "The meeting." }),
    delegation: t.relation("delegation", { nullable: true, description: "The delegation they belonged to." }),
    evidence: t.relation("evidence", { description: "Excerpts that support the participation.", query: { orderBy: { id: "asc" } } }),
  }),
});
