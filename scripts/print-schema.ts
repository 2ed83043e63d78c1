// `npm run print-schema`: writes the schema as SDL to schema.graphql (a test fails when it drifts).
import { writeFileSync } from "node:fs";
import { printSchema } from "graphql";
import { schema } from "../src/schema/index.js";

writeFileSync(new URL("../schema.graphql", import.meta.url), `${printSchema(schema)}\n`);
console.log("wrote schema.graphql");
process.exit(0);
