// What the real seed already holds that synthetic rows attach to: its countries, foreign
// ministries and their posts, capitals, international organisations and the topic taxonomy.
import type { PrismaClient } from "../../src/generated/prisma/client.js";
import { compareText } from "./random.js";
import { SYNTHETIC_PREFIX } from "./rows.js";

export interface Existing {
  countries: { id: string; code: string; name: string; demonyms: string[] }[];
  organizations: { id: string; name: string; kind: string; countryId: string | null }[];
  posts: { id: string; role: string; organizationId: string; countryId: string | null }[];
  places: { id: string; name: string; countryId: string }[];
  topics: { id: string; name: string; parentId: string | null }[];
  /** So that no synthetic figure contradicts a real one for the same reporter, partner and period. */
  tradeRecords: { id: string; reporterId: string; partnerId: string; flow: string; periodStart: Date; periodEnd: Date }[];
}

/** Sorted here rather than by the database: PostgreSQL's collations would order "-" and "~" differently. */
const sortById = <T extends { id: string }>(rows: T[]): T[] => rows.sort((a, b) => compareText(a.id, b.id));

/** Every real row the generator builds on, in id order so that generation stays deterministic. */
export async function readExisting(db: PrismaClient): Promise<Existing> {
  const real = { NOT: { id: { startsWith: SYNTHETIC_PREFIX } } };
  const [countries, organizations, posts, places, topics, tradeRecords] = await Promise.all([
    db.country.findMany({
      where: real,
      select: { id: true, code: true, name: true, demonyms: { select: { id: true, label: true } } },
    }),
    db.organization.findMany({ where: real, select: { id: true, name: true, kind: true, countryId: true } }),
    db.post.findMany({ where: real, select: { id: true, role: true, organizationId: true, countryId: true } }),
    db.place.findMany({ where: real, select: { id: true, name: true, countryId: true } }),
    db.topic.findMany({ select: { id: true, name: true, parentId: true } }),
    db.tradeRecord.findMany({
      where: real,
      select: { id: true, reporterId: true, partnerId: true, flow: true, periodStart: true, periodEnd: true },
    }),
  ]);
  return {
    countries: sortById(countries).map(({ demonyms, ...country }) => ({
      ...country,
      demonyms: sortById(demonyms).map(({ label }) => label),
    })),
    organizations: sortById(organizations),
    posts: sortById(posts),
    places: sortById(places),
    topics: sortById(topics),
    tradeRecords: sortById(tradeRecords),
  };
}
