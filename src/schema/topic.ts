// The topic taxonomy and what each meeting said about each topic.
import { builder } from "../builder.js";
import { db } from "../db.js";
import { describedEnum } from "./enum-type.js";

const DiscussionStatus = describedEnum("DiscussionStatus", "Where the parties stood on a topic at the meeting.", {
  DISCUSSED: "The topic was discussed.",
  STATED: "One or both parties stated a position or a fact.",
  CONFIRMED: "The parties confirmed a shared position.",
  SUPPORTED: "The parties supported each other.",
  AGREED: "The parties agreed on it.",
  ASSESSED_POSITIVELY: "The parties gave it a positive assessment.",
  UNDER_STUDY: "It is being studied.",
});

builder.prismaNode("Topic", {
  id: { field: "id" },
  nullable: true,
  description: "A subject of diplomatic discussion, in a hierarchy (security → terrorism).",
  fields: (t) => ({
    slug: t.exposeString("id", { description: "Stable, human-readable key; use it with `topic(slug:)`." }),
    name: t.exposeString("name", { description: "English name." }),
    description: t.exposeString("description", { description: "What the topic covers." }),
    parent: t.relation("parent", { nullable: true, description: "The broader topic; null at the top of the taxonomy." }),
    children: t.relation("children", { description: "Narrower topics.", query: { orderBy: { name: "asc" } } }),
    discussions: t.relatedConnection("discussions", {
      cursor: "id",
      totalCount: true,
      description: "What meetings said about this topic.",
      query: { orderBy: [{ meeting: { date: "desc" } }, { id: "asc" }] },
    }),
    outcomes: t.relatedConnection("outcomes", {
      cursor: "id",
      totalCount: true,
      description: "Outcomes of meetings on this topic.",
      query: { orderBy: { id: "asc" } },
    }),
  }),
});

builder.prismaNode("Discussion", {
  id: { field: "id" },
  nullable: true,
  description: "What a meeting said about one topic, and where the parties stood.",
  fields: (t) => ({
    meeting: t.relation("meeting", { description: "The meeting." }),
    topic: t.relation("topic", { description: "The topic." }),
    status: t.expose("status", { type: DiscussionStatus, description: "Where the parties stood." }),
    summary: t.exposeString("summary", { description: "What was said, in a sentence." }),
    evidence: t.relation("evidence", { description: "Excerpts that support the summary.", query: { orderBy: { id: "asc" } } }),
  }),
});

builder.queryFields((t) => ({
  topics: t.prismaConnection({
    type: "Topic",
    cursor: "id",
    description: "Topics, by name; only the top of the taxonomy when `rootsOnly` is true.",
    args: { rootsOnly: t.arg.boolean({ description: "Only topics without a parent.", defaultValue: false }) },
    totalCount: (_connection, { rootsOnly }) => db.topic.count({ where: rootsOnly ? { parentId: null } : {} }),
    resolve: (query, _root, { rootsOnly }) =>
      db.topic.findMany({ ...query, where: rootsOnly ? { parentId: null } : {}, orderBy: [{ name: "asc" }, { id: "asc" }] }),
  }),
  topic: t.prismaField({
    type: "Topic",
    nullable: true,
    description: "A topic by its slug; null when none has it.",
    args: { slug: t.arg.string({ required: true, description: "The topic's slug." }) },
    resolve: (query, _root, { slug }) => db.topic.findUnique({ ...query, where: { id: slug } }),
  }),
}));
