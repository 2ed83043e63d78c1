// Posts (positions within organisations) and the tenures of the people who hold them.
import { builder } from "./builder.js";
import type { Prisma } from "../generated/prisma/client.js";
import { byColumn, defineFilter, defineOrder, filteredList, type Filter } from "./filtering.js";
import { CountryFilter } from "./country.js";
import { MeetingFilter } from "./meeting.js";
import { OrganizationFilter } from "./organization.js";
import { PersonFilter } from "./person.js";

export const PostFilter: Filter<Prisma.PostWhereInput> = defineFilter("PostFilter", "Conditions on posts.", () => ({
  label: { kind: "text", column: "labelKey", description: 'Full title, e.g. "deputy minister of foreign affairs".' },
  organization: { kind: "one", relation: "organization", filter: () => OrganizationFilter, description: "The organisation it belongs to." },
  country: { kind: "one", relation: "country", foreignKey: "countryId", filter: () => CountryFilter, description: "The country it serves." },
}));

/**
 * Tenures known to be held on `day`. A tenure with a start date runs from it to its end date (or
 * on, when it has none); one without dates is known only on the day the source shows it
 * (`attestedOn`), so it matches that day and no other.
 */
export function tenureActiveOn(day: Date): Prisma.TenureWhereInput {
  return {
    AND: [
      { OR: [{ startDate: { lte: day } }, { startDate: null, attestedOn: { lte: day } }] },
      { OR: [{ endDate: { gte: day } }, { endDate: null, startDate: { not: null } }, { endDate: null, attestedOn: { gte: day } }] },
    ],
  };
}

export const TenureFilter: Filter<Prisma.TenureWhereInput> = defineFilter("TenureFilter", "Conditions on tenures (a person holding a post).", () => ({
  activeAt: {
    kind: "custom",
    type: "Date",
    description: "The post was held on this day (see `Person.posts(activeAt:)` for how undated tenures count).",
    where: (day: Date) => tenureActiveOn(day),
  },
  post: { kind: "one", relation: "post", filter: () => PostFilter, description: "The post held." },
  person: { kind: "one", relation: "person", filter: () => PersonFilter, description: "Who held it." },
  startDate: { kind: "date", column: "startDate", description: "When it began." },
  endDate: { kind: "date", column: "endDate", description: "When it ended." },
  attestedOn: { kind: "date", column: "attestedOn", description: "A day the source shows the person in the post." },
  attestedAt: {
    kind: "one",
    relation: "attestedMeeting",
    foreignKey: "attestedMeetingId",
    filter: () => MeetingFilter,
    description: "The meeting at which the source shows the person in the post.",
  },
}));

export const TenureOrder = defineOrder<Prisma.TenureOrderByWithRelationInput>(
  "Tenure",
  {
    ATTESTED_ON: { description: "The day the source shows the person in the post.", orderBy: byColumn("attestedOn") },
    POST_LABEL: { description: "The post's title.", orderBy: (direction) => ({ post: { labelKey: direction } }) },
    PERSON_NAME: { description: "The holder's name.", orderBy: (direction) => ({ person: { nameKey: direction } }) },
  },
  [{ attestedOn: "desc" }],
);

builder.prismaNode("Post", {
  id: { field: "id" },
  nullable: true,
  description: "A position within an organisation, such as a country's Deputy Minister of Foreign Affairs (Popolo's Post).",
  fields: (t) => ({
    slug: t.exposeString("id", { description: "Stable, human-readable key of the post." }),
    label: t.exposeString("label", { description: "Full title, including the country." }),
    role: t.exposeString("role", { description: "The role alone, without the country." }),
    organization: t.relation("organization", { description: "The organisation the post belongs to." }),
    country: t.relation("country", { nullable: true, description: "The country the post serves." }),
    holders: t.relatedConnection("tenures", {
      cursor: "id",
      totalCount: true,
      description: "Who held the post, most recently attested first.",
      ...filteredList(TenureFilter, TenureOrder),
    }),
    quotes: t.relation("quotes", { description: "Quotes spoken by holders of this post in that capacity.", query: { orderBy: { id: "asc" } } }),
    evidence: t.relation("evidence", { description: "Excerpts that name the post.", query: { orderBy: { id: "asc" } } }),
  }),
});

builder.prismaNode("Tenure", {
  id: { field: "id" },
  nullable: true,
  description:
    "A person holding a post (Popolo's Membership). Sources rarely give start or end dates; `attestedOn` is the date the source shows the person in the post.",
  fields: (t) => ({
    person: t.relation("person", { description: "Who held the post." }),
    post: t.relation("post", { description: "The post held." }),
    startDate: t.expose("startDate", { type: "Date", nullable: true, description: "When the tenure began; null when the source does not say." }),
    endDate: t.expose("endDate", { type: "Date", nullable: true, description: "When it ended; null when ongoing or unknown." }),
    attestedOn: t.expose("attestedOn", { type: "Date", description: "A date on which the source shows the person in this post." }),
    attestedAt: t.relation("attestedMeeting", { nullable: true, description: "The meeting at which the person is shown in this post." }),
    note: t.exposeString("note", { nullable: true, description: 'What is known of the dates, e.g. "as of the meeting".' }),
    evidence: t.relation("evidence", { description: "Excerpts that show the person in the post.", query: { orderBy: { id: "asc" } } }),
  }),
});
