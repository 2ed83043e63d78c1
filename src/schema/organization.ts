// Organisations: ministries, embassies, international bodies, banks, movements.
import { builder } from "./builder.js";
import { db } from "../db/client.js";
import { describedEnum } from "./enum-type.js";
import type { Prisma } from "../generated/prisma/client.js";
import { byColumn, defineFilter, defineOrder, filteredList, lazyList, type Filter } from "./filtering.js";
import { CountryFilter } from "./country.js";
import { DelegationFilter, DelegationOrder } from "./delegation.js";
import { PostFilter } from "./post.js";

const OrganizationKind = describedEnum("OrganizationKind", "What kind of organisation it is.", {
  MINISTRY: "A government ministry.",
  EMBASSY: "A diplomatic mission in another country.",
  INTERGOVERNMENTAL_ORGANIZATION: "An organisation of states, such as the UN or the OSCE.",
  INTERGOVERNMENTAL_BODY: "An organ within an intergovernmental organisation, such as the UN Security Council.",
  SUPRANATIONAL_UNION: "A union of states with common institutions, such as the EU.",
  INTERGOVERNMENTAL_COMMISSION: "A standing commission of two or more governments.",
  FINANCIAL_CENTRE: "A financial centre with its own jurisdiction, such as the AIFC.",
  CENTRAL_BANK: "A country's central bank.",
  YOUTH_MOVEMENT: "A youth movement.",
  YOUTH_ORGANIZATION: "A youth organisation.",
  PUBLIC_ASSEMBLY: "A consultative public assembly.",
  NEWS_MEDIA: "A news publisher.",
});

export const OrganizationFilter: Filter<Prisma.OrganizationWhereInput> = defineFilter(
  "OrganizationFilter",
  "Conditions on organisations.",
  () => ({
    slug: { kind: "text", column: "id", description: "The stable key (`slug`)." },
    name: { kind: "text", column: "nameKey", description: "Name." },
    kind: { kind: "enum", enum: "OrganizationKind", column: "kind", description: "What kind of organisation it is." },
    country: { kind: "one", relation: "country", foreignKey: "countryId", filter: () => CountryFilter, description: "Its country." },
    parent: {
      kind: "one",
      relation: "parent",
      foreignKey: "parentId",
      filter: () => OrganizationFilter,
      description: "The organisation it is part of.",
    },
    posts: { kind: "many", relation: "posts", filter: () => PostFilter, description: "Posts within it." },
    delegations: { kind: "many", relation: "delegations", filter: () => DelegationFilter, description: "Delegations it sent." },
  }),
);

export const OrganizationOrder = defineOrder<Prisma.OrganizationOrderByWithRelationInput>(
  "Organization",
  {
    NAME: { description: "Its name.", orderBy: byColumn("nameKey") },
    KIND: { description: "Its kind, alphabetically.", orderBy: byColumn("kind") },
    DELEGATION_COUNT: { description: "How many delegations it sent.", orderBy: (direction) => ({ delegations: { _count: direction } }) },
  },
  [{ nameKey: "asc" }],
);

builder.prismaNode("Organization", {
  id: { field: "id" },
  nullable: true,
  description: "An organisation named by a source, with its kind, country and parent body.",
  fields: (t) => ({
    slug: t.exposeString("id", { description: "Stable, human-readable key; use it with `organization(slug:)`." }),
    name: t.exposeString("name", { description: "English name." }),
    acronym: t.exposeString("acronym", { nullable: true, description: 'Usual abbreviation, e.g. "AIFC".' }),
    kind: t.expose("kind", { type: OrganizationKind, description: "What kind of organisation it is." }),
    country: t.relation("country", { nullable: true, description: "The country it belongs to; null for international bodies." }),
    parent: t.relation("parent", { nullable: true, description: "The body it is part of (the UN for the Security Council)." }),
    children: t.relation("children", { description: "Bodies that are part of it.", query: { orderBy: { nameKey: "asc" } } }),
    posts: t.relation("posts", { description: "Posts within the organisation.", query: { orderBy: { labelKey: "asc" } } }),
    delegations: t.relatedConnection("delegations", {
      cursor: "id",
      totalCount: true,
      description: "Delegations it sent to meetings.",
      ...filteredList(DelegationFilter, DelegationOrder),
    }),
    referencedEvents: t.relation("events", { description: "Referenced events the organisation was behind.", query: { orderBy: { id: "asc" } } }),
    outcomes: t.relation("outcomeParties", {
      description: "Outcomes the organisation is party to (each entry names the outcome).",
      query: { orderBy: { id: "asc" } },
    }),
    informedSources: t.relation("informedSources", {
      description: "Sources whose publisher got the story from this organisation.",
      query: { orderBy: { id: "asc" } },
    }),
    evidence: t.relation("evidence", { description: "Excerpts that mention the organisation.", query: { orderBy: { id: "asc" } } }),
  }),
});

const organizationList = lazyList(() => filteredList(OrganizationFilter, OrganizationOrder));

builder.queryFields((t) => ({
  organizations: t.prismaConnection({
    type: "Organization",
    cursor: "id",
    description: "Organisations, by name unless `orderBy` says otherwise.",
    args: organizationList().args,
    totalCount: (_connection, args) => db.organization.count({ where: organizationList().query(args).where }),
    resolve: (query, _root, args) => db.organization.findMany({ ...query, ...organizationList().query(args) }),
  }),
  organization: t.prismaField({
    type: "Organization",
    nullable: true,
    description: "An organisation by its slug; null when none has it.",
    args: { slug: t.arg.string({ required: true, description: "The organisation's slug." }) },
    resolve: (query, _root, { slug }) => db.organization.findUnique({ ...query, where: { id: slug } }),
  }),
}));
