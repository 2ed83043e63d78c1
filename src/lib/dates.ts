/** Parses a calendar date "YYYY-MM-DD" as midnight UTC, rejecting anything else. */
export function parseCalendarDate(text: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== text) {
    throw new RangeError(`"${text}" is not a calendar date (YYYY-MM-DD)`);
  }
  return date;
}

/** Formats a Date as its UTC calendar date, "YYYY-MM-DD". */
export function formatCalendarDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
