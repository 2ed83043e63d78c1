// CORS: the API uses no cookies, so browser code from any origin may read it (never with
// credentials) unless CORS_ORIGINS names the origins; preflights are cached, and the headers a
// client needs (rate limit, retry, request id) are exposed to it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config/settings.js";
import { databaseUrl } from "../src/db/url.js";
import { yoga } from "../src/yoga.js";
import { startServer, whenListening, type ServerProcess } from "./helpers/server-process.js";

const preflight = (url: string, origin: string) =>
  fetch(url, { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" } });

describe("CORS by default (CORS_ORIGINS=*)", () => {
  it("lets any origin's browser code call the API, without credentials, and caches the preflight for a day", async () => {
    const response = await yoga.fetch("http://parley/graphql", {
      method: "OPTIONS",
      headers: { origin: "https://newsroom.example", "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("https://newsroom.example");
    expect(response.headers.get("access-control-allow-credentials")).toBeNull();
    expect(response.headers.get("access-control-max-age")).toBe("86400");
    expect(response.headers.get("access-control-allow-methods")).toBe("GET, POST");
  });

  it("exposes the rate limit, Retry-After and the request id to browser code", async () => {
    const response = await yoga.fetch("http://parley/graphql", {
      method: "POST",
      headers: { origin: "https://newsroom.example", "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-credentials")).toBeNull();
    const exposed = (response.headers.get("access-control-expose-headers") ?? "").split(/,\s*/);
    expect(exposed).toEqual(expect.arrayContaining(["RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "RateLimit-Policy", "Retry-After", "x-request-id"]));
  });
});

describe("CORS_ORIGINS naming origins", () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServer(databaseUrl(), { CORS_ORIGINS: "https://app.example.org,https://analysts.example.org" });
    await whenListening(server);
  });
  afterAll(() => {
    server.child.kill("SIGKILL");
  });

  it("allows the origins it names", async () => {
    const response = await preflight(`${server.url}/graphql`, "https://analysts.example.org");
    expect(response.headers.get("access-control-allow-origin")).toBe("https://analysts.example.org");
  });

  it("allows no other", async () => {
    const response = await preflight(`${server.url}/graphql`, "https://elsewhere.example");
    expect(response.headers.get("access-control-allow-origin")).toBe("null");
  });

  it("refuses a value that is not * or a list of origins", () => {
    expect(() => loadConfig({ CORS_ORIGINS: "app.example.org" })).toThrow("CORS_ORIGINS must be * or comma-separated origins such as https://app.example.org");
  });
});
