import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

// Every run gets its own SQLite file, migrated and seeded once by test/global-setup.ts.
const databaseUrl = `file:${path.join(tmpdir(), `parley-test-${process.pid}-${Date.now()}.db`)}`;
process.env.DATABASE_URL = databaseUrl;

export default defineConfig({
  // Node resolves `graphql` (no exports map) to its CommonJS build, and so do Yoga and Pothos; Vite
  // would pick the ES build for our own files, and graphql-js refuses types from two copies.
  resolve: { alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }] },
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    env: { DATABASE_URL: databaseUrl, NODE_ENV: "test" },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
