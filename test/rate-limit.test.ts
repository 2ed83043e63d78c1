// Rate limiting (src/guards/rate-limit.ts, wired in src/guards/limits.ts): budgets of cost points per client and
// window, reported on every response, refused with 429 before any SQL; in memory and in Redis.
import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createYoga } from "graphql-yoga";
import { Redis } from "ioredis";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { config } from "../src/config/settings.js";
import { limitPlugins, type LimitOptions } from "../src/guards/limits.js";
import { addressBucket, MemoryStore, RedisStore } from "../src/guards/rate-limit.js";
import { statsOf } from "../src/observability/request-stats.js";
import { schema } from "../src/schema/index.js";
import { yoga } from "../src/yoga.js";
import { logStatements } from "./helpers/sql-log.js";

type Body = { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[]; extensions?: Record<string, unknown> };
type Fetcher = { fetch: (request: Request) => Response | Promise<Response> };

const COSTS_41 = `{ meetings(first: 20) { edges { node { title } } } }`; // 1 + 20 × (edge + node)
const COSTS_5 = `{ meetings(first: 2) { edges { node { title } } } }`;

async function post(server: Fetcher, query: string, headers: Record<string, string> = {}) {
  const request = new Request("http://parley/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...headers },
    body: JSON.stringify({ query }),
  });
  const response = await server.fetch(request);
  return { request, response, body: (await response.json()) as Body };
}

/** A server with the limits alone, on a budget of its own. */
const limited = (options: Partial<LimitOptions>) => createYoga({ schema, plugins: limitPlugins({ rateLimitWindowSeconds: 60, ...options }) });

afterEach(() => {
  vi.useRealTimers();
});

describe("budget reporting", () => {
  it("reports the budget in extensions.rateLimit and RateLimit headers on success and on errors", async () => {
    for (const query of [COSTS_5, `{ meetings(first: 1) {`, `{ noSuchField }`]) {
      const { response, body } = await post(yoga, query);
      const rateLimit = body.extensions?.rateLimit as Record<string, number>;
      expect(rateLimit).toMatchObject({ limit: config.RATE_LIMIT_POINTS, cost: query === COSTS_5 ? 5 : 1 });
      expect(rateLimit.remaining).toBeLessThan(config.RATE_LIMIT_POINTS);
      expect(rateLimit.resetSeconds).toBeLessThanOrEqual(config.RATE_LIMIT_WINDOW_SECONDS);
      expect(Date.parse(String(rateLimit.resetAt))).toBeGreaterThan(Date.now());
      expect(response.headers.get("RateLimit-Limit")).toBe(String(config.RATE_LIMIT_POINTS));
      expect(response.headers.get("RateLimit-Remaining")).toBe(String(rateLimit.remaining));
      expect(response.headers.get("RateLimit-Reset")).toBe(String(rateLimit.resetSeconds));
      expect(response.headers.get("RateLimit-Policy")).toBe(`${config.RATE_LIMIT_POINTS};w=${config.RATE_LIMIT_WINDOW_SECONDS}`);
    }
  });

  it("has a default budget the documented queries cannot exhaust quickly", () => {
    // ~790 GraphiQL default queries (cost 634) a minute per client; the test suite is one client per file.
    expect(config.RATE_LIMIT_POINTS / 634).toBeGreaterThan(500);
  });
});

describe("spending a budget (in memory)", () => {
  it("spends each operation's cost, then refuses with 429, RATE_LIMITED and Retry-After, before any SQL", async () => {
    const server = limited({ rateLimitPoints: 100, store: new MemoryStore() });
    expect((await post(server, COSTS_41)).body.extensions?.rateLimit).toMatchObject({ remaining: 59, cost: 41 });
    expect((await post(server, COSTS_41)).body.extensions?.rateLimit).toMatchObject({ remaining: 18, cost: 41 });

    const { result, statements } = await logStatements(() => post(server, COSTS_41));
    expect(statements).toEqual([]);
    const { request, response, body } = result;
    expect(response.status).toBe(429);
    expect(body.data ?? null).toBeNull();
    expect(body.errors).toHaveLength(1);
    const error = body.errors![0]!;
    expect(error.extensions).toMatchObject({ code: "RATE_LIMITED", cost: 41 });
    const retryAfter = Number(response.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(error.extensions?.retryAfterSeconds).toBe(retryAfter);
    expect(error.message).toMatch(new RegExp(`costs 41 points and the client has 18 of 100 left .*Retry in ${retryAfter} s \\(at .+\\)`));
    expect(body.extensions?.rateLimit).toMatchObject({ limit: 100, remaining: 18, cost: 0 });
    expect(response.headers.get("RateLimit-Remaining")).toBe("18");
    expect(statsOf(request).rateLimited).toBe(true);

    // A cheaper operation still fits what is left.
    expect((await post(server, COSTS_5)).body.extensions?.rateLimit).toMatchObject({ remaining: 13, cost: 5 });
  });

  it("refuses anything, even before parsing, once the budget is spent; the next window restores it", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const server = limited({ rateLimitPoints: 41, store: new MemoryStore() });
    expect((await post(server, COSTS_41)).response.status).toBe(200);
    const unparsable = await post(server, `{ meetings(first: 1) {`);
    expect(unparsable.response.status).toBe(429);
    expect(unparsable.body.errors?.[0]?.message).toMatch(/the client has spent its 41 points/);
    vi.setSystemTime(Date.now() + 61_000);
    const next = await post(server, COSTS_5);
    expect(next.response.status).toBe(200);
    expect(next.body.extensions?.rateLimit).toMatchObject({ remaining: 36, resetSeconds: 60 });
  });

  it("charges a refused operation one point", async () => {
    const server = limited({ rateLimitPoints: 100, maxCost: 10, store: new MemoryStore() });
    const { body } = await post(server, COSTS_41);
    expect(body.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COSTLY");
    expect(body.extensions?.rateLimit).toMatchObject({ remaining: 99, cost: 1 });
  });

  it("makes an x-api-key spend from the key's budget and the address's: a key never widens a budget", async () => {
    const server = limited({ rateLimitPoints: 100, store: new MemoryStore() });
    expect((await post(server, COSTS_41, { "x-api-key": "first" })).body.extensions?.rateLimit).toMatchObject({ remaining: 59 });
    // Another key: its own budget is whole, but the address has spent 82 of 100.
    expect((await post(server, COSTS_41, { "x-api-key": "second" })).body.extensions?.rateLimit).toMatchObject({ remaining: 18 });
    expect((await post(server, COSTS_41, { "x-api-key": "third" })).response.status).toBe(429);
  });
});

describe("who a client is", () => {
  it("groups IPv6 addresses by /64 and unwraps IPv4-mapped ones", () => {
    expect(addressBucket("203.0.113.7")).toBe("203.0.113.7");
    expect(addressBucket("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(addressBucket("2001:db8:0:1::7")).toBe("2001:db8:0:1::/64");
    expect(addressBucket("2001:0db8:0000:0001:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:0:1::/64");
    expect(addressBucket("::1")).toBe("0:0:0:0::/64");
  });

  it("takes the address from the connection, not from X-Forwarded-For", async () => {
    const server = createServer(limited({ rateLimitPoints: 50, store: new MemoryStore() })).listen(0, "127.0.0.1");
    await once(server, "listening");
    try {
      const { port } = server.address() as AddressInfo;
      const send = (forwardedFor: string) =>
        fetch(`http://127.0.0.1:${port}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor },
          body: JSON.stringify({ query: COSTS_41 }),
        });
      const first = await send("198.51.100.1");
      expect(first.status).toBe(200);
      expect(first.headers.get("RateLimit-Remaining")).toBe("9");
      await first.text();
      const second = await send("198.51.100.2");
      expect(second.status).toBe(429);
      expect(second.headers.get("Retry-After")).toMatch(/^\d+$/);
      await second.text();
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

describe("budgets in Redis", () => {
  const url = process.env.REDIS_URL || "redis://127.0.0.1:6379";
  const prefix = `parley-test:${process.pid}:${Date.now()}:`;
  const stores: RedisStore[] = [];
  const redisStore = () => {
    const store = new RedisStore(url, prefix);
    stores.push(store);
    return store;
  };

  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
    const redis = new Redis(url);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it("shares one budget between two servers (replicas)", async () => {
    const one = limited({ rateLimitPoints: 100, store: redisStore() });
    const other = limited({ rateLimitPoints: 100, store: redisStore() });
    expect((await post(one, COSTS_41)).body.extensions?.rateLimit).toMatchObject({ remaining: 59 });
    expect((await post(other, COSTS_41)).body.extensions?.rateLimit).toMatchObject({ remaining: 18 });
    const refused = await post(one, COSTS_41);
    expect(refused.response.status).toBe(429);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
    const rateLimit = refused.body.extensions?.rateLimit as { resetSeconds: number };
    expect(rateLimit.resetSeconds).toBeGreaterThan(0);
    expect(rateLimit.resetSeconds).toBeLessThanOrEqual(60);
  });

  it("spends atomically: concurrent requests never overspend", async () => {
    const [one, other] = [redisStore(), redisStore()];
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 ? one : other).spend(["ip:concurrent", "key:concurrent"], 3, 30, 60_000)),
    );
    expect(results.filter((result) => result.allowed)).toHaveLength(10);
    expect(Math.min(...results.map((result) => result.remaining))).toBe(0);
  });

  it("serves requests, without rate-limit headers, while Redis is unreachable", async () => {
    const server = limited({ rateLimitPoints: 100, store: new RedisStore("redis://127.0.0.1:1", prefix) });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const { response, body } = await post(server, COSTS_5);
      expect(response.status).toBe(200);
      expect(body.data).toBeDefined();
      expect(body.extensions?.rateLimit).toBeUndefined();
      expect(response.headers.get("RateLimit-Remaining")).toBeNull();
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^Rate limiting is off while its store fails/));
    } finally {
      warn.mockRestore();
      await server.dispose();
    }
  });
});
