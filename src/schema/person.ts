// People, the names they are written under, and the posts they hold.
import { builder } from "./builder.js";
import { db } from "../db/client.js";
import { describedEnum } from "./enum-type.js";
import type { Prisma } from "../generated/prisma/client.js";
import { byColumn, defineFilter, defineOrder, filteredList, lazyList, type Filter, type ListArgs } from "./filtering.js";
import { TextFilter, textWhere, type TextOperators } from "./filter-operators.js";
import { CountryFilter } from "./country.js";
import { DelegationFilter, DelegationOrder, ParticipantFilter, ParticipantOrder } from "./delegation.js";
import { QuoteFilter, QuoteOrder } from "./quote.js";
import { tenureActiveOn, TenureFilter, TenureOrder } from "./post.js";

export const PersonFilter: Filter<Prisma.PersonWhereInput> = defineFilter("PersonFilter", "Conditions on people.", () => ({
  slug: { kind: "text", column: "id", description: "The stable key (`slug`)." },
  name: {
    kind: "custom",
    type: TextFilter,
    description: "The name or any alias (transliterations, abbreviations, forms without diacritics).",
    where: (value: TextOperators) => ({ OR: [textWhere("nameKey", value), { aliases: { some: textWhere("nameKey", value) } }] }),
  },
  country: { kind: "one", relation: "country", foreignKey: "countryId", filter: () => CountryFilter, description: "Their country." },
  posts: { kind: "many", relation: "tenures", filter: () => TenureFilter, description: "Posts they held (as tenures)." },
  participations: { kind: "many", relation: "participants", filter: () => ParticipantFilter, description: "Their parts in meetings." },
  delegations: { kind: "many", relation: "headOf", filter: () => DelegationFilter, description: "Delegations they headed." },
  quotes: { kind: "many", relation: "quotes", filter: () => QuoteFilter, description: "Their quoted words." },
}));

export const PersonOrder = defineOrder<Prisma.PersonOrderByWithRelationInput>(
  "Person",
  {
    NAME: { description: "Their name.", orderBy: byColumn("nameKey") },
    PARTICIPATION_COUNT: { description: "How many meetings they took part in.", orderBy: (direction) => ({ participants: { _count: direction } }) },
    QUOTE_COUNT: { description: "How often they are quoted.", orderBy: (direction) => ({ quotes: { _count: direction } }) },
  },
  [{ nameKey: "asc" }],
);

const AliasKind = describedEnum("AliasKind", "How an alias relates to a person's main name.", {
  TRANSLITERATION: "Another romanisation of the same name.",
  ABBREVIATION: 'A shortened form, such as an initial and surname ("R. Vasilenko").',
  ASCII_FOLDING: "The name without diacritics, as people type it.",
});

builder.prismaNode("Person", {
  id: { field: "id" },
  nullable: true,
  description: "A person named by a source (Popolo's Person).",
  fields: (t) => ({
    slug: t.exposeString("id", { description: "Stable, human-readable key; use it with `person(slug:)`." }),
    name: t.exposeString("name", { description: "Name as the source writes it in full." }),
    givenName: t.exposeString("givenName", { nullable: true, description: "Given name." }),
    familyName: t.exposeString("familyName", { nullable: true, description: "Family name." }),
    country: t.relation("country", { nullable: true, description: "The country the person serves or belongs to." }),
    aliases: t.relation("aliases", {
      description: "Other ways the name is written: transliterations, abbreviations, forms without diacritics.",
      query: { orderBy: { id: "asc" } },
    }),
    posts: t.relatedConnection("tenures", {
      cursor: "id",
      totalCount: true,
      description: "Posts the person held, as dated tenures; with `activeAt`, only those held on that day.",
      args: {
        ...tenureList().args,
        activeAt: t.arg({
          type: "Date",
          description:
            "Only posts held on this day. A tenure with dates counts from its start to its end (or on, without an end); one the source shows only on a day (`attestedOn`) counts on that day alone.",
        }),
      },
      query: (args) => {
        const query = tenureList().query(args);
        return args.activeAt ? { ...query, where: { AND: [query.where, tenureActiveOn(args.activeAt)] } } : query;
      },
    }),
    delegations: t.relatedConnection("headOf", {
      cursor: "id",
      totalCount: true,
      description: "Delegations the person headed.",
      ...filteredList(DelegationFilter, DelegationOrder),
    }),
    participations: t.relatedConnection("participants", {
      cursor: "id",
      totalCount: true,
      description: "The person's parts in meetings, with their role.",
      ...filteredList(ParticipantFilter, ParticipantOrder),
    }),
    quotes: t.relatedConnection("quotes", {
      cursor: "id",
      totalCount: true,
      description: "Words the person is quoted as saying.",
      ...filteredList(QuoteFilter, QuoteOrder),
    }),
    evidence: t.relation("evidence", { description: "Excerpts that name the person.", query: { orderBy: { id: "asc" } } }),
  }),
});

const tenureList = lazyList(() => filteredList(TenureFilter, TenureOrder));
const personList = lazyList(() => filteredList(PersonFilter, PersonOrder));

builder.prismaObject("PersonAlias", {
  description: "Another way a person's name is written.",
  fields: (t) => ({
    name: t.exposeString("name", { description: "The name as written." }),
    kind: t.expose("kind", { type: AliasKind, description: "How it relates to the main name." }),
    person: t.relation("person", { description: "Whose name it is." }),
    evidence: t.relation("evidence", { description: "Excerpts that write the name this way.", query: { orderBy: { id: "asc" } } }),
  }),
});

builder.queryFields((t) => ({
  people: t.prismaConnection({
    type: "Person",
    cursor: "id",
    description: "People, by name unless `orderBy` says otherwise; optionally only those whose name or alias contains `name`.",
    args: {
      ...personList().args,
      name: t.arg.string({
        description: 'Part of a name or alias, ignoring case and diacritics: "skusevicius" finds "Darius Skusevičius".',
      }),
    },
    totalCount: (_connection, args) => db.person.count({ where: peopleWhere(args) }),
    resolve: (query, _root, args) => db.person.findMany({ ...query, ...personList().query(args), where: peopleWhere(args) }),
  }),
  person: t.prismaField({
    type: "Person",
    nullable: true,
    description: "A person by their slug; null when none has it.",
    args: { slug: t.arg.string({ required: true, description: "The person's slug." }) },
    resolve: (query, _root, { slug }) => db.person.findUnique({ ...query, where: { id: slug } }),
  }),
}));

function peopleWhere(args: ListArgs & { name?: string | null }): Prisma.PersonWhereInput {
  const filtered = personList().query(args).where;
  if (!args.name) return filtered;
  return { AND: [filtered, PersonFilter.where({ name: { contains: args.name } })] };
}
