// Which hand-written plan answers which operation, and with which of the request's variables.
import type { OperationName } from "../operations.js";
import { countryMeetings, meetingList, meetingNode, meetingOverview } from "./plans.js";
import type { Sql } from "./sql.js";

/** The meeting src/graphiql/default-query.ts names. */
const DEFAULT_MEETING = "kazakhstan-lithuania-foreign-ministry-consultations";

export type FloorHandler = (sql: Sql, variables: Record<string, unknown>) => Promise<unknown>;

export const FLOOR_HANDLERS: Record<OperationName, FloorHandler> = {
  defaultQuery: (sql) => meetingOverview(sql, DEFAULT_MEETING),
  meetingList: (sql, { first }) => meetingList(sql, Number(first)),
  meetingNode: (sql, { id }) => meetingNode(sql, String(id)),
  countryMeetings: (sql, { code }) => countryMeetings(sql, String(code)),
};
