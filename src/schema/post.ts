// Posts (positions within organisations) and the tenures of the people who hold them.
import { builder } from "../builder.js";

builder.prismaNode("Post", {
  id: { field: "id" },
  nullable: true,
  description: "A position within an organisation, such as a country's Deputy Minister of Foreign Affairs (Popolo's Post).",
  fields: (t) => ({
    slug: t.exposeString("id", { description: "Stable, human-readable key of the post." }),
    label: t.exposeString("label", { description: "Full title, including the country." }),
    role: t.exposeString("role", { description: "The role alone, without the country." }),
    organization: t.relation("organization", { description: "The organisation the post belongs to." }),
    country: t.relation("country", { nullable: true, description: "The country the post serves." }),
    holders: t.relatedConnection("tenures", {
      cursor: "id",
      totalCount: true,
      description: "Who held the post, most recently attested first.",
      query: { orderBy: [{ attestedOn: "desc" }, { id: "asc" }] },
    }),
    quotes: t.relation("quotes", { description: "Quotes spoken by holders of this post in that capacity.", query: { orderBy: { id: "asc" } } }),
    evidence: t.relation("evidence", { description: "Excerpts that name the post.", query: { orderBy: { id: "asc" } } }),
  }),
});

builder.prismaNode("Tenure", {
  id: { field: "id" },
  nullable: true,
  description:
    "A person holding a post (Popolo's Membership). Sources rarely give start or end dates; `attestedOn` is the date the source shows the person in the post.",
  fields: (t) => ({
    person: t.relation("person", { description: "Who held the post." }),
    post: t.relation("post", { description: "The post held." }),
    startDate: t.expose("startDate", { type: "Date", nullable: true, description: "When the tenure began; null when the source does not say." }),
    endDate: t.expose("endDate", { type: "Date", nullable: true, description: "When it ended; null when ongoing or unknown." }),
    attestedOn: t.expose("attestedOn", { type: "Date", description: "A date on which the source shows the person in this post." }),
    attestedAt: t.relation("attestedMeeting", { nullable: true, description: "The meeting at which the person is shown in this post." }),
    note: t.exposeString("note", { nullable: true, description: 'What is known of the dates, e.g. "as of the meeting".' }),
    evidence: t.relation("evidence", { description: "Excerpts that show the person in the post.", query: { orderBy: { id: "asc" } } }),
  }),
});
