// Organisations: ministries, embassies, international bodies, banks, movements.
import { builder } from "../builder.js";
import { db } from "../db.js";
import { describedEnum } from "./enum-type.js";

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
    children: t.relation("children", { description: "Bodies that are part of it.", query: { orderBy: { name: "asc" } } }),
    posts: t.relation("posts", { description: "Posts within the organisation.", query: { orderBy: { label: "asc" } } }),
    delegations: t.relatedConnection("delegations", {
      cursor: "id",
      totalCount: true,
      description: "Delegations it sent to meetings.",
      query: { orderBy: { id: "asc" } },
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

builder.queryFields((t) => ({
  organizations: t.prismaConnection({
    type: "Organization",
    cursor: "id",
    description: "All organisations, by name.",
    totalCount: () => db.organization.count(),
    resolve: (query) => db.organization.findMany({ ...query, orderBy: [{ name: "asc" }, { id: "asc" }] }),
  }),
  organization: t.prismaField({
    type: "Organization",
    nullable: true,
    description: "An organisation by its slug; null when none has it.",
    args: { slug: t.arg.string({ required: true, description: "The organisation's slug." }) },
    resolve: (query, _root, { slug }) => db.organization.findUnique({ ...query, where: { id: slug } }),
  }),
}));
