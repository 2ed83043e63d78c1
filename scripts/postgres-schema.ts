// The PostgreSQL schema is derived from prisma/schema.prisma (the one source of truth for the
// models): only the datasource and the client's output differ. `npm run derive:postgres` writes
// prisma/postgres/schema.prisma; a test fails when the committed file drifts from this derivation.
import { readFileSync, writeFileSync } from "node:fs";

export const SQLITE_SCHEMA = new URL("../prisma/schema.prisma", import.meta.url);
export const POSTGRES_SCHEMA = new URL("../prisma/postgres/schema.prisma", import.meta.url);

function replaceBlock(schema: string, header: RegExp, block: string): string {
  const match = header.exec(schema);
  if (!match) throw new Error(`prisma/schema.prisma has no block matching ${header}`);
  const end = schema.indexOf("}\n", match.index);
  return schema.slice(0, match.index) + block + schema.slice(end + 2);
}

export function derivePostgresSchema(sqliteSchema: string): string {
  let schema = replaceBlock(
    sqliteSchema,
    /^generator client \{/m,
    `generator client {\n  provider        = "prisma-client"\n  output          = "../../src/generated/postgres"\n  engineType      = "client"\n  previewFeatures = ["relationJoins"]\n}\n`,
  );
  // The Pothos types describe the models, which both engines share: generated once, from SQLite.
  schema = replaceBlock(schema, /^generator pothos \{/m, "");
  schema = replaceBlock(
    schema,
    /^datasource db \{/m,
    `datasource db {\n  provider = "postgresql"\n  url      = "postgresql://localhost:5432/placeholder"\n}\n`,
  );
  return `// GENERATED from prisma/schema.prisma by \`npm run derive:postgres\`: edit that file, not this one.\n${schema.replace(/\n{3,}/g, "\n\n")}`;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop() as string)) {
  writeFileSync(POSTGRES_SCHEMA, derivePostgresSchema(readFileSync(SQLITE_SCHEMA, "utf8")));
  console.log("wrote prisma/postgres/schema.prisma");
}
