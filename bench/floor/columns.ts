// The columns Prisma selects for each model the operations touch: every scalar field, in schema
// order, as the server's plan reads them. Selecting the same columns keeps the floor's rows as wide
// as Prisma's, so the comparison measures the framework, not a narrower query.
import type { Sql } from "./sql.js";

const TABLES = {
  Meeting: ["id", "title", "type:enum", "cameoCode", "date", "datePrecision:enum", "dateInferred", "dateNote", "placeId", "placeInferred", "placeNote", "tone", "summary"],
  Place: ["id", "name", "kind:enum", "countryId"],
  Delegation: ["id", "meetingId", "side:enum", "sideInferred", "countryId", "organizationId", "headId", "headInferred", "note"],
  Evidence: ["id", "sourceId", "excerpt"],
  Person: ["id", "name", "nameKey", "givenName", "familyName", "countryId"],
  Tenure: ["id", "personId", "postId", "startDate", "endDate", "attestedOn", "attestedMeetingId", "note"],
  Country: ["id", "code", "name", "officialName"],
  TradeRecord: ["id", "reporterId", "partnerId", "flow:enum", "periodStart", "periodEnd", "periodPrecision:enum", "periodInferred", "periodNote", "value", "currency", "approximate", "meetingId"],
  Post: ["id", "label", "role", "organizationId", "countryId"],
} as const;

export type Table = keyof typeof TABLES;

/** `"Table"."column", …` for every scalar column; PostgreSQL enums are read as text, as Prisma does. */
export function columns(engine: Sql["engine"], table: Table): string {
  return TABLES[table]
    .map((spec) => {
      const [name, kind] = spec.split(":");
      return `"${table}"."${name}"${kind === "enum" && engine === "postgres" ? "::text" : ""}`;
    })
    .join(", ");
}
