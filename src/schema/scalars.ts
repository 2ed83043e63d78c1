// Calendar dates travel as "YYYY-MM-DD": the article's facts are days, months or years, never instants.
import { GraphQLError } from "graphql";
import { builder } from "./builder.js";
import { formatCalendarDate, parseCalendarDate } from "../lib/dates.js";

builder.scalarType("Date", {
  description: 'A calendar date, "YYYY-MM-DD" (ISO 8601). See the accompanying precision before printing it.',
  serialize: (value) => formatCalendarDate(value),
  parseValue: (value) => {
    try {
      return parseCalendarDate(String(value));
    } catch (error) {
      throw new GraphQLError((error as Error).message, { extensions: { code: "BAD_USER_INPUT" } });
    }
  },
});
