import { describe, expect, it } from "vitest";
import { nodes, query } from "./helpers/client.js";

describe("people", () => {
  it("keeps every way a name is written", async () => {
    const { vassilenko, skusevicius } = await query(`{
      vassilenko: person(slug: "roman-vassilenko") { name givenName familyName country { code } aliases { name kind evidence { excerpt } } }
      skusevicius: person(slug: "darius-skusevicius") { name aliases { name kind } }
    }`);
    expect(vassilenko).toMatchObject({ name: "Roman Vassilenko", givenName: "Roman", familyName: "Vassilenko", country: { code: "KZ" } });
    expect(vassilenko.aliases).toEqual([
      { name: "R. Vasilenko", kind: "ABBREVIATION", evidence: [{ excerpt: expect.stringContaining("R. Vasilenko noted") }] },
    ]);
    expect(skusevicius.aliases).toEqual([
      { name: "D. Skusevičius", kind: "ABBREVIATION" },
      { name: "Darius Skusevicius", kind: "ASCII_FOLDING" },
    ]);
  });

  it.each([
    ["skusevicius", ["Darius Skusevičius"]],
    ["SKUSEVIČIUS", ["Darius Skusevičius"]],
    ["vasilenko", ["Roman Vassilenko"]],
    ["abdrakhmanov", ["Kairat Abdrakhmanov"]],
    ["nobody", []],
  ])("finds people by any of their names ignoring case and diacritics: %s", async (name, expected) => {
    const { people } = await query(`query ($name: String) { people(name: $name, first: 10) { totalCount edges { node { name } } } }`, { name });
    expect(nodes<{ name: string }>(people).map((person) => person.name)).toEqual(expected);
    expect(people.totalCount).toBe(expected.length);
  });

  it("gives posts as tenures attested as of the meeting, and the meetings attended", async () => {
    const { person } = await query(`{ person(slug: "kairat-abdrakhmanov") {
      posts(first: 5) { totalCount edges { node { startDate endDate attestedOn note attestedAt { slug }
        post { label role organization { name } country { code } holders(first: 5) { totalCount } } } } }
      meetings(first: 5) { totalCount edges { node { slug type } } }
      participations(first: 5) { edges { node { role meeting { slug } } } }
    } }`);
    expect(nodes(person.posts)).toEqual([
      {
        startDate: null,
        endDate: null,
        attestedOn: "2017-09-11",
        note: "Held as of the meeting; the source gives no start or end date.",
        attestedAt: { slug: "kazakhstan-minister-receives-lithuanian-delegation" },
        post: {
          label: "Minister of Foreign Affairs of Kazakhstan",
          role: "Minister of Foreign Affairs",
          organization: { name: "Ministry of Foreign Affairs of Kazakhstan" },
          country: { code: "KZ" },
          holders: { totalCount: 1 },
        },
      },
    ]);
    expect(person.meetings).toEqual({
      totalCount: 1,
      edges: [{ node: { slug: "kazakhstan-minister-receives-lithuanian-delegation", type: "RECEPTION" } }],
    });
    expect(nodes(person.participations)).toEqual([
      { role: "HEAD_OF_DELEGATION", meeting: { slug: "kazakhstan-minister-receives-lithuanian-delegation" } },
    ]);
  });

  it("navigates from a person to the delegations they headed and their quotes", async () => {
    const { person } = await query(`{ person(slug: "darius-skusevicius") {
      delegations(first: 5) { totalCount edges { node { meeting { slug } } } }
      quotes(first: 5) { edges { node { attributedAs } } }
      meetings(first: 5) { totalCount }
    } }`);
    expect(person.delegations.totalCount).toBe(2);
    expect(nodes(person.quotes)).toEqual([{ attributedAs: "D. Skusevičius" }]);
    expect(person.meetings.totalCount).toBe(2);
  });
});
