// Rate limiting by client, as GitHub does it: each client has a budget of cost points (see
// src/guards/cost.ts) per window; an operation spends its cost (at least 1), and a request refused before
// it ran (bad syntax, too deep, too costly …) spends 1. The window opens with the client's first
// request and lasts RATE_LIMIT_WINDOW_SECONDS; then the whole budget is back.
//
// Who is a client: the connection's IP address (an IPv6 address by its /64, which one host can
// rotate through). X-Forwarded-For is not trusted: anyone can write it, so a client could give
// itself a new budget with every request. Behind a proxy every client is the proxy, until the
// proxy's address is configured as trusted (not done yet). A request carrying `x-api-key` spends
// from that key's budget as well as its address's: keys are not issued or checked yet, so a key
// lets one client share a budget across addresses but can never widen it.
//
// Budgets live in memory (one per process), or in Redis when REDIS_URL is set, so that all
// replicas share them; there the check and the spending are one Lua script, atomic across replicas.
// If Redis cannot be reached the request is served (and no headers are sent): the limiter
// protects the service, and must not become the reason it is down.
import { createHash } from "node:crypto";
import { isIP } from "node:net";
import { Redis } from "ioredis";

export interface Bucket {
  /** Points the tightest of the request's budgets has left. */
  remaining: number;
  /** Milliseconds until that budget is whole again. */
  resetMs: number;
}

export interface Spending extends Bucket {
  /** False when the budgets had no room: nothing was spent. */
  allowed: boolean;
}

export interface RateLimitStore {
  /**
   * Spends `cost` from every budget named if each has room for it (and for at least one point, so
   * that `cost` 0 asks whether the client may make a request at all); otherwise spends nothing.
   */
  spend(keys: string[], cost: number, limit: number, windowMs: number): Promise<Spending>;
  close(): Promise<void>;
}

export class MemoryStore implements RateLimitStore {
  private readonly budgets = new Map<string, { used: number; resetAt: number }>();
  private nextSweep = 0;

  async spend(keys: string[], cost: number, limit: number, windowMs: number): Promise<Spending> {
    const now = Date.now();
    this.sweep(now, windowMs);
    const budgets = keys.map((key) => {
      let budget = this.budgets.get(key);
      if (!budget || budget.resetAt <= now) {
        budget = { used: 0, resetAt: now + windowMs };
        this.budgets.set(key, budget);
      }
      return budget;
    });
    const allowed = budgets.every((budget) => budget.used + Math.max(cost, 1) <= limit);
    if (allowed) for (const budget of budgets) budget.used += cost;
    const tightest = budgets.reduce((a, b) => (b.used > a.used ? b : a));
    return { allowed, remaining: limit - tightest.used, resetMs: tightest.resetAt - now };
  }

  /** Forgets budgets whose window has passed, once a window, so idle clients cost no memory. */
  private sweep(now: number, windowMs: number) {
    if (now < this.nextSweep) return;
    this.nextSweep = now + windowMs;
    for (const [key, budget] of this.budgets) if (budget.resetAt <= now) this.budgets.delete(key);
  }

  async close() {}
}

// KEYS: the budgets; ARGV: cost, limit, window (ms). Returns allowed (0/1), the tightest budget's
// points used, and its milliseconds to reset.
const SPEND_SCRIPT = `
local cost, limit, window = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local need = math.max(cost, 1)
local allowed = 1
for i, key in ipairs(KEYS) do
  if tonumber(redis.call('GET', key) or '0') + need > limit then allowed = 0 end
end
local used, reset = 0, window
for i, key in ipairs(KEYS) do
  local spent = tonumber(redis.call('GET', key) or '0')
  if allowed == 1 and cost > 0 then spent = redis.call('INCRBY', key, cost) end
  local ttl = redis.call('PTTL', key)
  if ttl == -1 then redis.call('PEXPIRE', key, window) ttl = window end
  if ttl < 0 then ttl = window end
  if spent >= used then used, reset = spent, ttl end
end
return {allowed, used, reset}
`;

type SpendCommand = (numberOfKeys: number, ...args: (string | number)[]) => Promise<[number, number, number]>;

export class RedisStore implements RateLimitStore {
  private readonly redis: Redis;

  /** @param prefix namespaces the keys, so several deployments (or test runs) can share a server */
  constructor(url: string, private readonly prefix = "parley:rate-limit:") {
    // Fail fast rather than queue: a request must not wait on an unreachable Redis.
    this.redis = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: 500, connectTimeout: 2_000 });
    this.redis.on("error", () => {}); // reported per request instead (see src/guards/limits.ts); ioredis reconnects.
    this.redis.defineCommand("parleySpend", { lua: SPEND_SCRIPT });
  }

  async spend(keys: string[], cost: number, limit: number, windowMs: number): Promise<Spending> {
    const spend = (this.redis as unknown as { parleySpend: SpendCommand }).parleySpend.bind(this.redis);
    const [allowed, used, resetMs] = await spend(keys.length, ...keys.map((key) => this.prefix + key), cost, limit, windowMs);
    return { allowed: allowed === 1, remaining: limit - used, resetMs };
  }

  async close() {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/** An address as the bucket it spends from: IPv4 as is, IPv6 by its /64 network. */
export function addressBucket(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (isIP(address) !== 6) return address;
  const [head = "", tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = address.includes("::") && tail ? tail.split(":") : [];
  const groups = address.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups.slice(0, 4).map((group) => group.toLowerCase().replace(/^0+(?=.)/, "")).join(":")}::/64`;
}

/** The budgets a request spends from (see the header): its address's, and its API key's if given. */
export function clientBuckets(request: Request, remoteAddress: string | undefined): string[] {
  const buckets = [`ip:${remoteAddress ? addressBucket(remoteAddress) : "unknown"}`];
  const apiKey = request.headers.get("x-api-key");
  // Hashed: the store never holds a key itself.
  if (apiKey) buckets.push(`key:${createHash("sha256").update(apiKey).digest("base64url").slice(0, 22)}`);
  return buckets;
}
