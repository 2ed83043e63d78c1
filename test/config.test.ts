// src/config/settings.ts: settings from the environment, validated at start-up, and the table in
// docs/configuration.md that documents them.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CONFIG_VARIABLES, loadConfig } from "../src/config/settings.js";
import { databaseUrl } from "../src/db/url.js";
import { startServer } from "./helpers/server-process.js";

describe("loadConfig", () => {
  it("gives the documented defaults when nothing is set, and treats an empty variable as unset", () => {
    const defaults = loadConfig({});
    expect(defaults).toMatchObject({ PORT: 4000, MAX_QUERY_COST: 10_000, OPERATION_TIMEOUT_MS: 10_000, LOG_LEVEL: "info" });
    expect(defaults.REDIS_URL).toBeUndefined();
    expect(loadConfig({ PORT: "", MAX_IN_FLIGHT: "8" })).toMatchObject({ PORT: 4000, MAX_IN_FLIGHT: 8 });
  });

  it.each([
    [{ PORT: "http" }, 'PORT must be a whole number (got "http")'],
    [{ MAX_QUERY_DEPTH: "0" }, 'MAX_QUERY_DEPTH must be at least 1 (got "0")'],
    [{ OPERATION_TIMEOUT_MS: "2.5" }, 'OPERATION_TIMEOUT_MS must be a whole number (got "2.5")'],
    [{ REDIS_URL: "localhost:6379" }, 'REDIS_URL must be a redis:// or rediss:// URL (got "localhost:6379")'],
    [{ LOG_LEVEL: "loud" }, 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")'],
  ])("names the variable of a bad value: %o", (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});

describe("the configuration table (docs/configuration.md)", () => {
  it("documents every variable the server reads", () => {
    const table = readFileSync(new URL("../docs/configuration.md", import.meta.url), "utf8");
    const documented = [...table.matchAll(/^\| `([A-Z_]+)` \|/gm)].map(([, name]) => name);
    expect(documented.sort()).toEqual([...CONFIG_VARIABLES, "DATABASE_URL", "NODE_ENV", "TEST_POSTGRES_URL"].sort());
  });
});

describe("start-up with a bad setting", () => {
  it("stops with one line naming the variable", async () => {
    const server = await startServer(databaseUrl(), { MAX_QUERY_DEPTH: "deep" });
    expect(await server.exited).toBe(1);
    const lines = server.output().trim().split("\n").filter((line) => !line.startsWith(">") && line.trim() !== "");
    expect(lines).toEqual(['Parley could not start: MAX_QUERY_DEPTH must be a whole number (got "deep")']);
  });
});
