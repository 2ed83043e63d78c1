import { describe, expect, it } from "vitest";
import { encodeGlobalId } from "../src/lib/global-id.js";
import { nodes, query } from "./helpers/client.js";

const SOURCE = "bc-2017-09-11-kazakhstan-lithuania-consultations";

// One record of every Node type, by its key, and the fields that identify it.
const NODE_SAMPLES: [typename: string, key: string, selection: string][] = [
  ["Source", SOURCE, "slug"],
  ["Evidence", "trade-volume", "excerpt"],
  ["Country", "kz", "code"],
  ["Place", "karaganda-region", "name"],
  ["Organization", "bank-of-lithuania", "slug"],
  ["Person", "roman-vassilenko", "slug"],
  ["Post", "kazakhstan-deputy-minister-of-foreign-affairs", "slug"],
  ["Tenure", "roman-vassilenko~kazakhstan-deputy-minister-of-foreign-affairs~kazakhstan-lithuania-foreign-ministry-consultations", "attestedOn"],
  ["Meeting", "kazakhstan-lithuania-foreign-ministry-consultations", "slug"],
  ["Delegation", "kazakhstan-lithuania-foreign-ministry-consultations~lt", "side"],
  ["Participant", "kazakhstan-lithuania-foreign-ministry-consultations~roman-vassilenko", "role"],
  ["Topic", "terrorism", "slug"],
  ["Discussion", "kazakhstan-lithuania-foreign-ministry-consultations~terrorism", "status"],
  ["Outcome", "twinning-of-major-cities", "slug"],
  ["Quote", "vassilenko-key-initiatives", "attributedAs"],
  ["TradeRecord", "kz-lt-turnover-2017", "value"],
  ["Figure", "kazakh-students-in-lithuania-per-year", "slug"],
  ["ReferencedEvent", "expo-2017", "slug"],
];

describe("global IDs", () => {
  it.each(NODE_SAMPLES)("round-trips a %s through node(id:)", async (typename, key, selection) => {
    const id = encodeGlobalId(typename, key);
    const { node } = await query(`query ($id: ID!) { node(id: $id) { __typename id ... on ${typename} { ${selection} } } }`, { id });
    expect(node).toMatchObject({ __typename: typename, id });
    expect(node[selection]).not.toBeNull();
  });

  it("fetches every kind of node at once with nodes(ids:), in order", async () => {
    const ids = NODE_SAMPLES.map(([typename, key]) => encodeGlobalId(typename, key));
    const { nodes: found } = await query(`query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, { ids });
    expect(found).toEqual(NODE_SAMPLES.map(([typename], index) => ({ __typename: typename, id: ids[index] })));
  });

  it("gives each entity the id that node(id:) accepts", async () => {
    const { meeting } = await query(`{ meeting(slug: "kazakhstan-lithuania-foreign-ministry-consultations") { id } }`);
    const { node } = await query(`query ($id: ID!) { node(id: $id) { ... on Meeting { slug } } }`, { id: meeting.id });
    expect(node).toEqual({ slug: "kazakhstan-lithuania-foreign-ministry-consultations" });
  });
});

describe("provenance", () => {
  it("describes the source as printed", async () => {
    const { sources } = await query(`{ sources(first: 5) { totalCount edges { node { slug title publisher publishedOn language kind note
      informant { name informedSources { slug } }
      meetings(first: 5) { totalCount } evidence { key } } } } }`);
    expect(sources.totalCount).toBe(1);
    const [source] = nodes<Record<string, any>>(sources); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(source).toMatchObject({ slug: SOURCE, publisher: "BC", publishedOn: "2017-09-11", language: "en", kind: "news article", meetings: { totalCount: 2 } });
    expect(source?.note).toContain("May 2018");
    expect(source?.informant).toEqual({ name: "Embassy of the Republic of Kazakhstan in Lithuania", informedSources: [{ slug: SOURCE }] });
    expect(source?.evidence).toHaveLength(34);
  });

  it("traces every kind of fact to an excerpt of its source", async () => {
    const evidence = "evidence { excerpt source { slug } }";
    const data = await query(`{
      country(code: "LT") { ${evidence} }
      organization(slug: "bank-of-lithuania") { ${evidence} }
      person(slug: "darius-skusevicius") { ${evidence} posts(first: 1) { edges { node { ${evidence} post { ${evidence} } } } } }
      meeting(slug: "kazakhstan-lithuania-foreign-ministry-consultations") {
        ${evidence}
        place { ${evidence} }
        delegations(first: 1) { edges { node { ${evidence} } } }
        participants(first: 1) { edges { node { ${evidence} } } }
        discussions(first: 1) { edges { node { ${evidence} } } }
        outcomes(first: 1) { edges { node { ${evidence} } } }
        quotes(first: 1) { edges { node { ${evidence} } } }
        tradeRecords(first: 1) { edges { node { ${evidence} } } }
        figures(first: 1) { edges { node { ${evidence} } } }
        referencedEvents(first: 1) { edges { node { ${evidence} event { ${evidence} } } } }
      }
    }`);
    const found: { excerpt: string; source: { slug: string } }[][] = [];
    const collect = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === "object") {
        for (const [key, child] of Object.entries(value)) {
          if (key === "evidence") found.push(child as never);
          else collect(child);
        }
      }
    };
    collect(data);
    expect(found).toHaveLength(16);
    for (const excerpts of found) {
      expect(excerpts.length).toBeGreaterThan(0);
      for (const { excerpt, source } of excerpts) {
        expect(source.slug).toBe(SOURCE);
        expect(excerpt.length).toBeGreaterThan(10);
      }
    }
  });

  it("answers the reverse question: what does this excerpt support?", async () => {
    const { meeting } = await query(`{ meeting(slug: "kazakhstan-lithuania-foreign-ministry-consultations") {
      tradeRecords(first: 1) { edges { node { evidence { key tradeRecords { value } discussions { topic { slug } } } } } }
    } }`);
    const [excerpt] = nodes<{ evidence: unknown[] }>(meeting.tradeRecords)[0]?.evidence ?? [];
    expect(excerpt).toEqual({
      key: "trade-volume",
      tradeRecords: expect.arrayContaining([{ value: 527000000 }, { value: 722000000 }]),
      discussions: [{ topic: { slug: "trade" } }],
    });
  });
});
