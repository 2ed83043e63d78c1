// How many SQL statements a read costs depends on the engine: on PostgreSQL Prisma joins the
// relations of a query into one statement (the relationJoins preview, LATERAL subqueries with a
// LIMIT per parent); on SQLite, which Prisma cannot join that way, it sends one per relation level
// (src/db/nested-pages.ts cuts nested pages per parent there in the statement of their level, and
// adds none).
import { databaseUrl, isPostgresUrl } from "../../src/db/url.js";

export interface PerEngine {
  sqlite: number;
  postgres: number;
}

export const joinsRelations = isPostgresUrl(databaseUrl());

/** The count of the engine this test run is on. */
export const onThisEngine = (counts: PerEngine): number => (joinsRelations ? counts.postgres : counts.sqlite);
