// People, the names they are written under, and the posts they hold.
import { builder } from "../builder.js";
import { db } from "../db.js";
import { nameKey } from "../lib/text.js";
import { describedEnum } from "./enum-type.js";

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
      description: "Posts the person held, as dated tenures.",
      query: { orderBy: [{ attestedOn: "desc" }, { id: "asc" }] },
    }),
    delegations: t.relatedConnection("headOf", {
      cursor: "id",
      totalCount: true,
      description: "Delegations the person headed.",
      query: { orderBy: { id: "asc" } },
    }),
    participations: t.relatedConnection("participants", {
      cursor: "id",
      totalCount: true,
      description: "The person's parts in meetings, with their role.",
      query: { orderBy: [{ meeting: { date: "desc" } }, { id: "asc" }] },
    }),
    quotes: t.relatedConnection("quotes", {
      cursor: "id",
      totalCount: true,
      description: "Words the person is quoted as saying.",
      query: { orderBy: { id: "asc" } },
    }),
    evidence: t.relation("evidence", { description: "Excerpts that name the person.", query: { orderBy: { id: "asc" } } }),
  }),
});

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
    description: "People, by name; optionally only those whose name or alias contains `name`.",
    args: {
      name: t.arg.string({
        description: 'Part of a name or alias, ignoring case and diacritics: "skusevicius" finds "Darius Skusevičius".',
      }),
    },
    totalCount: (_connection, { name }) => db.person.count({ where: peopleNamed(name) }),
    resolve: (query, _root, { name }) =>
      db.person.findMany({ ...query, where: peopleNamed(name), orderBy: [{ name: "asc" }, { id: "asc" }] }),
  }),
  person: t.prismaField({
    type: "Person",
    nullable: true,
    description: "A person by their slug; null when none has it.",
    args: { slug: t.arg.string({ required: true, description: "The person's slug." }) },
    resolve: (query, _root, { slug }) => db.person.findUnique({ ...query, where: { id: slug } }),
  }),
}));

function peopleNamed(name: string | null | undefined) {
  if (!name) return {};
  const key = nameKey(name);
  return { OR: [{ nameKey: { contains: key } }, { aliases: { some: { nameKey: { contains: key } } } }] };
}
