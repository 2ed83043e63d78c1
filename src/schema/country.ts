// Countries (ISO 3166-1) and the places within them.
import { builder } from "../builder.js";
import { db } from "../db.js";
import { describedEnum } from "./enum-type.js";

const PlaceKind = describedEnum("PlaceKind", "What kind of place it is.", {
  CITY: "A city.",
  REGION: "A region or province within a country.",
});

builder.prismaNode("Country", {
  id: { field: "id" },
  nullable: true,
  description: "A sovereign state, identified by its ISO 3166-1 alpha-2 code.",
  fields: (t) => ({
    code: t.exposeString("code", { description: 'ISO 3166-1 alpha-2 code, e.g. "KZ".' }),
    name: t.exposeString("name", { description: "Short English name." }),
    officialName: t.exposeString("officialName", { nullable: true, description: "Official English name, when the source or ISO gives one." }),
    demonyms: t.stringList({
      description: 'Adjectives and demonyms for the country and its people, e.g. "Kazakh", "Kazakhstani".',
      select: { demonyms: { select: { label: true }, orderBy: { label: "asc" } } },
      resolve: (country) => country.demonyms.map((demonym) => demonym.label),
    }),
    people: t.relatedConnection("people", {
      cursor: "id",
      totalCount: true,
      description: "People of this country, by name.",
      query: { orderBy: [{ name: "asc" }, { id: "asc" }] },
    }),
    organizations: t.relatedConnection("organizations", {
      cursor: "id",
      totalCount: true,
      description: "Organisations based in or belonging to this country, by name.",
      query: { orderBy: [{ name: "asc" }, { id: "asc" }] },
    }),
    places: t.relation("places", { description: "Places in this country named by the sources.", query: { orderBy: { name: "asc" } } }),
    delegations: t.relatedConnection("delegations", {
      cursor: "id",
      totalCount: true,
      description: "Delegations this country sent to or fielded at meetings.",
      query: { orderBy: [{ meeting: { date: "desc" } }, { id: "asc" }] },
    }),
    tradeRecords: t.relatedConnection("reportedTradeRecords", {
      cursor: "id",
      totalCount: true,
      description:
        "Trade records in this country's own statistics (it is the reporter), by period. Records reported by others with this country as partner are in `partnerTradeRecords`.",
      query: { orderBy: [{ periodStart: "asc" }, { periodEnd: "asc" }, { id: "asc" }] },
    }),
    partnerTradeRecords: t.relatedConnection("partnerTradeRecords", {
      cursor: "id",
      totalCount: true,
      description: "Trade records in other countries' statistics in which this country is the partner, by period.",
      query: { orderBy: [{ periodStart: "asc" }, { periodEnd: "asc" }, { id: "asc" }] },
    }),
    figures: t.relation("reportedFigures", { description: "Figures this country's side reported.", query: { orderBy: { id: "asc" } } }),
    outcomes: t.relation("outcomeParties", {
      description: "Outcomes this country is party to (each entry names the outcome).",
      query: { orderBy: { id: "asc" } },
    }),
    evidence: t.relation("evidence", { description: "Excerpts that mention this country.", query: { orderBy: { id: "asc" } } }),
  }),
});

builder.prismaNode("Place", {
  id: { field: "id" },
  nullable: true,
  description: "A city or region named by a source.",
  fields: (t) => ({
    slug: t.exposeString("id", { description: "Stable, human-readable key of the place." }),
    name: t.exposeString("name", { description: "English name." }),
    kind: t.expose("kind", { type: PlaceKind, description: "City or region." }),
    country: t.relation("country", { description: "The country the place is in." }),
    meetings: t.relation("meetings", { description: "Meetings held (or inferred to be held) here.", query: { orderBy: [{ date: "desc" }, { id: "asc" }] } }),
    referencedEvents: t.relation("events", { description: "Referenced events that happened here.", query: { orderBy: { id: "asc" } } }),
    evidence: t.relation("evidence", { description: "Excerpts that mention this place.", query: { orderBy: { id: "asc" } } }),
  }),
});

builder.queryFields((t) => ({
  countries: t.prismaConnection({
    type: "Country",
    cursor: "id",
    description: "All countries, by name.",
    totalCount: () => db.country.count(),
    resolve: (query) => db.country.findMany({ ...query, orderBy: [{ name: "asc" }, { id: "asc" }] }),
  }),
  country: t.prismaField({
    type: "Country",
    nullable: true,
    description: "A country by its ISO 3166-1 alpha-2 code (any case); null when none has it.",
    args: { code: t.arg.string({ required: true, description: 'ISO 3166-1 alpha-2 code, e.g. "LT".' }) },
    resolve: (query, _root, { code }) => db.country.findUnique({ ...query, where: { code: code.toUpperCase() } }),
  }),
}));
