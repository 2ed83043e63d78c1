// Who meets whom, when and how: the meeting skeletons every other table hangs from, plus what they
// imply for staffing (how many people each ministry needs, and which embassies it runs).
import type { DatePrecision, MeetingType } from "../../src/generated/prisma/client.js";
import { FIRST_MEETING_DAY, HORIZON_DAY, firstDayOfMonth, firstDayOfYear } from "./days.js";
import { choose, compareText, Random, WeightedIndex } from "./random.js";
import type { CountryPlan } from "./world.js";

export interface MeetingPlan {
  id: string;
  type: MeetingType;
  /** The stored date: the first of the month or year when the precision is coarser than a day. */
  day: number;
  precision: DatePrecision;
  host: CountryPlan;
  guest: CountryPlan;
  /** For a reception held the same day as consultations between the same delegations. */
  companionOf: MeetingPlan | null;
  /** The draw order, which breaks ties between meetings of the same day. */
  order: number;
}

/** Neighbours meet more often than countries on opposite sides of the world. */
function affinity(a: CountryPlan, b: CountryPlan): number {
  if (a.id === b.id) return 0;
  if (a.subregion === b.subregion) return 4;
  return a.region === b.region ? 2 : 1;
}

export function planMeetings(countries: CountryPlan[], count: number, seed: number): MeetingPlan[] {
  const random = Random.stream(seed, "schedule");
  const hosts = new WeightedIndex(countries.map((country) => country.weight));
  const guestTables = new Map<number, WeightedIndex>();
  const guestsOf = (host: number) => {
    let table = guestTables.get(host);
    if (!table) {
      const hostCountry = countries[host] as CountryPlan;
      table = new WeightedIndex(countries.map((country) => country.weight * affinity(hostCountry, country)));
      guestTables.set(host, table);
    }
    return table;
  };

  const plans: MeetingPlan[] = [];
  while (plans.length < count) {
    const hostIndex = hosts.draw(random);
    const host = countries[hostIndex] as CountryPlan;
    const guest = countries[guestsOf(hostIndex).draw(random)] as CountryPlan;
    const type = choose(random, { CONSULTATIONS: 50, RECEPTION: 32, INTERGOVERNMENTAL_COMMISSION_SESSION: 18 });
    const exactDay = random.int(FIRST_MEETING_DAY, HORIZON_DAY);
    const precision = choose(random, { DAY: 80, MONTH: 14, YEAR: 6 });
    const day = precision === "DAY" ? exactDay : precision === "MONTH" ? firstDayOfMonth(exactDay) : firstDayOfYear(exactDay);
    const meeting: MeetingPlan = { id: "", type, day, precision, host, guest, companionOf: null, order: plans.length };
    plans.push(meeting);
    // As in the article: the guests of consultations are often received by the host's minister.
    if (type === "CONSULTATIONS" && plans.length < count && random.chance(0.3)) {
      plans.push({ ...meeting, type: "RECEPTION", companionOf: meeting, order: plans.length });
    }
  }
  plans.sort((a, b) => a.day - b.day || a.order - b.order);
  plans.forEach((plan, index) => {
    plan.id = `syn-meeting-${String(index + 1).padStart(6, "0")}`;
  });
  return plans;
}

/** Each country's partners, most frequent first (ties by code). */
export function partnersByFrequency(plans: MeetingPlan[]): Map<string, CountryPlan[]> {
  const counts = new Map<string, Map<CountryPlan, number>>();
  const add = (from: CountryPlan, to: CountryPlan) => {
    const row = counts.get(from.id) ?? new Map<CountryPlan, number>();
    row.set(to, (row.get(to) ?? 0) + 1);
    counts.set(from.id, row);
  };
  for (const plan of plans) {
    add(plan.host, plan.guest);
    add(plan.guest, plan.host);
  }
  return new Map(
    [...counts].map(([id, row]) => [
      id,
      [...row].sort(([a, x], [b, y]) => y - x || compareText(a.code, b.code)).map(([country]) => country),
    ]),
  );
}

/**
 * Splits `total` people among the countries in proportion to the delegations they send (largest
 * remainder), at least one each while there are people to go round.
 */
export function allocateHeadcount(plans: MeetingPlan[], total: number): Map<string, number> {
  const delegations = new Map<string, { code: string; count: number }>();
  for (const plan of plans) {
    for (const country of [plan.host, plan.guest]) {
      const entry = delegations.get(country.id) ?? { code: country.code, count: 0 };
      entry.count += 1;
      delegations.set(country.id, entry);
    }
  }
  const ranked = [...delegations].sort(([, a], [, b]) => b.count - a.count || compareText(a.code, b.code));
  const headcount = new Map<string, number>();
  const guaranteed = Math.min(total, ranked.length);
  ranked.slice(0, guaranteed).forEach(([id]) => headcount.set(id, 1));
  const rest = total - guaranteed;
  const sum = ranked.reduce((acc, [, { count }]) => acc + count, 0);
  const shares = ranked.map(([id, { count }]) => ({ id, exact: (rest * count) / sum }));
  let given = 0;
  for (const share of shares) {
    const whole = Math.floor(share.exact);
    headcount.set(share.id, (headcount.get(share.id) ?? 0) + whole);
    given += whole;
  }
  const byRemainder = [...shares].sort((a, b) => (b.exact % 1) - (a.exact % 1) || compareText(a.id, b.id));
  for (let i = 0; i < rest - given; i++) {
    const share = byRemainder[i % byRemainder.length] as { id: string };
    headcount.set(share.id, (headcount.get(share.id) ?? 0) + 1);
  }
  return headcount;
}
