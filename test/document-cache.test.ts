// What the server keeps between requests (src/guards/limits.ts): parsed documents, bounded by their
// size and only when they validated, and introspection answers, computed once per schema.
import { getIntrospectionQuery, type DocumentNode } from "graphql";
import { createYoga, type Plugin } from "graphql-yoga";
import { describe, expect, it } from "vitest";
import { BoundedCache } from "../src/guards/caches.js";
import { limitPlugins } from "../src/guards/limits.js";
import { MemoryStore } from "../src/guards/rate-limit.js";
import { schema } from "../src/schema/index.js";
import { config } from "../src/config/settings.js";
import { createParleyYoga } from "../src/yoga.js";
import { fullGc } from "./helpers/full-gc.js";

function server(cache: BoundedCache<DocumentNode>, ...plugins: Plugin[]) {
  const yoga = createYoga({
    schema,
    parserAndValidationCache: false,
    plugins: [...limitPlugins({ documentCache: cache, store: new MemoryStore(), rateLimitPoints: 1e9 }), ...plugins],
  });
  return async (query: string) => {
    const response = await yoga.fetch("http://parley/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
      body: JSON.stringify({ query }),
    });
    return (await response.json()) as { data?: unknown; errors?: unknown[] };
  };
}

// About 14 KB each, like the documents that grew the server by 1.3 MB apiece.
const unique = (i: number) => `query Q${i} { ${"__typename ".repeat(90)}} # ${"x".repeat(13_000)} ${i}`;

describe("the document cache", () => {
  it("stays within its bytes however many unique documents arrive", async () => {
    const cache = new BoundedCache<DocumentNode>(2 * 1024 * 1024);
    const post = server(cache);
    for (let i = 0; i < 300; i++) {
      const small = await post(`{ __typename } # ${i}`);
      expect(small.errors).toBeUndefined();
    }
    const afterSmall = cache.size;
    expect(afterSmall).toBeGreaterThan(100);
    for (let i = 0; i < 200; i++) expect((await post(unique(i))).errors).toBeUndefined();
    expect(cache.bytes).toBeLessThanOrEqual(cache.maxBytes);
    expect(cache.size).toBeLessThan(afterSmall);
  });

  it("keeps the real server's heap within its budget, however many unique documents arrive", async () => {
    // Measured after full collections, on src/yoga.ts's own
    // server: Yoga's cache is off there and ours is bounded by bytes. With Yoga's own cache (bounded
    // by entries) turned on instead, these 400 documents kept 112 MB.
    const yoga = createParleyYoga();
    const post = async (query: string) =>
      (await (await yoga.fetch("http://parley/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) })).json()) as {
        errors?: unknown[];
      };
    // About 14 KB each, of 95 fragments: each parsed document is large too.
    const fields = (i: number) =>
      `query R${i} { ${Array.from({ length: 95 }, (_, k) => `...FragmentNumber${k}OfDocument${i}`).join(" ")} } ` +
      Array.from({ length: 95 }, (_, k) => `fragment FragmentNumber${k}OfDocument${i} on Query { __typename }`).join(" ");
    expect((await post(fields(400))).errors).toBeUndefined();
    fullGc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 400; i++) expect((await post(fields(i))).errors).toBeUndefined();
    fullGc();
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(config.DOCUMENT_CACHE_BYTES + 16 * 1024 * 1024);
  });

  it("keeps no document that was refused: unparsable, over a limit or invalid", async () => {
    const cache = new BoundedCache<DocumentNode>(64 * 1024 * 1024);
    const post = server(cache);
    const refused = [
      `{ meetings { totalCount } # 1`,
      `{ ${Array.from({ length: 200 }, () => "__typename").join(" ")} } # 2`,
      `{ meetings { noSuchField } } # 3`,
      `{ a: __schema { queryType { name } } b: __schema { queryType { name } } } # 4`,
      `{ ${"__typename ".repeat(6000)} } # 5`,
    ];
    for (const query of refused) {
      const { errors } = await post(query);
      expect(errors?.length).toBeGreaterThan(0);
    }
    expect(cache.size).toBe(0);
    await post(`{ __typename }`);
    await post(`{ __typename }`);
    expect(cache.size).toBe(1);
  });

  it("evicts the least recently used first", () => {
    const cache = new BoundedCache<string>(30);
    cache.set("a", "a", 10);
    cache.set("b", "b", 10);
    cache.set("c", "c", 10);
    cache.get("a");
    cache.set("d", "d", 10);
    expect([cache.get("a"), cache.get("b"), cache.get("c"), cache.get("d")]).toEqual(["a", undefined, "c", "d"]);
    cache.set("huge", "huge", 31);
    expect(cache.get("huge")).toBeUndefined();
    expect(cache.bytes).toBe(30);
  });
});

describe("the introspection cache", () => {
  it("runs an introspection query once, whatever its comments and spacing", async () => {
    let executed = 0;
    const counting: Plugin = { onExecute: () => void (executed += 1) };
    const post = server(new BoundedCache<DocumentNode>(64 * 1024 * 1024), counting);
    const query = getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, oneOf: true });
    const first = await post(query);
    const second = await post(`# again\n${query.replaceAll("\n", "\n  ")}`);
    expect(first.errors).toBeUndefined();
    expect(second.data).toEqual(first.data);
    expect(executed).toBe(1);
    await post(`{ __typename meetings(first: 1) { totalCount } }`);
    await post(`{ __typename meetings(first: 1) { totalCount } }`);
    expect(executed).toBe(3); // anything beyond introspection runs every time.
  });
});
