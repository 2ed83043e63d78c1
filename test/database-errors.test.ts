import { describe, expect, it } from "vitest";
import { classifyError, isClientGone, isDatabaseBusy, isDatabaseUnavailable } from "../src/db/errors.js";

const wrapped = (inner: object) => Object.assign(new Error("outer"), { cause: Object.assign(new Error("middle"), { cause: inner }) });
/** What pg rejects with for an ErrorResponse from the server. */
const pgError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: "FATAL" });
/** What @prisma/adapter-pg throws for one: the driver's SQLSTATE kept as originalCode. */
const adapterError = (cause: object) => Object.assign(new Error("driver adapter error"), { name: "DriverAdapterError", cause });

describe("isDatabaseUnavailable", () => {
  it.each([
    ["Prisma cannot reach the server", { code: "P1001", message: "Can't reach database server" }],
    ["a refused socket", { code: "ECONNREFUSED", message: "connect ECONNREFUSED 127.0.0.1:5432" }],
    ["an administrator shutdown, as a raw-query message", { code: "P2010", message: "Raw query failed. Code: `57P01`. Message: `terminating connection`" }],
    ["a connection exception SQLSTATE", { code: "08006", message: "connection failure" }],
    ["a driver adapter's kind", { name: "DriverAdapterError", kind: "DatabaseNotReachable", message: "x" }],
    ["a database closed to connections", { code: "55000", message: 'database "x" is not currently accepting connections' }],
    ["a busy SQLite file", { code: "SQLITE_BUSY", message: "database is locked" }],
    // pg-pool, when a new connection cannot reach the server within connectionTimeoutMillis.
    ["a connect timeout", new Error("Connection terminated due to connection timeout", { cause: new Error("Connection terminated unexpectedly") })],
    ["a connection exception from pg (08P01)", pgError("08P01", "protocol violation")],
    ["an administrator shutdown from pg (57P01)", pgError("57P01", "terminating connection due to administrator command")],
    ["a crash shutdown from pg (57P02)", pgError("57P02", "terminating connection because of crash of another server process")],
    ["a server starting up or in recovery (57P03)", pgError("57P03", "the database system is starting up")],
    ["a dropped database from pg (3D000)", pgError("3D000", 'database "parley" does not exist')],
    ["a dropped database, as the adapter reports it", adapterError({ kind: "DatabaseDoesNotExist", originalCode: "3D000", originalMessage: 'database "parley" does not exist', db: "parley" })],
    ["a dropped database, as Prisma reports it", { code: "P1003", message: "Database `parley` does not exist" }],
    ["a dropped database, as a raw-query message", { code: "P2010", message: "Raw query failed. Code: `3D000`. Message: `database \"parley\" does not exist`" }],
    ["a database recreated without its tables (42P01)", adapterError({ kind: "TableDoesNotExist", originalCode: "42P01", table: "public.Meeting" })],
    ["a database recreated without its tables, as Prisma reports it", { code: "P2021", message: "The table `public.Meeting` does not exist in the current database." }],
    ["a database connection reset", Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET", syscall: "read", errno: -104 })],
  ])("recognises %s, however deep in the cause chain", (_case, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(isDatabaseUnavailable(wrapped(error))).toBe(true);
    expect(isDatabaseBusy(error)).toBe(false);
    expect(isClientGone(error)).toBe(false);
  });

  it.each([
    ["a unique-constraint violation", { code: "P2002", message: "Unique constraint failed" }],
    ["a programming error", new TypeError("cannot read properties of undefined")],
    ["nothing", undefined],
  ])("does not mistake %s for unavailability", (_case, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
    expect(classifyError(error)).toBeUndefined();
  });
});

describe("isDatabaseBusy: a full pool is overload, not an outage", () => {
  it.each([
    // What Prisma 6.19 + adapter-pg throw when pg-pool's checkout waited connectionTimeoutMillis
    // in the queue of a full pool (seen with max: 1 and a pg_sleep holding the one connection).
    ["pg-pool's queue timeout, as Prisma rethrows it", Object.assign(new Error("timeout exceeded when trying to connect"), { clientVersion: "6.19.3" })],
    ["the Rust engine's pool timeout", { code: "P2024", message: "Timed out fetching a new connection from the connection pool" }],
    // PostgreSQL at max_connections: up and answering, but out of connection slots.
    ["too many connections from pg (53300)", pgError("53300", "sorry, too many clients already")],
    ["too many connections, as the adapter reports it", adapterError({ kind: "TooManyConnections", originalCode: "53300", cause: "sorry, too many clients already" })],
    ["too many connections, as Prisma reports it", { code: "P2037", message: "Too many database connections opened" }],
    ["too many connections, as a raw-query message", { code: "P2010", message: "Raw query failed. Code: `53300`. Message: `sorry, too many clients already`" }],
  ])("recognises %s, however deep in the cause chain", (_case, error) => {
    expect(isDatabaseBusy(error)).toBe(true);
    expect(isDatabaseBusy(wrapped(error))).toBe(true);
    expect(isDatabaseUnavailable(error)).toBe(false);
    expect(classifyError(wrapped(error))).toBe("busy");
  });
});

describe("isClientGone: a client hanging up is neither an outage nor an internal error", () => {
  // What Node's http server fails the request body's stream with when the socket closes mid-upload
  // (test/aborted-upload.test.ts shows it on the real server).
  const abortedUpload = () => Object.assign(new Error("aborted"), { code: "ECONNRESET" });

  it("recognises an aborted upload, however deep in the cause chain", () => {
    for (const error of [abortedUpload(), wrapped(abortedUpload())]) {
      expect(classifyError(error)).toBe("client-gone");
      expect(isDatabaseUnavailable(error)).toBe(false);
      expect(isDatabaseBusy(error)).toBe(false);
    }
  });
});
