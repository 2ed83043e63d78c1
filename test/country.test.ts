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
