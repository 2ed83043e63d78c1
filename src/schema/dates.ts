// Dates as the source gives them: a day, a month or a year, possibly inferred rather than printed.
import { builder } from "./builder.js";
import type { DatePrecision as Precision } from "../generated/prisma/enums.js";
import { partialDateLabel, periodLabel } from "../lib/date-labels.js";
import { describedEnum } from "./enum-type.js";

export const DatePrecision = describedEnum("DatePrecision", "How much of a date the source gives.", {
  DAY: "Known to the day.",
  MONTH: "Known to the month: the date is the month's first day.",
  YEAR: "Known to the year: the date is January 1st of that year.",
});

export interface PartialDateShape {
  date: Date;
  precision: Precision;
  inferred: boolean;
  note: string | null;
}

export interface PeriodShape {
  start: Date;
  end: Date;
  precision: Precision;
  inferred: boolean;
  note: string | null;
}

export const PartialDate = builder.objectRef<PartialDateShape>("PartialDate").implement({
  description: "A date known to a day, a month or a year, and whether the source printed it or it was inferred.",
  fields: (t) => ({
    date: t.expose("date", { type: "Date", description: "The date; its first day when the precision is a month or a year." }),
    precision: t.expose("precision", { type: DatePrecision, description: "How much of the date is known." }),
    label: t.string({
      description: 'The date as a person would print it at its precision: "11 September 2017", "May 2018", "2017".',
      resolve: ({ date, precision }) => partialDateLabel(date, precision),
    }),
    isInferred: t.exposeBoolean("inferred", { description: "True when the source does not print this date and it was inferred." }),
    inferenceNote: t.exposeString("note", {
      nullable: true,
      description: "How the date was arrived at, and any inconsistency in the source about it.",
    }),
  }),
});

export const Period = builder.objectRef<PeriodShape>("Period").implement({
  description: "A span of time, such as a full year or its first eight months, as reported by the source.",
  fields: (t) => ({
    start: t.expose("start", { type: "Date", description: "First day of the period." }),
    end: t.expose("end", { type: "Date", description: "Last day of the period." }),
    precision: t.expose("precision", { type: DatePrecision, description: "Whether the period is counted in days, months or years." }),
    label: t.string({
      description: 'The period as a person would print it: "2017", "January–August 2017".',
      resolve: ({ start, end, precision }) => periodLabel(start, end, precision),
    }),
    isInferred: t.exposeBoolean("inferred", { description: "True when the source does not give the period's bounds outright." }),
    inferenceNote: t.exposeString("note", {
      nullable: true,
      description: "How the period was arrived at, and any inconsistency in the source about it.",
    }),
  }),
});

/** A PartialDate from a record's nullable date columns, or null when it has no date. */
export function partialDate(
  date: Date | null,
  precision: Precision | null,
  inferred: boolean,
  note: string | null,
): PartialDateShape | null {
  return date && precision ? { date, precision, inferred, note } : null;
}

/** A Period from a record's nullable period columns, or null when it has none. */
export function period(record: {
  periodStart: Date | null;
  periodEnd: Date | null;
  periodPrecision: Precision | null;
  periodInferred: boolean;
  periodNote: string | null;
}): PeriodShape | null {
  const { periodStart: start, periodEnd: end, periodPrecision: precision } = record;
  return start && end && precision
    ? { start, end, precision, inferred: record.periodInferred, note: record.periodNote }
    : null;
}
