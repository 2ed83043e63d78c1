// src/db/prepare.ts on a database that already holds data: it serves it as it is, except that a search
// index missing from it (data loaded before the search_index migration) is built once.
import { describe, expect, it } from "vitest";
import { seed } from "../seed/load.js";
import { clearSearchIndex } from "../src/search/documents.js";
import { startIsolatedServer } from "./helpers/isolated-server.js";

describe("start-up on a database with data", () => {
  it("builds a missing search index, and leaves a present one alone", async () => {
    const server = await startIsolatedServer(async (db) => {
      await seed(db);
      await db.$transaction((tx) => clearSearchIndex(tx));
    });
    try {
      const before = await server.query(`{ search(query: "skusevicius") { totalCount } }`);
      expect(before.search.totalCount).toBe(0);
      const { prepareDatabase } = await import("../src/db/prepare.js");
      const lines: string[] = [];
      await prepareDatabase((line) => lines.push(line));
      expect(lines).toEqual([expect.stringMatching(/^search index was empty: indexed \d+ documents in \d+ ms$/)]);
      const after = await server.query(`{ search(query: "skusevicius") { totalCount edges { node { ... on Person { slug } } } } }`);
      expect(after.search).toEqual({ totalCount: 1, edges: [{ node: { slug: "darius-skusevicius" } }] });
      const again: string[] = [];
      await prepareDatabase((line) => again.push(line));
      expect(again).toEqual([]);
    } finally {
      await server.dispose();
    }
  });
});
