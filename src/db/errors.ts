// Tells, among the errors that reach the error masking (from Prisma, its driver adapters, the
// drivers or Node, wherever in the cause chain the telling part sits), what failed, since that is
// what decides who should act:
// - "client-gone": the client closed its connection before its request was read (an aborted
//   upload). Nothing on the server failed, nobody waits for the answer, and any client can do it
//   at will: counted as a database outage it would page people for nothing;
// - "unavailable": the database is down, unreachable, refusing connections, or gone (dropped, or
//   recreated without the tables its migrations made): retry shortly (SERVICE_UNAVAILABLE);
// - "busy": the database is up but has no connection for us: every pooled connection stayed in use
//   for the whole connect timeout, or the server is at max_connections (SERVER_BUSY). That is
//   overload, not an outage: alerting on it as "the database is down" would send people to the
//   wrong place, and the retry advice differs.
// Anything else (undefined) is an internal error.

export type ErrorClass = "client-gone" | "unavailable" | "busy";

// Node's http server fails the request's body stream with Error("aborted"), code ECONNRESET, when
// the client's socket closes mid-upload. A database connection's reset is a socket error ("read
// ECONNRESET"), which Prisma's adapter reports as ConnectionClosed.
const isAbortedUpload = (code: unknown, message: unknown) => code === "ECONNRESET" && message === "aborted";

// P1003: the database does not exist; P2021: a table does not exist, which for tables that only
// migrations create means the database was recreated or restored empty under the server.
const PRISMA_UNAVAILABLE = new Set(["P1001", "P1002", "P1003", "P1008", "P1017", "P2021"]);
// P2024 is the (Rust engine's) "Timed out fetching a new connection from the connection pool";
// P2037 is Prisma's "too many database connections opened".
const PRISMA_BUSY = new Set(["P2024", "P2037"]);
const ADAPTER_UNAVAILABLE = new Set(["DatabaseNotReachable", "DatabaseDoesNotExist", "ConnectionClosed", "SocketTimeout", "TableDoesNotExist"]);
const ADAPTER_BUSY = new Set(["TooManyConnections"]);
const NODE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENOTFOUND"]);
// PostgreSQL SQLSTATEs: connection exceptions (08…), administrator, crash and start-up or recovery
// shutdowns (57P01–57P03), the database does not exist (3D000) or lost its tables (42P01).
const SQLSTATE_UNAVAILABLE = /^(08\w{3}|57P0[123]|3D000|42P01)$/;
// 53300 too_many_connections: max_connections (less the reserved slots) is reached.
const SQLSTATE_BUSY = /^53300$/;
const SQLITE_CODES = new Set(["SQLITE_BUSY", "SQLITE_CANTOPEN"]);
// Prisma quotes a raw query's SQLSTATE only in its message.
const UNAVAILABLE_MESSAGES =
  /Can't reach database server|Connection terminated|not currently accepting connections|Code: `(08\w{3}|57P0[123]|3D000|42P01)`/;
// pg-pool's words when a checkout waited connectionTimeoutMillis in the queue of a full pool. (A
// new connection that cannot reach the server says "Connection terminated due to connection
// timeout" instead, which is an outage.)
const BUSY_MESSAGES = /timeout exceeded when trying to connect|Timed out fetching a new connection from the connection pool|Code: `53300`/;

interface ErrorLike {
  code?: unknown;
  originalCode?: unknown;
  kind?: unknown;
  message?: unknown;
  cause?: unknown;
  originalError?: unknown;
}

function classifyOne({ code, originalCode, kind, message }: ErrorLike): ErrorClass | undefined {
  if (isAbortedUpload(code, message)) return "client-gone";
  // A driver adapter's error keeps the driver's SQLSTATE as originalCode.
  for (const candidate of [code, originalCode]) {
    if (typeof candidate !== "string") continue;
    if (PRISMA_BUSY.has(candidate) || SQLSTATE_BUSY.test(candidate)) return "busy";
    if (PRISMA_UNAVAILABLE.has(candidate) || NODE_CODES.has(candidate) || SQLSTATE_UNAVAILABLE.test(candidate) || SQLITE_CODES.has(candidate)) {
      return "unavailable";
    }
  }
  if (typeof kind === "string") {
    if (ADAPTER_BUSY.has(kind)) return "busy";
    if (ADAPTER_UNAVAILABLE.has(kind)) return "unavailable";
  }
  if (typeof message === "string") {
    if (BUSY_MESSAGES.test(message)) return "busy";
    if (UNAVAILABLE_MESSAGES.test(message)) return "unavailable";
  }
  return undefined;
}

/** What failed behind the error, when it is not an internal error. */
export function classifyError(error: unknown, depth = 0): ErrorClass | undefined {
  if (!error || typeof error !== "object" || depth > 8) return undefined;
  const { cause, originalError } = error as ErrorLike;
  return classifyOne(error as ErrorLike) ?? classifyError(cause, depth + 1) ?? classifyError(originalError, depth + 1);
}

export const isClientGone = (error: unknown): boolean => classifyError(error) === "client-gone";

export const isDatabaseUnavailable = (error: unknown): boolean => classifyError(error) === "unavailable";

export const isDatabaseBusy = (error: unknown): boolean => classifyError(error) === "busy";
