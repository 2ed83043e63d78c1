// A client that hangs up in the middle of sending its request: nothing failed on the server and
// nobody waits for the answer. Its log line and metrics must say so, and never report the database
// outage (SERVICE_UNAVAILABLE) that any client could otherwise fake at will. On the real process:
// Node's http server, Yoga's error masking and the request log together decide what is written.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseUrl } from "../src/db/url.js";
import { openSocket } from "./helpers/raw-http.js";
import { startServer, whenListening, type ServerProcess } from "./helpers/server-process.js";

let server: ServerProcess;
beforeAll(async () => {
  server = await startServer(databaseUrl(), { LOG_LEVEL: "info" });
  await whenListening(server);
});
afterAll(() => {
  server.child.kill("SIGKILL");
});

const requestLines = () =>
  server
    .output()
    .split("\n")
    .filter((line) => line.includes('"msg":"graphql request"'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe("an upload the client aborts", () => {
  it("is logged and counted as the client's (CLIENT_CLOSED_REQUEST, outcome aborted), not as a database outage", async () => {
    const socket = await openSocket(Number(new URL(server.url).port));
    // Announces 1000 bytes, sends a few, and goes away while the server waits for the rest.
    socket.write(
      "POST /graphql HTTP/1.1\r\nHost: parley\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n" +
        '{"query":"{ meetings(first: 1) { totalCount',
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    socket.destroy();

    for (let waited = 0; requestLines().length === 0 && waited < 5_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(requestLines()).toMatchObject([{ status: 499, outcome: "aborted", errorCodes: ["CLIENT_CLOSED_REQUEST"], statements: 0 }]);
    expect(server.output()).not.toContain("SERVICE_UNAVAILABLE");
    // Nor an error line: Yoga's default logger wrote a coloured "ERR Error: aborted" and its stack.
    expect(server.output()).not.toMatch(/ERR|"level":"error"|abortIncoming/);

    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toContain('parley_graphql_requests_total{operation="unnamed",outcome="aborted"} 1');
    expect(metrics).toContain('parley_graphql_errors_total{code="CLIENT_CLOSED_REQUEST"} 1');
    expect(metrics).not.toContain("SERVICE_UNAVAILABLE");
    expect(server.child.exitCode).toBeNull();
  });
});
