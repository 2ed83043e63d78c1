// MAX_RESPONSE_BYTES: an answer larger than the limit is replaced by one RESPONSE_TOO_LARGE error
// (the cost limit bounds how many objects an answer holds, not how long their texts are).
import { createYoga } from "graphql-yoga";
import { describe, expect, it } from "vitest";
import { useResponseSizeLimit } from "../src/guards/response-size.js";
import { schema } from "../src/schema/index.js";

const LIMIT = 1_000;
const yoga = createYoga({ schema, plugins: [useResponseSizeLimit(LIMIT)] });

async function post(query: string, accept = "application/graphql-response+json") {
  const response = await yoga.fetch("http://parley/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept },
    body: JSON.stringify({ query }),
  });
  const text = await response.text();
  return { status: response.status, bytes: Buffer.byteLength(text), body: JSON.parse(text) as { data?: unknown; errors?: { message: string; extensions: Record<string, unknown> }[] } };
}

describe("the response size limit", () => {
  it("serves an answer within the limit as it is", async () => {
    const { status, body } = await post(`{ meetings(first: 2) { edges { node { title } } } }`);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toBeDefined();
  });

  it("replaces an answer over the limit with RESPONSE_TOO_LARGE, its size and the limit", async () => {
    const { status, bytes, body } = await post(`{ meetings(first: 2) { edges { node { title evidence { excerpt source { title } } } } } }`);
    expect(status).toBe(400);
    expect(body).not.toHaveProperty("data");
    expect(body.errors).toHaveLength(1);
    const [error] = body.errors!;
    expect(error!.extensions).toMatchObject({ code: "RESPONSE_TOO_LARGE", limit: LIMIT });
    expect(error!.extensions.size).toBeGreaterThan(LIMIT);
    expect(error!.message).toMatch(/over the limit of 1000: ask for smaller pages/);
    expect(bytes).toBeLessThan(LIMIT);
  });

  it("answers 200 under the legacy application/json, as for every well-formed request", async () => {
    const { status, body } = await post(`{ meetings(first: 2) { edges { node { title evidence { excerpt source { title } } } } } }`, "application/json");
    expect(status).toBe(200);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "RESPONSE_TOO_LARGE", limit: LIMIT });
  });
});
