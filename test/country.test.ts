import { describe, expect, it } from "vitest";
import { nodes, query } from "./helpers/client.js";

describe("countries and organisations", () => {
  it("looks countries up by ISO code, in any case, with demonyms", async () => {
    const { kz, lt } = await query(`{
      kz: country(code: "kz") { code name officialName demonyms }
      lt: country(code: "LT") { name demonyms }
    }`);
    expect(kz).toEqual({ code: "KZ", name: "Kazakhstan", officialName: "Republic of Kazakhstan", demonyms: ["Kazakh", "Kazakhstani"] });
    expect(lt).toEqual({ name: "Lithuania", demonyms: ["Lithuanian"] });
  });

  it("lists every country the article names", async () => {
    const { countries } = await query(`{ countries(first: 50) { totalCount edges { node { code } } } }`);
    expect(countries.totalCount).toBe(5);
    expect(nodes<{ code: string }>(countries).map((c) => c.code)).toEqual(["AF", "KZ", "LT", "SY", "UA"]);
  });

  it("navigates a country's people, organisations, delegations and meetings", async () => {
    const { country } = await query(`{ country(code: "KZ") {
      people(first: 10) { totalCount edges { node { name } } }
      organizations(first: 10) { totalCount edges { node { slug kind } } }
      delegations(first: 10) { totalCount }
      meetings(first: 10) { totalCount edges { node { slug } } }
      places { name kind }
    } }`);
    expect(nodes<{ name: string }>(country.people).map((p) => p.name)).toEqual(["Kairat Abdrakhmanov", "Roman Vassilenko"]);
    expect(country.organizations.totalCount).toBe(5);
    expect(country.delegations.totalCount).toBe(2);
    expect(country.meetings.totalCount).toBe(2);
    expect(country.places).toEqual([{ name: "Astana", kind: "CITY" }, { name: "Karaganda region", kind: "REGION" }]);
  });

  it("models organisations with kinds, countries and parents", async () => {
    const { unsc, un, aifc, zhangyru } = await query(`{
      unsc: organization(slug: "un-security-council") { name kind country { code } parent { acronym } }
      un: organization(slug: "united-nations") { children { acronym } }
      aifc: organization(slug: "astana-international-financial-center") { kind acronym country { code } }
      zhangyru: organization(slug: "zhangyru-zholy") { kind parent { name } }
    }`);
    expect(unsc).toEqual({ name: "UN Security Council", kind: "INTERGOVERNMENTAL_BODY", country: null, parent: { acronym: "UN" } });
    expect(un.children).toEqual([{ acronym: "UNSC" }]);
    expect(aifc).toEqual({ kind: "FINANCIAL_CENTRE", acronym: "AIFC", country: { code: "KZ" } });
    expect(zhangyru).toEqual({ kind: "YOUTH_MOVEMENT", parent: { name: "Assembly of the People of Kazakhstan" } });
    const { organizations } = await query(`{ organizations(first: 100) { totalCount } }`);
    expect(organizations.totalCount).toBe(15);
  });
});

describe("reverse navigation", () => {
  it("leads from organisations, places, posts and countries back to events, outcomes, figures and quotes", async () => {
    const data = await query(`{
      organization(slug: "bank-of-lithuania") { outcomes { outcome { slug } } referencedEvents { slug } }
      aifc: organization(slug: "astana-international-financial-center") { referencedEvents { slug } }
      country(code: "LT") { figures { slug } outcomes { outcome { slug } } }
      meeting(slug: "kazakhstan-lithuania-foreign-ministry-consultations") { attestedTenures { person { slug } } place { referencedEvents { slug } } }
      node(id: "${Buffer.from("Post:lithuania-vice-minister-of-foreign-affairs").toString("base64url")}") { ... on Post { quotes { attributedAs } } }
    }`);
    expect(data.organization).toEqual({ outcomes: [{ outcome: { slug: "aifc-bank-of-lithuania-bridge" } }], referencedEvents: [] });
    expect(data.aifc.referencedEvents).toEqual([{ slug: "aifc-opening" }]);
    expect(data.country.figures).toEqual([{ slug: "kazakh-graduates-of-lithuanian-higher-education" }]);
    expect(data.country.outcomes).toHaveLength(7);
    expect(data.meeting.attestedTenures).toEqual([{ person: { slug: "darius-skusevicius" } }, { person: { slug: "roman-vassilenko" } }]);
    expect(data.meeting.place.referencedEvents.map((e: { slug: string }) => e.slug)).toEqual(["aifc-opening", "osce-summit-astana"]);
    expect(data.node).toEqual({ quotes: [{ attributedAs: "D. Skusevičius" }] });
  });
});
