// Recognises, among the errors Prisma, its driver adapters and the drivers raise (wherever in the
// cause chain they sit), the two that a client should retry rather than report:
// - "unavailable": the database is down or unreachable (SERVICE_UNAVAILABLE);
// - "busy": the database is fine but every pooled connection stayed in use for the whole connect
//   timeout (SERVER_BUSY). That is overload of this server, not an outage: alerting on it as "the
//   database is down" would send people to the wrong place, and the retry advice differs.

export type DatabaseTrouble = "unavailable" | "busy";

const PRISMA_UNAVAILABLE = new Set(["P1001", "P1002", "P1008", "P1017"]);
// P2024 is the (Rust engine's) "Timed out fetching a new connection from the connection pool".
const PRISMA_BUSY = new Set(["P2024"]);
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const NODE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENOTFOUND"]);
// PostgreSQL SQLSTATEs: connection exceptions (08…), shutdowns (57P01–57P03), too many connections.
const SQLSTATE = /^(08\w{3}|57P0[123]|53300)$/;
const SQLITE_CODES = new Set(["SQLITE_BUSY", "SQLITE_CANTOPEN"]);
const UNAVAILABLE_MESSAGES =
  /Can't reach database server|Connection terminated|not currently accepting connections|Code: `(08\w{3}|57P0[123]|53300)`/;
// pg-pool's words when a checkout waited connectionTimeoutMillis in the queue of a full pool. (A
// new connection that cannot reach the server says "Connection terminated due to connection
// timeout" instead, which is an outage.)
const BUSY_MESSAGES = /timeout exceeded when trying to connect|Timed out fetching a new connection from the connection pool/;

interface ErrorLike {
  code?: unknown;
  kind?: unknown;
  message?: unknown;
  cause?: unknown;
  originalError?: unknown;
}

/** What kind of retryable database trouble the error is, if any. */
export function classifyDatabaseError(error: unknown, depth = 0): DatabaseTrouble | undefined {
  if (!error || typeof error !== "object" || depth > 8) return undefined;
  const { code, kind, message, cause, originalError } = error as ErrorLike;
  if (typeof code === "string") {
    if (PRISMA_BUSY.has(code)) return "busy";
    if (PRISMA_UNAVAILABLE.has(code) || NODE_CODES.has(code) || SQLSTATE.test(code) || SQLITE_CODES.has(code)) return "unavailable";
  }
  if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return "unavailable";
  if (typeof message === "string") {
    if (BUSY_MESSAGES.test(message)) return "busy";
    if (UNAVAILABLE_MESSAGES.test(message)) return "unavailable";
  }
  return classifyDatabaseError(cause, depth + 1) ?? classifyDatabaseError(originalError, depth + 1);
}

export const isDatabaseUnavailable = (error: unknown): boolean => classifyDatabaseError(error) === "unavailable";

export const isDatabaseBusy = (error: unknown): boolean => classifyDatabaseError(error) === "busy";
