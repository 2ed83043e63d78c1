// Words quoted from people at meetings.
import { builder } from "../builder.js";

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
