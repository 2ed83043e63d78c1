// Admission control (src/admission.ts): a request beyond MAX_IN_FLIGHT waits for a slot, and one
// that waits longer than QUEUE_TIMEOUT_MS is refused at once with SERVER_BUSY.
import { createYoga, type Plugin } from "graphql-yoga";
import { describe, expect, it } from "vitest";
import { useAdmissionControl } from "../src/admission.js";
import { schema } from "../src/schema/index.js";

/** Holds every operation until `open()` is called, so a slot stays taken as long as a test wants. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  const plugin: Plugin = {
    async onExecute() {
      await opened;
    },
  };
  return { plugin, open };
}

function server(maxInFlight: number, queueTimeoutMs: number, held: Plugin) {
  const yoga = createYoga({ schema, plugins: [useAdmissionControl({ maxInFlight, queueTimeoutMs }), held] });
  return (query = "{ countries(first: 1) { totalCount } }") =>
    yoga.fetch("http://parley/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
      body: JSON.stringify({ query }),
    });
}

describe("admission control", () => {
  it("refuses a request that waited too long for a slot with SERVER_BUSY and Retry-After", async () => {
    const { plugin, open } = gate();
    const post = server(1, 50, plugin);
    const first = post();
    const second = await post();
    expect(second.status).toBe(503);
    expect(second.headers.get("retry-after")).toBe("1");
    expect((await second.json()).errors[0].extensions.code).toBe("SERVER_BUSY");
    open();
    expect((await first).status).toBe(200);
    // The slot is free again.
    expect((await post()).status).toBe(200);
  });

  it("lets a waiting request through when a slot frees in time", async () => {
    const { plugin, open } = gate();
    const post = server(1, 5_000, plugin);
    const first = post();
    const second = post();
    setTimeout(open, 50);
    const [a, b] = await Promise.all([first, second]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect((await b.json()).data.countries.totalCount).toBeGreaterThan(0);
  });

  it("gives back the slot of a request refused before execution", async () => {
    const post = server(1, 10, { onExecute: () => undefined });
    expect((await post("{ nope }")).status).toBe(400);
    expect((await post()).status).toBe(200);
  });
});
