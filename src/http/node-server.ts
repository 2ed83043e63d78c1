// The HTTP server around Yoga, with the socket timeouts that keep a slow or idle client from holding
// a connection forever, and graceful shutdown. src/server.ts creates it and binds the port; tests
// create it on a port of their own.
import { createServer, type RequestListener, type Server, type ServerResponse } from "node:http";
import { createServer as createNetServer, type Server as NetServer } from "node:net";
import { config } from "../config/settings.js";
import { isDraining, startDraining } from "./lifecycle.js";

export interface ServerTimeouts {
  /** Time to receive the request's headers (Node answers 408 and closes the socket). */
  headersTimeoutMs: number;
  /** Time to receive the whole request, body included (also 408). */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open after a response. */
  keepAliveTimeoutMs: number;
  /**
   * How long a connection may make no progress at all — nothing received, nothing of the response
   * taken by the client — before it is closed: a client that stops reading a response would
   * otherwise hold its connection and the response's memory for as long as it likes.
   */
  sendTimeoutMs: number;
}

export const configuredTimeouts = (): ServerTimeouts => ({
  headersTimeoutMs: config.HEADERS_TIMEOUT_MS,
  requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
  keepAliveTimeoutMs: config.KEEP_ALIVE_TIMEOUT_MS,
  sendTimeoutMs: config.SEND_TIMEOUT_MS,
});

// Responses not yet finished, per server, so that shutdown can make them close their connection.
const unfinished = new WeakMap<Server, Set<ServerResponse>>();

export function createParleyServer(handler: RequestListener, timeouts: ServerTimeouts = configuredTimeouts()): Server {
  // Node refuses a headers timeout longer than the request timeout: the whole request includes
  // its headers, so the shorter bound is the one that applies anyway.
  const headersTimeout = Math.min(timeouts.headersTimeoutMs, timeouts.requestTimeoutMs);
  const server = createServer(
    {
      headersTimeout,
      requestTimeout: timeouts.requestTimeoutMs,
      // Node enforces both timeouts by sweeping its connections every connectionsCheckingInterval
      // (30 s by default), which would let a slow client hold a socket up to 30 s past them.
      connectionsCheckingInterval: Math.max(10, Math.min(1_000, Math.floor(headersTimeout / 2))),
    },
    (request, response) => {
      // While draining, each response closes its connection instead of keeping it alive.
      if (isDraining()) response.shouldKeepAlive = false;
      responses.add(response);
      response.once("close", () => responses.delete(response));
      handler(request, response);
    },
  );
  const responses = new Set<ServerResponse>();
  unfinished.set(server, responses);
  server.keepAliveTimeout = timeouts.keepAliveTimeoutMs;
  // Node destroys a socket that stays inactive this long (no 'timeout' listener is added).
  server.timeout = timeouts.sendTimeoutMs;
  return server;
}

/**
 * Graceful shutdown: /ready turns 503 at once (for load balancers still holding a connection),
 * the listening socket closes (new connections are refused), idle keep-alive connections close,
 * in-flight requests finish and their connections close after the response. Resolves when no
 * connection is left, or with false if some were still open after `graceMs` (they are then cut).
 */
export function shutDown(server: Server, graceMs: number): Promise<boolean> {
  startDraining();
  for (const response of unfinished.get(server) ?? []) {
    if (!response.headersSent) response.shouldKeepAlive = false;
  }
  return new Promise((resolve) => {
    const closeIdle = setInterval(() => server.closeIdleConnections(), 50);
    const cut = setTimeout(() => {
      clearInterval(closeIdle);
      server.closeAllConnections();
      resolve(false);
    }, graceMs);
    server.close(() => {
      clearInterval(closeIdle);
      clearTimeout(cut);
      resolve(true);
    });
    server.closeIdleConnections();
  });
}

/**
 * Connections the kernel holds for the server until it accepts them; Linux caps it at
 * net.core.somaxconn (4096 since 5.4). Node's default is 511. A new connection that finds the queue
 * full is dropped, and its client sends it again only after 1, 3, 7, 15 s…: measured at twice the
 * sustainable rate on a busy machine, the soak saw 57 such drops and waits of 15–30 s
 * (`nstat TcpExtListenOverflows`). Queued instead, a connection waits one turn of the event loop
 * and gets an answer (SERVER_BUSY if the server is overloaded) rather than silence.
 */
const LISTEN_BACKLOG = 4096;

/** Binds `server` to `port`; rejects with a message a person can act on when the port is taken. */
export function listen(server: Server | NetServer, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => {
      reject(error.code === "EADDRINUSE" ? new Error(`port ${port} is already in use (set PORT to another one, or stop what is listening there)`) : error);
    };
    server.once("error", failed);
    server.listen({ port, backlog: LISTEN_BACKLOG }, () => {
      server.off("error", failed);
      resolve();
    });
  });
}

/**
 * Fails as `listen` would if `port` is taken, without keeping it: start-up checks the port before
 * it touches the database, so that a second `npm start` does not migrate, then die.
 */
export async function ensurePortFree(port: number): Promise<void> {
  const probe = createNetServer();
  await listen(probe, port);
  await new Promise((resolve) => probe.close(resolve));
}
