import { defineConfig } from "vitest/config";
import { postgresServerUrl } from "./test/helpers/engines.js";

// The suite runs once per engine (test/helpers/engines.ts). Global setup creates a database of the
// run's own on each and hands its URL to the workers.
const postgresServer = postgresServerUrl();

export default defineConfig({
  // Node resolves `graphql` (no exports map) to its CommonJS build, and so do Yoga and Pothos; Vite
  // would pick the ES build for our own files, and graphql-js refuses types from two copies.
  resolve: { alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }] },
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    setupFiles: ["test/worker-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: "sqlite", env: { NODE_ENV: "test" }, exclude: ["test/postgres-*.test.ts"] } },
      ...(postgresServer
        ? [
            {
              extends: true as const,
              test: {
                name: "postgres",
                env: { NODE_ENV: "test" },
                // What a browser shows does not depend on the engine: tested once, on SQLite.
                exclude: ["test/graphiql.test.ts"],
              },
            },
          ]
        : []),
    ],
  },
});
