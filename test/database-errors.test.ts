import { describe, expect, it } from "vitest";
import { classifyDatabaseError, isDatabaseBusy, isDatabaseUnavailable } from "../src/db/errors.js";

const wrapped = (inner: object) => Object.assign(new Error("outer"), { cause: Object.assign(new Error("middle"), { cause: inner }) });

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
  ])("recognises %s, however deep in the cause chain", (_case, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(isDatabaseUnavailable(wrapped(error))).toBe(true);
    expect(isDatabaseBusy(error)).toBe(false);
  });

  it.each([
    ["a unique-constraint violation", { code: "P2002", message: "Unique constraint failed" }],
    ["a programming error", new TypeError("cannot read properties of undefined")],
    ["nothing", undefined],
  ])("does not mistake %s for unavailability", (_case, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
    expect(classifyDatabaseError(error)).toBeUndefined();
  });
});

describe("isDatabaseBusy: a full pool is overload, not an outage", () => {
  it.each([
    // What Prisma 6.19 + adapter-pg throw when pg-pool's checkout waited connectionTimeoutMillis
    // in the queue of a full pool (seen with max: 1 and a pg_sleep holding the one connection).
    ["pg-pool's queue timeout, as Prisma rethrows it", Object.assign(new Error("timeout exceeded when trying to connect"), { clientVersion: "6.19.3" })],
    ["the Rust engine's pool timeout", { code: "P2024", message: "Timed out fetching a new connection from the connection pool" }],
  ])("recognises %s, however deep in the cause chain", (_case, error) => {
    expect(isDatabaseBusy(error)).toBe(true);
    expect(isDatabaseBusy(wrapped(error))).toBe(true);
    expect(isDatabaseUnavailable(error)).toBe(false);
    expect(classifyDatabaseError(wrapped(error))).toBe("busy");
  });
});
