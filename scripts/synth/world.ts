// The countries of ISO 3166-1 (from the world-countries package) around the seed's five, with their
// capitals, demonyms and foreign ministries, plus the international organisations meetings refer to.
import { createRequire } from "node:module";
import type { Countries } from "world-countries";
import type { Prisma } from "../../src/generated/prisma/client.js";
import { nameKey } from "../../src/lib/text.js";
import type { Existing } from "./existing.js";
import { cultureOf, usesViceMinisters, type Culture } from "./names.js";
import { compareText, Random } from "./random.js";

// The package is CommonJS whose typings claim a default export; require gives the array itself.
const worldCountries = createRequire(import.meta.url)("world-countries") as Countries;

export interface CountryPlan {
  id: string;
  code: string;
  name: string;
  /** "the United Kingdom" where English wants the article. */
  nameInText: string;
  /** The adjective in titles: "French-German consultations". */
  demonym: string;
  region: string;
  subregion: string;
  culture: Culture;
  ministryId: string;
  ministryName: string;
  roles: MinisterialRoles;
  capitalPlaceId: string | null;
  /** How often the country meets others, relative to the rest. */
  weight: number;
}

export interface MinisterialRoles {
  minister: string;
  firstDeputy: string;
  deputy: string;
}

export interface World {
  /** Countries with a foreign ministry of their own, i.e. the ones that send delegations. */
  active: CountryPlan[];
  countries: Prisma.CountryCreateManyInput[];
  countryDemonyms: Prisma.CountryDemonymCreateManyInput[];
  places: Prisma.PlaceCreateManyInput[];
  organizations: Prisma.OrganizationCreateManyInput[];
  /** Organisations ids that both countries belong to, best known first (for outcome parties). */
  sharedOrganizations(a: CountryPlan, b: CountryPlan): string[];
  /** The two countries' commission on trade and economic cooperation, created on first use. */
  commission(a: CountryPlan, b: CountryPlan): { id: string; name: string };
  /** The first country's embassy in the second, created on first use. */
  embassy(from: CountryPlan, to: CountryPlan): string;
}

const ARTICLE = /^(United |Republic of |Central African|Dominican|Czech Republic)|Islands$|^(Netherlands|Philippines|Bahamas|Gambia|Maldives|Comoros|Seychelles|Vatican City)$/;
const inText = (name: string) => (ARTICLE.test(name) ? `the ${name}` : name);

/** Foreign ministries that are not called "Ministry of Foreign Affairs of …". */
const MINISTRY_NAMES: Record<string, string> = {
  US: "United States Department of State",
  GB: "Foreign, Commonwealth and Development Office",
  AU: "Department of Foreign Affairs and Trade",
  CA: "Global Affairs Canada",
  IE: "Department of Foreign Affairs of Ireland",
  DE: "Federal Foreign Office of Germany",
  FR: "Ministry for Europe and Foreign Affairs of France",
  CH: "Federal Department of Foreign Affairs of Switzerland",
  IN: "Ministry of External Affairs of India",
};

const ROLES: Record<string, MinisterialRoles> = {
  US: { minister: "Secretary of State", firstDeputy: "Deputy Secretary of State", deputy: "Under Secretary of State" },
  GB: { minister: "Foreign Secretary", firstDeputy: "Permanent Under-Secretary", deputy: "Minister of State for Foreign Affairs" },
  IN: { minister: "Minister of External Affairs", firstDeputy: "Foreign Secretary", deputy: "Minister of State for External Affairs" },
};
const DEPUTY_ROLES = {
  minister: "Minister of Foreign Affairs",
  firstDeputy: "First Deputy Minister of Foreign Affairs",
  deputy: "Deputy Minister of Foreign Affairs",
};
const VICE_ROLES = {
  minister: "Minister of Foreign Affairs",
  firstDeputy: "First Vice-Minister of Foreign Affairs",
  deputy: "Vice-Minister of Foreign Affairs",
};

interface RegionalOrganization {
  id: string;
  name: string;
  acronym: string | null;
  kind: "INTERGOVERNMENTAL_ORGANIZATION" | "SUPRANATIONAL_UNION";
  member: (country: CountryPlan) => boolean;
}

const CIS = new Set(["AM", "AZ", "BY", "KZ", "KG", "MD", "RU", "TJ", "UZ"]);
const SCO = new Set(["CN", "RU", "KZ", "KG", "TJ", "UZ", "IN", "PK", "IR", "BY"]);
const OIC_CULTURES = new Set<Culture>(["arabic", "persian", "turkish", "azerbaijani", "centralAsian", "malay"]);
const REGIONAL: RegionalOrganization[] = [
  { id: "syn-org-african-union", name: "African Union", acronym: "AU", kind: "INTERGOVERNMENTAL_ORGANIZATION", member: (c) => c.region === "Africa" },
  { id: "syn-org-asean", name: "Association of Southeast Asian Nations", acronym: "ASEAN", kind: "INTERGOVERNMENTAL_ORGANIZATION", member: (c) => c.subregion === "South-Eastern Asia" },
  { id: "syn-org-oas", name: "Organization of American States", acronym: "OAS", kind: "INTERGOVERNMENTAL_ORGANIZATION", member: (c) => c.region === "Americas" },
  { id: "syn-org-council-of-europe", name: "Council of Europe", acronym: "CoE", kind: "INTERGOVERNMENTAL_ORGANIZATION", member: (c) => c.region === "Europe" && !["BY", "RU", "VA", "XK"].includes(c.code) },
  { id: "syn-org-cis", name: "Commonwealth of Independent States", acronym: "CIS", kind: "INTERGOVERNMENTAL_ORGANIZATION", member: (c) => CIS.has(c.code) },
  { id: "syn-org-sco", name: "Shanghai Cooperation Organisation", acronym: "SCO", kind: "INTERGOVERNMENTAL_ORGANIZATION", member: (c) => SCO.has(c.code) },
  { id: "syn-org-arab-league", name: "League of Arab States", acronym: null, kind: "INTERGOVERNMENTAL_ORGANIZATION", member: (c) => c.culture === "arabic" },
  { id: "syn-org-oic", name: "Organisation of Islamic Cooperation", acronym: "OIC", kind: "INTERGOVERNMENTAL_ORGANIZATION", member: (c) => OIC_CULTURES.has(c.culture) },
];
const WTO = { id: "syn-org-wto", name: "World Trade Organization", acronym: "WTO", kind: "INTERGOVERNMENTAL_ORGANIZATION" } as const;

export function buildWorld(existing: Existing, seed: number): World {
  const random = Random.stream(seed, "world");
  const existingByCode = new Map(existing.countries.map((country) => [country.code, country]));
  const world: Omit<World, "sharedOrganizations" | "commission" | "embassy"> = {
    active: [],
    countries: [],
    countryDemonyms: [],
    places: [],
    organizations: [],
  };

  for (const entry of [...worldCountries].sort((a, b) => compareText(a.cca2, b.cca2))) {
    const code = entry.cca2;
    const seeded = existingByCode.get(code);
    const id = seeded?.id ?? `syn-${code.toLowerCase()}`;
    const name = seeded?.name ?? entry.name.common;
    const demonyms = seeded?.demonyms.length
      ? seeded.demonyms
      : [...new Set([entry.demonyms.eng?.m, entry.demonyms.eng?.f])].filter((label): label is string => Boolean(label));
    if (!seeded) {
      world.countries.push({ id, code, name, nameKey: nameKey(name), officialName: entry.name.official });
      for (const label of demonyms) {
        world.countryDemonyms.push({ id: `${id}~${nameKey(label)}`, countryId: id, label, labelKey: nameKey(label) });
      }
    }

    const capital = entry.capital[0];
    let capitalPlaceId: string | null = null;
    if (capital) {
      const known = existing.places.find((place) => place.countryId === id && nameKey(place.name) === nameKey(capital));
      capitalPlaceId = known?.id ?? `syn-place-${code.toLowerCase()}`;
      if (!known) world.places.push({ id: capitalPlaceId, name: capital, nameKey: nameKey(capital), kind: "CITY", countryId: id });
    }

    // Dependent territories and uninhabited islands have no foreign ministry and send no delegations.
    if (entry.independent === false) continue;
    const culture = cultureOf(code, entry.subregion);
    const seededMinistry = existing.organizations.find((org) => org.kind === "MINISTRY" && org.countryId === id);
    const ministryId = seededMinistry?.id ?? `syn-mfa-${code.toLowerCase()}`;
    const ministryName = seededMinistry?.name ?? MINISTRY_NAMES[code] ?? `Ministry of Foreign Affairs of ${inText(name)}`;
    if (!seededMinistry) {
      world.organizations.push({ id: ministryId, name: ministryName, nameKey: nameKey(ministryName), acronym: "MFA", kind: "MINISTRY", countryId: id });
    }
    const seededRoles = existing.posts.filter((post) => post.organizationId === ministryId).map((post) => post.role);
    const vice = seededRoles.some((role) => role.startsWith("Vice-Minister"))
      || (!seededRoles.some((role) => role.startsWith("Deputy Minister")) && usesViceMinisters(culture));
    world.active.push({
      id,
      code,
      name,
      nameInText: inText(name),
      demonym: demonyms[0] ?? name,
      region: entry.region,
      subregion: entry.subregion,
      culture,
      ministryId,
      ministryName,
      roles: ROLES[code] ?? (vice ? VICE_ROLES : DEPUTY_ROLES),
      capitalPlaceId,
      // A long tail: a few countries meet often, most rarely; the seed's five a little more.
      weight: Math.exp(1.1 * random.normal()) * (seeded ? 3 : 1),
    });
  }

  for (const org of [...REGIONAL, WTO]) {
    world.organizations.push({ id: org.id, name: org.name, nameKey: nameKey(org.name), acronym: org.acronym, kind: org.kind, countryId: null });
  }
  const united = existing.organizations.find((org) => org.id === "united-nations")?.id;

  const commissions = new Map<string, { id: string; name: string }>();
  const embassies = new Map<string, string>();
  return {
    ...world,
    sharedOrganizations(a, b) {
      const regional = REGIONAL.filter((org) => org.member(a) && org.member(b)).map((org) => org.id);
      return [...regional, ...(united ? [united] : []), WTO.id];
    },
    commission(a, b) {
      const [first, second] = a.code < b.code ? [a, b] : [b, a];
      const key = `${first.code}-${second.code}`;
      const known = commissions.get(key);
      if (known) return known;
      const titles = [`${first.demonym}-${second.demonym}`, `${second.demonym}-${first.demonym}`];
      const seeded = existing.organizations.find(
        (org) => org.kind === "INTERGOVERNMENTAL_COMMISSION" && titles.some((title) => org.name.startsWith(title)),
      );
      const commission = seeded ?? {
        id: `syn-igc-${key.toLowerCase()}`,
        name: `${titles[0]} Intergovernmental Commission on Trade and Economic Cooperation`,
      };
      if (!seeded) {
        world.organizations.push({ ...commission, nameKey: nameKey(commission.name), acronym: null, kind: "INTERGOVERNMENTAL_COMMISSION", countryId: null });
      }
      commissions.set(key, { id: commission.id, name: commission.name });
      return commissions.get(key) as { id: string; name: string };
    },
    embassy(from, to) {
      const key = `${from.code}-${to.code}`;
      let id = embassies.get(key);
      if (id) return id;
      const seeded = existing.organizations.find(
        (org) => org.kind === "EMBASSY" && org.countryId === from.id && org.name.endsWith(` in ${to.name}`),
      );
      if (seeded) {
        embassies.set(key, seeded.id);
        return seeded.id;
      }
      id = `syn-embassy-${key.toLowerCase()}`;
      const name = `Embassy of ${from.nameInText} in ${to.nameInText}`;
      world.organizations.push({
        id,
        name,
        nameKey: nameKey(name),
        acronym: null,
        kind: "EMBASSY",
        countryId: from.id,
        parentId: from.ministryId,
      });
      embassies.set(key, id);
      return id;
    },
  };
}
