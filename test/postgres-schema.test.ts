import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { derivePostgresSchema, POSTGRES_SCHEMA, SQLITE_SCHEMA } from "../scripts/postgres-schema.js";

const migrations = (folder: string) =>
  readdirSync(new URL(folder, import.meta.url), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

describe("the PostgreSQL schema", () => {
  it("is derived from the SQLite one (run `npm run derive:postgres` after editing prisma/schema.prisma)", () => {
    expect(readFileSync(POSTGRES_SCHEMA, "utf8")).toBe(derivePostgresSchema(readFileSync(SQLITE_SCHEMA, "utf8")));
  });

  it("has a migration for every SQLite migration, under the same name", () => {
    expect(migrations("../prisma/postgres/migrations")).toEqual(migrations("../prisma/migrations"));
  });
});
