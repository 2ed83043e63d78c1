// Grows one country's trade records for the rows-read tests: copies of its records in ever later
// periods, so that the first page (newest last), once full, stays the same however many are added.
import type { PrismaClient } from "../../src/generated/prisma/client.js";

/** The country's records, and `grow(from, to)`, which adds copies number `from` to `to` - 1. */
export async function tradeRecordGrowth(db: PrismaClient, countryCode: string) {
  const country = await db.country.findUniqueOrThrow({ where: { code: countryCode } });
  const records = await db.tradeRecord.findMany({ where: { reporterId: country.id } });
  const grow = async (from: number, to: number) => {
    const copies = Array.from({ length: to - from }, (_, offset) => {
      const index = from + offset;
      const { id, ...record } = records[index % records.length]!;
      const shift = (date: Date) => new Date(Date.UTC(date.getUTCFullYear() + 100 + index, date.getUTCMonth(), date.getUTCDate()));
      return { ...record, id: `${id}-copy-${index}`, periodStart: shift(record.periodStart), periodEnd: shift(record.periodEnd) };
    });
    await db.tradeRecord.createMany({ data: copies });
  };
  return { records, grow };
}
