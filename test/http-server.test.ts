// The HTTP server's socket timeouts (src/http/node-server.ts) on a real port: a client that sends its
// headers or body too slowly, or keeps an idle connection, cannot hold a socket for long.
import { once } from "node:events";
import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configuredTimeouts, createParleyServer } from "../src/http/node-server.js";
import { yoga } from "../src/yoga.js";
import { closedWithin, get, openSocket, readResponse } from "./helpers/raw-http.js";

const TIMEOUTS = { headersTimeoutMs: 400, requestTimeoutMs: 1_000, keepAliveTimeoutMs: 300, sendTimeoutMs: 2_000 };

let server: Server;
let port: number;
beforeAll(async () => {
  server = createParleyServer(yoga, TIMEOUTS);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** Writes `line` every `everyMs` until the socket closes. */
function trickle(socket: import("node:net").Socket, line: string, everyMs: number): void {
  const timer = setInterval(() => (socket.destroyed ? clearInterval(timer) : socket.write(line)), everyMs);
  socket.once("close", () => clearInterval(timer));
}

describe("socket timeouts", () => {
  it("takes them from the configuration by default", () => {
    const configured = createParleyServer(yoga);
    expect(configuredTimeouts()).toEqual({ headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000, sendTimeoutMs: 30_000 });
    expect([configured.headersTimeout, configured.requestTimeout, configured.keepAliveTimeout, configured.timeout]).toEqual([10_000, 30_000, 5_000, 30_000]);
  });

  it("answers 408 and closes a connection whose headers arrive too slowly (HEADERS_TIMEOUT_MS)", async () => {
    const socket = await openSocket(port);
    socket.write("GET /health HTTP/1.1\r\nHost: parley\r\n");
    trickle(socket, "X-Slow: 1\r\n", 100);
    const closed = closedWithin(socket);
    const response = await readResponse(socket);
    const ms = await closed;
    expect(response.status).toBe(408);
    // Node sweeps its connections every connectionsCheckingInterval (here 200 ms).
    expect(ms).toBeGreaterThanOrEqual(TIMEOUTS.headersTimeoutMs - 50);
    expect(ms).toBeLessThan(TIMEOUTS.headersTimeoutMs + 600);
    console.log(`slow headers: 408 and closed after ${ms.toFixed(0)} ms (HEADERS_TIMEOUT_MS ${TIMEOUTS.headersTimeoutMs})`);
  });

  it("answers 408 and closes a connection whose body arrives too slowly (REQUEST_TIMEOUT_MS)", async () => {
    const socket = await openSocket(port);
    socket.write("POST /graphql HTTP/1.1\r\nHost: parley\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{");
    trickle(socket, " ", 100);
    const closed = closedWithin(socket);
    const response = await readResponse(socket);
    const ms = await closed;
    expect(response.status).toBe(408);
    expect(ms).toBeGreaterThanOrEqual(TIMEOUTS.requestTimeoutMs - 50);
    expect(ms).toBeLessThan(TIMEOUTS.requestTimeoutMs + 800);
  });

  it("closes an idle keep-alive connection after KEEP_ALIVE_TIMEOUT_MS", async () => {
    const socket = await openSocket(port);
    socket.write(get("/health"));
    expect((await readResponse(socket)).status).toBe(200);
    socket.write(get("/health"));
    expect((await readResponse(socket)).headers["keep-alive"]).toMatch(/^timeout=\d+$/);
    const ms = await closedWithin(socket);
    // Node 20 gives the socket a second more than it announces (so a client that trusts the
    // Keep-Alive header never sends into a closing socket).
    expect(ms).toBeGreaterThanOrEqual(TIMEOUTS.keepAliveTimeoutMs - 50);
    expect(ms).toBeLessThan(TIMEOUTS.keepAliveTimeoutMs + 1_000 + 500);
  });

  it("closes a connection whose client stops reading the response (SEND_TIMEOUT_MS)", async () => {
    // A response far larger than the socket buffers, to a client that never reads it.
    const size = 64 * 1024 * 1024;
    let socketClosed!: (bytesWritten: number) => void;
    const closed = new Promise<number>((resolve) => (socketClosed = resolve));
    const big = createParleyServer(
      (_request, response) => {
        const socket = response.socket!;
        socket.once("close", () => socketClosed(socket.bytesWritten));
        response.end(Buffer.alloc(size, 0x20));
      },
      { ...TIMEOUTS, sendTimeoutMs: 300 },
    );
    await new Promise<void>((resolve) => big.listen(0, "127.0.0.1", resolve));
    try {
      const socket = await openSocket((big.address() as { port: number }).port);
      socket.pause();
      socket.write(get("/big"));
      const started = performance.now();
      // Without the timeout the response never finishes and the connection stays open.
      const outcome = await Promise.race([closed, new Promise<"open">((resolve) => setTimeout(() => resolve("open"), 10_000))]);
      expect(outcome).not.toBe("open");
      // What reached the client before the server gave up is less than the response.
      let received = 0;
      socket.on("data", (chunk: Buffer) => (received += chunk.length));
      const ended = once(socket, "close");
      socket.resume();
      await ended;
      expect(received).toBeLessThan(size);
      console.log(`stalled reader: connection closed after ${(performance.now() - started).toFixed(0)} ms with ${received} of ${size} bytes sent (SEND_TIMEOUT_MS 300)`);
    } finally {
      big.closeAllConnections();
      big.close();
    }
  });
});
