// Bilateral trade statistics in UN Comtrade's shape, for the pairs of countries that meet. Values
// come from a smooth per-pair series (a level, a trend, the 2009 and 2020 dips), so one reporter's
// export + import equals its turnover, partial-year figures grow with the months they cover, and
// the two sides' mirror statistics differ by a few per cent, as real ones do.
import type { Prisma, TradeFlow } from "../../src/generated/prisma/client.js";
import { dateOf, dayNumberOf, dayOf, lastDayOfMonth, monthOf, yearOf } from "./days.js";
import type { Existing } from "./existing.js";
import { hashSeed, Random } from "./random.js";
import type { MeetingPlan } from "./schedule.js";
import type { CountryPlan } from "./world.js";

const clamp = (value: number, limit: number) => Math.max(-limit, Math.min(limit, value));

/** A standard normal that depends only on its key: the same pair and year always get the same value. */
function keyedNormal(seed: number, ...key: (string | number)[]): number {
  return new Random(hashSeed(seed, ...key)).normal();
}

function turnover(seed: number, reporter: CountryPlan, partner: CountryPlan, year: number): number {
  const pair = reporter.code < partner.code ? `${reporter.code}${partner.code}` : `${partner.code}${reporter.code}`;
  // About $50 million a year in 2000 for a typical pair, tens of billions for the busiest.
  const level = Math.exp(17.7 + 1.3 * clamp(keyedNormal(seed, "level", pair), 2.5)) * (reporter.weight * partner.weight) ** 0.35;
  const growth = 0.06 + 0.04 * clamp(keyedNormal(seed, "growth", pair), 2);
  const shock = year === 2009 ? 0.78 : year === 2020 ? 0.85 : 1;
  const wobble = Math.max(0.5, 1 + 0.12 * keyedNormal(seed, "year", pair, year));
  const mirror = 1 + 0.04 * keyedNormal(seed, "mirror", reporter.code, partner.code, year);
  return level * Math.exp(growth * (year - 2000)) * shock * wobble * mirror;
}

/** The reporter's exports as a share of its turnover with the partner (the partner sees 1 − share). */
function exportShare(seed: number, reporter: CountryPlan, partner: CountryPlan): number {
  const [first] = [reporter.code, partner.code].sort();
  const share = 0.2 + 0.6 * new Random(hashSeed(seed, "share", reporter.code, partner.code, first as string)).next();
  return reporter.code === first ? share : 1 - share;
}

const roundTo = (value: number, step: number) => Math.max(step, Math.round(value / step) * step);

const tradeKey = (reporterId: string, partnerId: string, flow: string, start: number, end: number) =>
  `${reporterId}|${partnerId}|${flow}|${start}|${end}`;

/**
 * `target` records, one per reporter, partner, flow and period, none of them restating a period
 * the real seed already has a figure for.
 */
export function buildTradeRecords(
  plans: MeetingPlan[],
  target: number,
  existing: Existing["tradeRecords"],
  seed: number,
): Prisma.TradeRecordCreateManyInput[] {
  const random = Random.stream(seed, "trade");
  const records: Prisma.TradeRecordCreateManyInput[] = [];
  const seen = new Set(
    existing.map((record) =>
      tradeKey(record.reporterId, record.partnerId, record.flow, dayNumberOf(record.periodStart), dayNumberOf(record.periodEnd))),
  );
  const annual = new Map<string, number>();
  const annualTurnover = (reporter: CountryPlan, partner: CountryPlan, year: number) => {
    const key = `${reporter.code}${partner.code}${year}`;
    let value = annual.get(key);
    if (value === undefined) annual.set(key, (value = turnover(seed, reporter, partner, year)));
    return value;
  };
  for (let attempt = 0; records.length < target && attempt < target * 5 && plans.length > 0; attempt++) {
    const plan = random.pick(plans);
    const [reporter, partner] = random.chance(0.7) ? [plan.host, plan.guest] : [plan.guest, plan.host];
    const meetingYear = yearOf(plan.day);
    const meetingMonth = monthOf(plan.day);
    // Either a full calendar year before the meeting, or the months of the meeting's year so far.
    const partial = meetingMonth >= 3 && random.chance(0.3);
    const year = partial ? meetingYear : meetingYear - 1 - (random.chance(0.6) ? 0 : random.int(1, 4));
    const endMonth = partial ? random.int(Math.max(1, meetingMonth - 3), meetingMonth - 1) : 12;
    const start = dayOf(year, 1, 1);
    const end = lastDayOfMonth(year, endMonth);
    const total = annualTurnover(reporter, partner, year) * (endMonth / 12);
    const approximate = random.chance(0.15);
    const turnoverValue = approximate ? roundTo(total, 10 ** Math.max(3, Math.floor(Math.log10(total)) - 1)) : roundTo(total, 1000);
    const exports = roundTo(turnoverValue * exportShare(seed, reporter, partner), 1000);
    const values: Partial<Record<TradeFlow, number>> = { TURNOVER: turnoverValue };
    if (!approximate && turnoverValue >= 100_000 && random.chance(0.5)) {
      values.EXPORT = exports;
      values.IMPORT = turnoverValue - exports;
    }
    // Some figures are the ones the meeting itself cited.
    const cited = random.chance(0.25);
    for (const [flow, value] of Object.entries(values) as [TradeFlow, number][]) {
      const key = tradeKey(reporter.id, partner.id, flow, start, end);
      if (seen.has(key) || records.length >= target) continue;
      seen.add(key);
      records.push({
        id: `syn-trade-${String(records.length + 1).padStart(7, "0")}`,
        reporterId: reporter.id,
        partnerId: partner.id,
        flow,
        periodStart: dateOf(start),
        periodEnd: dateOf(end),
        periodPrecision: partial ? "MONTH" : "YEAR",
        periodInferred: false,
        value,
        currency: "USD",
        approximate,
        ...(cited ? { meetingId: plan.id } : {}),
      });
    }
  }
  return records;
}
