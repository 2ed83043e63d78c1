import { describe, expect, it } from "vitest";
import { yoga } from "../src/yoga.js";

const get = (path: string, accept = "*/*") => yoga.fetch(`http://parley${path}`, { headers: { accept } });

describe("the GraphiQL page and its assets", () => {
  it("serves a small page that loads its code from this server only", async () => {
    const response = await get("/graphql", "text/html");
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain("<title>Parley</title>");
    expect(page).toContain("MeetingOverview");
    expect(page.length).toBeLessThan(16_000);
    expect(page).not.toMatch(/https?:\/\//);
  });

  it.each(["graphiql.js", "graphiql.css", "worker-graphql.js", "worker-json.js", "worker-editorWorkerService.js"])(
    "serves %s, cacheable",
    async (asset) => {
      const response = await get(`/graphiql/${asset}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("public, max-age=86400");
      expect((await response.text()).length).toBeGreaterThan(1000);
    },
  );

  it("answers 404 for anything else under /graphiql/", async () => {
    expect((await get("/graphiql/../../etc/passwd")).status).toBe(404);
    expect((await get("/graphiql/nope.js")).status).toBe(404);
  });

  // Names an object has through its prototype once made the lookup find a function, and the
  // request was never answered.
  it.each(["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "__defineGetter__"])("answers 404 at once for /graphiql/%s", async (name) => {
    const response = await get(`/graphiql/${name}`);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe("Not found");
  });
});
