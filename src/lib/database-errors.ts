// Recognises "the database is unavailable" among the errors Prisma, its driver adapters and the
// drivers raise, wherever in the cause chain it sits, so the API can say SERVICE_UNAVAILABLE
// (retry later) instead of a bare internal error.

const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const NODE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENOTFOUND"]);
// PostgreSQL SQLSTATEs: connection exceptions (08…), shutdowns (57P01–57P03), too many connections.
const SQLSTATE = /^(08\w{3}|57P0[123]|53300)$/;
const SQLITE_CODES = new Set(["SQLITE_BUSY", "SQLITE_CANTOPEN"]);
const MESSAGES =
  /Can't reach database server|Connection terminated|timeout exceeded when trying to connect|not currently accepting connections|Code: `(08\w{3}|57P0[123]|53300)`/;

interface ErrorLike {
  code?: unknown;
  kind?: unknown;
  message?: unknown;
  cause?: unknown;
  originalError?: unknown;
}

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 8) return false;
  const { code, kind, message, cause, originalError } = error as ErrorLike;
  if (typeof code === "string" && (PRISMA_CODES.has(code) || NODE_CODES.has(code) || SQLSTATE.test(code) || SQLITE_CODES.has(code))) {
    return true;
  }
  if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
  if (typeof message === "string" && MESSAGES.test(message)) return true;
  return isDatabaseUnavailable(cause, depth + 1) || isDatabaseUnavailable(originalError, depth + 1);
}
