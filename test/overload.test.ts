// The real server (a process of its own) watches its event loop once it listens: a burst it
// cannot keep up with gets SERVER_BUSY refusals, not ever-later answers. MAX_EVENT_LOOP_LAG_MS=1
// makes any burst such a burst; the unit tests of the check are in admission.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseUrl } from "../src/db/url.js";
import { DEFAULT_QUERY } from "../src/graphiql/default-query.js";
import { createDatabase, dropDatabase } from "./helpers/databases.js";
import { postQuery, startServer, whenListening, type ServerProcess } from "./helpers/server-process.js";

describe("a server whose event loop stays behind", () => {
  let url: string;
  let server: ServerProcess;
  beforeAll(async () => {
    url = await createDatabase(databaseUrl());
    server = await startServer(url, { MAX_EVENT_LOOP_LAG_MS: "1" });
    await whenListening(server, 60_000);
  });
  afterAll(async () => {
    server.child.kill("SIGKILL");
    await dropDatabase(url);
  });

  it("answers bursts partly with data and refuses the rest with SERVER_BUSY, then serves again", async () => {
    // Whether one burst of 40 makes two loop iterations in a row late depends on how the server's
    // accepts fall (libuv takes one connection per iteration); some bursts pass untouched, so
    // send up to ten.
    const answers: { status: number; retryAfter: string | null; body: Record<string, unknown> }[] = [];
    for (let burst = 0; burst < 10 && !answers.some((answer) => answer.status === 503); burst++) {
      const responses = await Promise.all(Array.from({ length: 40 }, () => postQuery(server, DEFAULT_QUERY)));
      for (const response of responses) answers.push({ status: response.status, retryAfter: response.headers.get("retry-after"), body: (await response.json()) as Record<string, unknown> });
    }
    const refused = answers.filter((answer) => answer.status === 503);
    const served = answers.filter((answer) => answer.status === 200);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length + served.length).toBe(answers.length);
    for (const answer of refused) {
      expect(answer.retryAfter).toBe("1");
      expect(answer.body.errors).toEqual([{ message: "The server is busy; retry shortly.", extensions: { code: "SERVER_BUSY" } }]);
    }
    for (const answer of served) expect(answer.body).not.toHaveProperty("errors");
    // Alone again, a request finds the loop idle.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const after = await postQuery(server, "{ countries(first: 1) { totalCount } }");
    expect(after.status).toBe(200);
    expect(((await after.json()) as { data: { countries: { totalCount: number } } }).data.countries.totalCount).toBeGreaterThan(0);
  });
});
