// Countries (ISO 3166-1) and the places within them.
import { builder } from "./builder.js";
import { db } from "../db/client.js";
import { describedEnum } from "./enum-type.js";
import type { Prisma } from "../generated/prisma/client.js";
import { byColumn, defineFilter, defineOrder, filteredList, lazyList, type Filter } from "./filtering.js";
import { DelegationFilter, DelegationOrder } from "./delegation.js";
import { OrganizationFilter, OrganizationOrder } from "./organization.js";
import { PersonFilter, PersonOrder } from "./person.js";
import { TradeRecordFilter, TradeRecordOrder } from "./trade-record.js";

const PlaceKind = describedEnum("PlaceKind", "What kind of place it is.", {
  CITY: "A city.",
  REGION: "A region or province within a country.",
});

export const CountryFilter: Filter<Prisma.CountryWhereInput> = defineFilter("CountryFilter", "Conditions on countries.", () => ({
  code: { kind: "text", column: "code", fold: (code) => code.toUpperCase(), description: 'ISO 3166-1 alpha-2 code, e.g. "LT" (any case).' },
  name: { kind: "text", column: "nameKey", description: "Short English name." },
  people: { kind: "many", relation: "people", filter: () => PersonFilter, description: "Its people." },
  organizations: { kind: "many", relation: "organizations", filter: () => OrganizationFilter, description: "Its organisations." },
  delegations: { kind: "many", relation: "delegations", filter: () => DelegationFilter, description: "Its delegations to meetings." },
  tradeRecords: {
    kind: "many",
    relation: "reportedTradeRecords",
    filter: () => TradeRecordFilter,
    description: "Trade records in its own statistics.",
  },
}));

export const CountryOrder = defineOrder<Prisma.CountryOrderByWithRelationInput>(
  "Country",
  {
    NAME: { description: "Its name.", orderBy: byColumn("nameKey") },
    CODE: { description: "Its ISO code.", orderBy: byColumn("code") },
    DELEGATION_COUNT: { description: "How many delegations it fielded.", orderBy: (direction) => ({ delegations: { _count: direction } }) },
  },
  [{ nameKey: "asc" }],
);

export const PlaceFilter: Filter<Prisma.PlaceWhereInput> = defineFilter("PlaceFilter", "Conditions on places.", () => ({
  name: { kind: "text", column: "nameKey", description: "English name." },
  kind: { kind: "enum", enum: "PlaceKind", column: "kind", description: "City or region." },
  country: { kind: "one", relation: "country", filter: () => CountryFilter, description: "The country it is in." },
}));

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
      select: { demonyms: { select: { label: true }, orderBy: { labelKey: "asc" } } },
      resolve: (country) => country.demonyms.map((demonym) => demonym.label),
    }),
    people: t.relatedConnection("people", {
      cursor: "id",
      totalCount: true,
      description: "People of this country, by name.",
      ...filteredList(PersonFilter, PersonOrder),
    }),
    organizations: t.relatedConnection("organizations", {
      cursor: "id",
      totalCount: true,
      description: "Organisations based in or belonging to this country, by name.",
      ...filteredList(OrganizationFilter, OrganizationOrder),
    }),
    places: t.relation("places", { description: "Places in this country named by the sources.", query: { orderBy: { nameKey: "asc" } } }),
    delegations: t.relatedConnection("delegations", {
      cursor: "id",
      totalCount: true,
      description: "Delegations this country sent to or fielded at meetings.",
      ...filteredList(DelegationFilter, DelegationOrder),
    }),
    tradeRecords: t.relatedConnection("reportedTradeRecords", {
      cursor: "id",
      totalCount: true,
      description:
        "Trade records in this country's own statistics (it is the reporter), by period. Records reported by others with this country as partner are in `partnerTradeRecords`.",
      ...filteredList(TradeRecordFilter, TradeRecordOrder),
    }),
    partnerTradeRecords: t.relatedConnection("partnerTradeRecords", {
      cursor: "id",
      totalCount: true,
      description: "Trade records in other countries' statistics in which this country is the partner, by period.",
      ...filteredList(TradeRecordFilter, TradeRecordOrder),
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

const countryList = lazyList(() => filteredList(CountryFilter, CountryOrder));

builder.queryFields((t) => ({
  countries: t.prismaConnection({
    type: "Country",
    cursor: "id",
    description: "Countries, by name unless `orderBy` says otherwise.",
    args: countryList().args,
    totalCount: (_connection, args) => db.country.count({ where: countryList().query(args).where }),
    resolve: (query, _root, args) => db.country.findMany({ ...query, ...countryList().query(args) }),
  }),
  country: t.prismaField({
    type: "Country",
    nullable: true,
    description: "A country by its ISO 3166-1 alpha-2 code (any case); null when none has it.",
    args: { code: t.arg.string({ required: true, description: 'ISO 3166-1 alpha-2 code, e.g. "LT".' }) },
    resolve: (query, _root, { code }) => db.country.findUnique({ ...query, where: { code: code.toUpperCase() } }),
  }),
}));
