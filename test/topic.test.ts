import { describe, expect, it } from "vitest";
import { nodes, query } from "./helpers/client.js";

describe("topics", () => {
  it("forms a hierarchy", async () => {
    const { security, unsc, roots } = await query(`{
      security: topic(slug: "security") { name parent { slug } children { slug } }
      unsc: topic(slug: "un-security-council") { parent { slug parent { slug } } }
      roots: topics(first: 100, rootsOnly: true) { totalCount edges { node { slug } } }
    }`);
    expect(security).toEqual({ name: "Security", parent: null, children: [{ slug: "climate-change" }, { slug: "drug-trafficking" }, { slug: "terrorism" }] });
    expect(unsc.parent).toEqual({ slug: "united-nations", parent: { slug: "multilateral-cooperation" } });
    expect(nodes<{ slug: string }>(roots).map((t) => t.slug).sort()).toEqual([
      "culture", "economy", "education", "interregional-cooperation", "multilateral-cooperation",
      "political-relations", "regional-issues", "security", "transport",
    ]);
  });

  it("leads from a topic to its discussions, outcomes and meetings", async () => {
    const { topic } = await query(`{ topic(slug: "fintech") {
      discussions(first: 5) { edges { node { status summary meeting { slug } evidence { excerpt } } } }
      outcomes(first: 5) { edges { node { slug } } }
      meetings(first: 5) { totalCount edges { node { slug } } }
    } }`);
    expect(nodes(topic.discussions)).toEqual([
      expect.objectContaining({ status: "AGREED", meeting: { slug: "kazakhstan-lithuania-foreign-ministry-consultations" } }),
    ]);
    expect(nodes(topic.outcomes)).toEqual([{ slug: "joint-promotion-of-new-economy" }]);
    expect(topic.meetings).toEqual({ totalCount: 1, edges: [{ node: { slug: "kazakhstan-lithuania-foreign-ministry-consultations" } }] });
  });
});
