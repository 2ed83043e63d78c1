// Each foreign ministry's people, posts and tenures. A ministry is a set of slots (one chair of
// a post: the Minister's, one of the Deputy Ministers', the Ambassador to X's …); each slot passes
// from holder to holder without gaps from 1996 until the data set's horizon, where the last holder
// is still in office. So for any meeting date there is someone in every slot to head a delegation.
import type { Prisma } from "../../src/generated/prisma/client.js";
import { nameKey } from "../../src/lib/text.js";
import { FIRST_TENURE_DAY, HORIZON_DAY } from "./days.js";
import type { Existing } from "./existing.js";
import { abbreviate, asciiFold, drawName, type PersonName } from "./names.js";
import { Random } from "./random.js";
import type { CountryPlan, World } from "./world.js";

export type SlotKind = "MINISTER" | "FIRST_DEPUTY" | "DEPUTY" | "DIRECTOR" | "AMBASSADOR" | "DIPLOMAT";

export interface Tenure {
  personIndex: number;
  postId: string;
  start: number;
  /** null while still in office at the horizon. */
  end: number | null;
  attestedDay: number | null;
  attestedMeetingId: string | null;
}

export interface Slot {
  kind: SlotKind;
  postId: string;
  role: string;
  /** Consecutive, non-overlapping, in date order. */
  tenures: Tenure[];
}

export interface Ministry {
  country: CountryPlan;
  slots: Slot[];
  /** Deputy ranks (first deputy included), the usual heads of consultations. */
  deputies: Slot[];
  ambassadors: Map<string, Slot>;
}

export interface Staff {
  ministries: Map<string, Ministry>;
  people: { id: string; name: PersonName }[];
  personRows: Prisma.PersonCreateManyInput[];
  aliasRows: Prisma.PersonAliasCreateManyInput[];
  postRows: Prisma.PostCreateManyInput[];
}

const DEPARTMENTS = [
  "European", "Asian", "American", "African", "Middle East", "Multilateral Cooperation",
  "Economic Diplomacy", "Consular", "International Security", "Legal",
];
const RANKS = ["Counsellor", "First Secretary", "Second Secretary"];
/** People per slot over the thirty years: terms of four years or so. */
const PEOPLE_PER_SLOT = 7;

const slug = (text: string) => nameKey(text).replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

/** The slots a ministry fills, most senior first; a small ministry only has the first few. */
function slotPlan(country: CountryPlan, partners: CountryPlan[], count: number) {
  const deputy = { kind: "DEPUTY", key: "deputy", role: country.roles.deputy } as const;
  const plan: { kind: SlotKind; key: string; role: string; partner?: CountryPlan }[] = [
    { kind: "MINISTER", key: "minister", role: country.roles.minister },
    { kind: "FIRST_DEPUTY", key: "first-deputy", role: country.roles.firstDeputy },
    deputy,
    deputy,
  ];
  for (let i = 0; plan.length < count && (i < DEPARTMENTS.length || i < partners.length); i++) {
    const department = DEPARTMENTS[i];
    const partner = partners[i];
    if (department) plan.push({ kind: "DIRECTOR", key: `director-${slug(department)}`, role: `Director of the ${department} Department` });
    if (partner) plan.push({ kind: "AMBASSADOR", key: `ambassador-${partner.code.toLowerCase()}`, role: "Ambassador", partner });
    if (i === 3) plan.push(deputy);
  }
  for (let i = 0; plan.length < count; i++) {
    const rank = RANKS[i % RANKS.length] as string;
    plan.push({ kind: "DIPLOMAT", key: slug(rank), role: rank });
  }
  return plan.slice(0, count);
}

/**
 * @param headcount people per country id, in proportion to how often each country meets
 * @param partners each country's partners, most frequent first (they get embassies first)
 */
export function buildStaff(
  world: World,
  existing: Existing,
  headcount: Map<string, number>,
  partners: Map<string, CountryPlan[]>,
  seed: number,
): Staff {
  const random = Random.stream(seed, "staff");
  const staff: Staff = { ministries: new Map(), people: [], personRows: [], aliasRows: [], postRows: [] };
  const postIds = new Map<string, string>();

  const postFor = (country: CountryPlan, { kind, key, role, partner }: ReturnType<typeof slotPlan>[number]): string => {
    let id = postIds.get(`${country.id}|${key}`);
    if (id) return id;
    const seeded = kind === "AMBASSADOR" ? undefined
      : existing.posts.find((post) => post.organizationId === country.ministryId && post.role === role);
    if (seeded) id = seeded.id;
    else if (partner) {
      id = `syn-post-${country.code.toLowerCase()}-${key}`;
      const label = `Ambassador of ${country.nameInText} to ${partner.nameInText}`;
      staff.postRows.push({
        id,
        label,
        labelKey: nameKey(label),
        role,
        organizationId: world.embassy(country, partner),
        countryId: country.id,
      });
    } else {
      id = `syn-post-${country.code.toLowerCase()}-${key}`;
      const ministerial = kind === "MINISTER" || kind === "FIRST_DEPUTY" || kind === "DEPUTY";
      const label = ministerial ? `${role} of ${country.nameInText}` : `${role}, ${country.ministryName}`;
      staff.postRows.push({
        id,
        label,
        labelKey: nameKey(label),
        role,
        organizationId: country.ministryId,
        countryId: country.id,
      });
    }
    postIds.set(`${country.id}|${key}`, id);
    return id;
  };

  for (const country of world.active) {
    const count = headcount.get(country.id) ?? 0;
    if (count === 0) continue;
    const plan = slotPlan(country, partners.get(country.id) ?? [], Math.max(1, Math.round(count / PEOPLE_PER_SLOT)));
    const slots: Slot[] = plan.map((entry) => ({ kind: entry.kind, role: entry.role, postId: postFor(country, entry), tenures: [] }));
    const ministry: Ministry = {
      country,
      slots,
      deputies: slots.filter((slot) => slot.kind === "FIRST_DEPUTY" || slot.kind === "DEPUTY"),
      ambassadors: new Map(plan.flatMap(({ partner }, index) => (partner ? [[partner.id, slots[index] as Slot]] : []))),
    };
    staff.ministries.set(country.id, ministry);

    const holders: number[][] = slots.map(() => []);
    for (let i = 0; i < count; i++) {
      const personIndex = staff.people.length;
      const id = `syn-person-${String(personIndex + 1).padStart(6, "0")}`;
      const name = drawName(random, country.culture);
      staff.people.push({ id, name });
      staff.personRows.push({
        id,
        name: name.name,
        nameKey: nameKey(name.name),
        givenName: name.givenName,
        familyName: name.familyName,
        countryId: country.id,
      });
      const short = abbreviate(name);
      staff.aliasRows.push({ id: `${id}~1`, personId: id, name: short, nameKey: nameKey(short), kind: "ABBREVIATION" });
      const folded = asciiFold(name.name);
      if (folded !== name.name) {
        staff.aliasRows.push({ id: `${id}~2`, personId: id, name: folded, nameKey: nameKey(folded), kind: "ASCII_FOLDING" });
      }
      (holders[i % slots.length] as number[]).push(personIndex);
    }

    slots.forEach((slot, index) => {
      const people = holders[index] as number[];
      // Terms of uneven length (0.4 to 1.4 times the average) that together fill the span.
      const shares = people.map(() => 0.4 + random.next());
      const total = shares.reduce((sum, share) => sum + share, 0);
      const span = HORIZON_DAY - FIRST_TENURE_DAY;
      let start = FIRST_TENURE_DAY;
      let elapsed = 0;
      people.forEach((personIndex, turn) => {
        elapsed += shares[turn] as number;
        const last = turn === people.length - 1;
        const end = last ? null : FIRST_TENURE_DAY + Math.round((span * elapsed) / total);
        slot.tenures.push({ personIndex, postId: slot.postId, start, end, attestedDay: null, attestedMeetingId: null });
        if (end !== null) start = end + 1;
      });
    });
  }
  return staff;
}

export const personOf = (staff: Staff, tenure: Tenure) => staff.people[tenure.personIndex] as Staff["people"][number];

/** Who held the slot on that day, if anyone. */
export function holderAt(slot: Slot, day: number): Tenure | undefined {
  const tenures = slot.tenures;
  let low = 0;
  let high = tenures.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    if ((tenures[middle] as Tenure).start <= day) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  const tenure = tenures[found];
  return tenure && (tenure.end === null || tenure.end >= day) ? tenure : undefined;
}
