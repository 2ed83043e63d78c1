// Delegations (one per side of a meeting) and the people who took part.
import { builder } from "./builder.js";
import type { Prisma } from "../generated/prisma/client.js";
import { describedEnum } from "./enum-type.js";
import { byColumn, defineFilter, type Filter, defineOrder, filteredList } from "./filtering.js";
import { CountryFilter } from "./country.js";
import { MeetingFilter } from "./meeting.js";
import { OrganizationFilter } from "./organization.js";
import { PersonFilter } from "./person.js";

const DelegationSide = describedEnum("DelegationSide", "Which side of a meeting a delegation is on.", {
  HOST: "The side receiving the other.",
  GUEST: "The visiting side.",
});

const ParticipantRole = describedEnum("ParticipantRole", "The part a person played at a meeting.", {
  HEAD_OF_DELEGATION: "Headed their side's delegation.",
  DELEGATION_MEMBER: "A member of a delegation.",
});

export const DelegationFilter: Filter<Prisma.DelegationWhereInput> = defineFilter("DelegationFilter", "Conditions on delegations.", () => ({
  side: { kind: "enum", enum: "DelegationSide", column: "side", description: "Which side it was on." },
  country: { kind: "one", relation: "country", filter: () => CountryFilter, description: "The country it represented." },
  organization: {
    kind: "one",
    relation: "organization",
    foreignKey: "organizationId",
    filter: () => OrganizationFilter,
    description: "The organisation it came from.",
  },
  head: { kind: "one", relation: "head", foreignKey: "headId", filter: () => PersonFilter, description: "Who headed it." },
  headIsInferred: { kind: "boolean", column: "headInferred", description: "Whether its head was inferred." },
  meeting: { kind: "one", relation: "meeting", filter: () => MeetingFilter, description: "The meeting." },
  participants: { kind: "many", relation: "participants", filter: () => ParticipantFilter, description: "Its members." },
}));

export const DelegationOrder = defineOrder<Prisma.DelegationOrderByWithRelationInput>(
  "Delegation",
  {
    SIDE: { description: "Its side (GUEST before HOST).", orderBy: byColumn("side") },
    MEETING_DATE: { description: "The date of its meeting.", orderBy: (direction) => ({ meeting: { date: direction } }) },
    PARTICIPANT_COUNT: { description: "How many members it had.", orderBy: (direction) => ({ participants: { _count: direction } }) },
  },
  [{ meeting: { date: "desc" } }],
);

export const ParticipantFilter: Filter<Prisma.ParticipantWhereInput> = defineFilter("ParticipantFilter", "Conditions on participants.", () => ({
  role: { kind: "enum", enum: "ParticipantRole", column: "role", description: "The part they played." },
  isInferred: { kind: "boolean", column: "inferred", description: "Whether their participation was inferred." },
  person: { kind: "one", relation: "person", filter: () => PersonFilter, description: "Who took part." },
  delegation: {
    kind: "one",
    relation: "delegation",
    foreignKey: "delegationId",
    filter: () => DelegationFilter,
    description: "The delegation they belonged to.",
  },
  meeting: { kind: "one", relation: "meeting", filter: () => MeetingFilter, description: "The meeting." },
}));

export const ParticipantOrder = defineOrder<Prisma.ParticipantOrderByWithRelationInput>(
  "Participant",
  {
    ROLE: { description: "Their role (DELEGATION_MEMBER before HEAD_OF_DELEGATION).", orderBy: byColumn("role") },
    MEETING_DATE: { description: "The date of the meeting.", orderBy: (direction) => ({ meeting: { date: direction } }) },
  },
  [{ meeting: { date: "desc" } }],
);

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
      ...filteredList(ParticipantFilter, ParticipantOrder, [{ role: "desc" }]),
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
