// Calendar arithmetic on whole UTC days (days since 1970-01-01), turned into Dates only at the end.
const DAY_MS = 86_400_000;

export const dayOf = (year: number, month: number, day: number): number => Date.UTC(year, month - 1, day) / DAY_MS;
export const dateOf = (day: number): Date => new Date(day * DAY_MS);
export const dayNumberOf = (date: Date): number => Math.floor(date.getTime() / DAY_MS);
export const yearOf = (day: number): number => new Date(day * DAY_MS).getUTCFullYear();
/** 1–12. */
export const monthOf = (day: number): number => new Date(day * DAY_MS).getUTCMonth() + 1;
export const lastDayOfMonth = (year: number, month: number): number => dayOf(year, month + 1, 1) - 1;
export const firstDayOfMonth = (day: number): number => dayOf(yearOf(day), monthOf(day), 1);
export const firstDayOfYear = (day: number): number => dayOf(yearOf(day), 1, 1);

export const MONTH_NAMES = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
] as const;

/** The span synthetic meetings cover, and the "as of" date of the data set. */
export const FIRST_MEETING_DAY = dayOf(2000, 1, 1);
export const HORIZON_DAY = dayOf(2025, 12, 31);
/** Careers start before the first meeting so that someone holds every post on 2000-01-01. */
export const FIRST_TENURE_DAY = dayOf(1996, 1, 1);
