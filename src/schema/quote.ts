// Words quoted from people at meetings.
import { builder } from "./builder.js";
import type { Prisma } from "../generated/prisma/client.js";
import { defineFilter, type Filter, defineOrder } from "./filtering.js";
import { MeetingFilter } from "./meeting.js";
import { PersonFilter } from "./person.js";
import { PostFilter } from "./post.js";

export const QuoteFilter: Filter<Prisma.QuoteWhereInput> = defineFilter("QuoteFilter", "Conditions on quotes.", () => ({
  text: { kind: "text", column: "textKey", description: "The words quoted." },
  speaker: { kind: "one", relation: "speaker", filter: () => PersonFilter, description: "Who said them." },
  post: { kind: "one", relation: "post", foreignKey: "postId", filter: () => PostFilter, description: "The speaker's post at the time." },
  meeting: { kind: "one", relation: "meeting", filter: () => MeetingFilter, description: "Where they were said." },
}));

export const QuoteOrder = defineOrder<Prisma.QuoteOrderByWithRelationInput>(
  "Quote",
  {
    MEETING_DATE: { description: "The date of the meeting.", orderBy: (direction) => ({ meeting: { date: direction } }) },
    SPEAKER_NAME: { description: "The speaker's name.", orderBy: (direction) => ({ speaker: { nameKey: direction } }) },
  },
  [],
);

builder.prismaNode("Quote", {
  id: { field: "id" },
  nullable: true,
  description: "Words a person is quoted as saying in connection with a meeting.",
  fields: (t) => ({
    text: t.exposeString("text", { description: "The quoted words." }),
    attributedAs: t.exposeString("attributedAs", { description: 'The name the source attributes the words to, e.g. "R. Vasilenko".' }),
    speaker: t.relation("speaker", { description: "Who said it." }),
    speakerPost: t.relation("post", { nullable: true, description: "The speaker's post at the time." }),
    meeting: t.relation("meeting", { description: "The meeting." }),
    evidence: t.relation("evidence", { description: "Excerpts that carry the quote.", query: { orderBy: { id: "asc" } } }),
  }),
});
