// Drawing diplomats' names from their country's naming culture, and the aliases a name has: the
// "X. Surname" short form and, for names with diacritics, the ASCII spelling.
import { BY_CODE, BY_SUBREGION, CULTURES, type Culture, type CulturePool } from "./name-pools.js";
import type { Random } from "./random.js";

export type { Culture };

export function cultureOf(code: string, subregion: string): Culture {
  return BY_CODE[code] ?? BY_SUBREGION[subregion] ?? "english";
}

export function usesViceMinisters(culture: Culture): boolean {
  const pool: CulturePool = CULTURES[culture];
  return pool.viceMinisters === true;
}

const split = (list: string) => list.split(", ");
const POOLS = Object.fromEntries(
  Object.entries(CULTURES).map(([culture, pool]: [string, CulturePool]) => [
    culture,
    { ...pool, male: split(pool.male), female: split(pool.female), surnames: split(pool.surnames) },
  ]),
) as Record<Culture, Omit<CulturePool, "male" | "female" | "surnames"> & Record<"male" | "female" | "surnames", string[]>>;

export interface PersonName {
  name: string;
  givenName: string;
  familyName: string;
}

export function drawName(random: Random, culture: Culture): PersonName {
  const pool = POOLS[culture];
  const female = random.chance(0.35);
  const givenName = random.pick(female ? pool.female : pool.male);
  let familyName = random.pick(pool.surnames);
  if (female) {
    const rule = pool.feminine?.find(([pattern]) => pattern.test(familyName));
    if (rule) familyName = familyName.replace(rule[0], rule[1]);
  }
  const name = pool.familyFirst ? `${familyName} ${givenName}` : `${givenName} ${familyName}`;
  return { name, givenName, familyName };
}

/** Letters that Unicode decomposition leaves alone but an ASCII keyboard spells differently. */
const UNDECOMPOSABLE: Record<string, string> = {
  ł: "l", Ł: "L", ø: "o", Ø: "O", đ: "d", Đ: "D", ı: "i", ß: "ss", æ: "ae", Æ: "AE",
  þ: "th", Þ: "Th", ð: "d", Ð: "D", ə: "e", Ə: "E", œ: "oe", Œ: "OE",
};

/** The name as typed without diacritics ("Skusevičius" → "Skusevicius"), case kept. */
export function asciiFold(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[łŁøØđĐıßæÆþÞðÐəƏœŒ]/g, (letter) => UNDECOMPOSABLE[letter] ?? letter);
}

/** "X. Surname", the short form news agencies use (the seed's "D. Skusevičius"). */
export function abbreviate({ givenName, familyName }: PersonName): string {
  return `${givenName.charAt(0)}. ${familyName}`;
}
