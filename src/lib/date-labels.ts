// Human labels for dates known to a day, a month or a year, so that every client prints
// "September 2017" or "January–August 2017" the same way.
/** How much of a date the source gives (the values of the Prisma enum of the same name). */
type DatePrecision = "DAY" | "MONTH" | "YEAR";

const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];

const parts = (date: Date) => ({ day: date.getUTCDate(), month: MONTHS[date.getUTCMonth()] as string, year: date.getUTCFullYear() });

export function partialDateLabel(date: Date, precision: DatePrecision): string {
  const { day, month, year } = parts(date);
  if (precision === "YEAR") return String(year);
  if (precision === "MONTH") return `${month} ${year}`;
  return `${day} ${month} ${year}`;
}

export function periodLabel(start: Date, end: Date, precision: DatePrecision): string {
  const from = parts(start);
  const to = parts(end);
  if (precision === "YEAR") return from.year === to.year ? String(from.year) : `${from.year}–${to.year}`;
  if (precision === "MONTH") {
    if (from.year !== to.year) return `${from.month} ${from.year} – ${to.month} ${to.year}`;
    return from.month === to.month ? `${from.month} ${from.year}` : `${from.month}–${to.month} ${from.year}`;
  }
  if (start.getTime() === end.getTime()) return partialDateLabel(start, "DAY");
  return `${partialDateLabel(start, "DAY")} – ${partialDateLabel(end, "DAY")}`;
}
