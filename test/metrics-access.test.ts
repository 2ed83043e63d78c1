// Who may read /metrics (the process's memory, versions and traffic): with METRICS_TOKEN, a bearer
// of that token; without one, this machine only.
import { createYoga } from "graphql-yoga";
import { describe, expect, it } from "vitest";
import { createMetrics, useMetricsEndpoint } from "../src/observability/metrics.js";
import { schema } from "../src/schema/index.js";

const TOKEN = "metrics-token-for-tests-0123";

function scrape(token: string | undefined, headers: Record<string, string> = {}, remoteAddress?: string) {
  const yoga = createYoga({ schema, plugins: [useMetricsEndpoint(createMetrics(), token)] });
  const serverContext = remoteAddress === undefined ? {} : { req: { socket: { remoteAddress } } };
  return yoga.fetch("http://parley/metrics", { headers }, serverContext);
}

describe("/metrics with METRICS_TOKEN", () => {
  it("answers a bearer of the token", async () => {
    const response = await scrape(TOKEN, { authorization: `Bearer ${TOKEN}` }, "203.0.113.9");
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("process_cpu_user_seconds_total");
  });

  it.each([
    ["no credentials", {}],
    ["another token", { authorization: "Bearer metrics-token-for-tests-0124" }],
    ["the token in another scheme", { authorization: `Basic ${TOKEN}` }],
  ])("refuses %s with 401, whoever asks", async (_case, headers) => {
    for (const address of ["203.0.113.9", "127.0.0.1"]) {
      const response = await scrape(TOKEN, headers, address);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe('Bearer realm="metrics"');
      expect(await response.text()).not.toContain("process_");
    }
  });
});

describe("/metrics without a token", () => {
  it.each(["127.0.0.1", "::1", "::ffff:127.0.0.1"])("answers a client on this machine (%s)", async (address) => {
    expect((await scrape(undefined, {}, address)).status).toBe(200);
  });

  it.each(["203.0.113.9", "2001:db8::1", "::ffff:198.51.100.7"])("refuses a client elsewhere (%s) with 403", async (address) => {
    const response = await scrape(undefined, {}, address);
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain("process_");
  });
});
