// Yoga's own log calls land in the JSON log, and a client hanging up is not logged as an error.
import { describe, expect, it } from "vitest";
import { createLogger } from "../src/observability/logging.js";
import { yogaLogger } from "../src/observability/yoga-logger.js";

function captured() {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger({ level: "debug", destination: { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) } });
  return { lines, yoga: yogaLogger(log) };
}

/** What Node's http server fails a request body with when the client's socket closes mid-upload. */
const abortedUpload = () => Object.assign(new Error("aborted"), { code: "ECONNRESET" });

describe("Yoga's logger", () => {
  it("writes a masked internal error as one JSON line at error level, stack included", () => {
    const { lines, yoga } = captured();
    yoga.error(new Error("boom"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: "error", msg: "boom", err: { type: "Error", message: "boom" } });
    expect((lines[0]!.err as { stack: string }).stack).toContain("yoga-logger.test.ts");
  });

  it("writes an upload the client aborted at debug level, not as an error", () => {
    const { lines, yoga } = captured();
    yoga.error(abortedUpload());
    expect(lines).toMatchObject([{ level: "debug", err: { message: "aborted", code: "ECONNRESET" } }]);
  });

  it("keeps the other levels and formats their arguments into the message", () => {
    const { lines, yoga } = captured();
    yoga.warn("plugin %s is slow", "x");
    yoga.info("ready", { port: 1 });
    yoga.debug("parsing");
    expect(lines.map(({ level, msg }) => ({ level, msg }))).toEqual([
      { level: "warn", msg: "plugin x is slow" },
      { level: "info", msg: "ready { port: 1 }" },
      { level: "debug", msg: "parsing" },
    ]);
  });

  it("skips what the level leaves out", () => {
    const lines: string[] = [];
    const yoga = yogaLogger(createLogger({ level: "warn", destination: { write: (line: string) => lines.push(line) } }));
    yoga.debug("parsing");
    yoga.info("ready");
    yoga.error(abortedUpload());
    expect(lines).toEqual([]);
  });
});
