// Points each worker at its project's database before any test file imports src/db/client.ts.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
