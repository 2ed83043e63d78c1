// The topic taxonomy and what each meeting said about each topic.
import { builder } from "./builder.js";
import { db } from "../db/client.js";
import { describedEnum } from "./enum-type.js";
import type { Prisma } from "../generated/prisma/client.js";
import { byColumn, defineFilter, defineOrder, filteredList, lazyList, type Filter, type ListArgs } from "./filtering.js";
import { MeetingFilter } from "./meeting.js";
import { OutcomeFilter, OutcomeOrder } from "./outcome.js";

const DiscussionStatus = describedEnum("DiscussionStatus", "Where the parties stood on a topic at the meeting.", {
  DISCUSSED: "The topic was discussed.",
  STATED: "One or both parties stated a position or a fact.",
  CONFIRMED: "The parties confirmed a shared position.",
  SUPPORTED: "The parties supported each other.",
  AGREED: "The parties agreed on it.",
  ASSESSED_POSITIVELY: "The parties gave it a positive assessment.",
  UNDER_STUDY: "It is being studied.",
});

export const TopicFilter: Filter<Prisma.TopicWhereInput> = defineFilter("TopicFilter", "Conditions on topics.", () => ({
  slug: { kind: "text", column: "id", description: "The stable key (`slug`)." },
  name: { kind: "text", column: "nameKey", description: "English name." },
  parent: { kind: "one", relation: "parent", foreignKey: "parentId", filter: () => TopicFilter, description: "The broader topic." },
  discussions: { kind: "many", relation: "discussions", filter: () => DiscussionFilter, description: "What meetings said about it." },
}));

const TopicOrder = defineOrder<Prisma.TopicOrderByWithRelationInput>(
  "Topic",
  {
    NAME: { description: "Its name.", orderBy: byColumn("nameKey") },
    DISCUSSION_COUNT: { description: "How many meetings discussed it.", orderBy: (direction) => ({ discussions: { _count: direction } }) },
  },
  [{ nameKey: "asc" }],
);

export const DiscussionFilter: Filter<Prisma.DiscussionWhereInput> = defineFilter("DiscussionFilter", "Conditions on discussions.", () => ({
  status: { kind: "enum", enum: "DiscussionStatus", column: "status", description: "Where the parties stood." },
  topic: { kind: "one", relation: "topic", filter: () => TopicFilter, description: "The topic." },
  meeting: { kind: "one", relation: "meeting", filter: () => MeetingFilter, description: "The meeting." },
}));

export const DiscussionOrder = defineOrder<Prisma.DiscussionOrderByWithRelationInput>(
  "Discussion",
  {
    MEETING_DATE: { description: "The date of the meeting.", orderBy: (direction) => ({ meeting: { date: direction } }) },
    TOPIC_NAME: { description: "The topic's name.", orderBy: (direction) => ({ topic: { nameKey: direction } }) },
    STATUS: { description: "The status, alphabetically.", orderBy: byColumn("status") },
  },
  [{ meeting: { date: "desc" } }],
);

builder.prismaNode("Topic", {
  id: { field: "id" },
  nullable: true,
  description: "A subject of diplomatic discussion, in a hierarchy (security → terrorism).",
  fields: (t) => ({
    slug: t.exposeString("id", { description: "Stable, human-readable key; use it with `topic(slug:)`." }),
    name: t.exposeString("name", { description: "English name." }),
    description: t.exposeString("description", { description: "What the topic covers." }),
    parent: t.relation("parent", { nullable: true, description: "The broader topic; null at the top of the taxonomy." }),
    children: t.relation("children", { description: "Narrower topics.", query: { orderBy: { nameKey: "asc" } } }),
    discussions: t.relatedConnection("discussions", {
      cursor: "id",
      totalCount: true,
      description: "What meetings said about this topic.",
      ...filteredList(DiscussionFilter, DiscussionOrder),
    }),
    outcomes: t.relatedConnection("outcomes", {
      cursor: "id",
      totalCount: true,
      description: "Outcomes of meetings on this topic.",
      ...filteredList(OutcomeFilter, OutcomeOrder),
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

const topicList = lazyList(() => filteredList(TopicFilter, TopicOrder));
const topicsWhere = (args: ListArgs & { rootsOnly?: boolean | null }): Prisma.TopicWhereInput => ({
  AND: [topicList().query(args).where, args.rootsOnly ? { parentId: null } : {}],
});

builder.queryFields((t) => ({
  topics: t.prismaConnection({
    type: "Topic",
    cursor: "id",
    description: "Topics, by name; only the top of the taxonomy when `rootsOnly` is true.",
    args: { ...topicList().args, rootsOnly: t.arg.boolean({ description: "Only topics without a parent.", defaultValue: false }) },
    totalCount: (_connection, args) => db.topic.count({ where: topicsWhere(args) }),
    resolve: (query, _root, args) => db.topic.findMany({ ...query, ...topicList().query(args), where: topicsWhere(args) }),
  }),
  topic: t.prismaField({
    type: "Topic",
    nullable: true,
    description: "A topic by its slug; null when none has it.",
    args: { slug: t.arg.string({ required: true, description: "The topic's slug." }) },
    resolve: (query, _root, { slug }) => db.topic.findUnique({ ...query, where: { id: slug } }),
  }),
}));
