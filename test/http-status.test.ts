// HTTP statuses by media type (GraphQL over HTTP): under `application/graphql-response+json` a
// response without `data` is a 4xx/5xx and one with `data` is 200; under the legacy
// `application/json` every well-formed request is 200. Each row is a different way for an
// operation to be refused before it runs.
import { describe, expect, it } from "vitest";
import { yoga } from "../src/yoga.js";

const refusedBeforeRunning: [string, string, Record<string, unknown>, string][] = [
  ["a parse error", "{ meetings(", {}, "GRAPHQL_PARSE_FAILED"],
  ["a validation error", "{ noSuchField }", {}, "GRAPHQL_VALIDATION_FAILED"],
  ["a required variable not given", "query ($first: Int!) { meetings(first: $first) { totalCount } }", {}, "BAD_USER_INPUT"],
  ["a page size out of range", "{ meetings(first: 500) { totalCount } }", {}, "BAD_USER_INPUT"],
  ["a cursor that is not one", '{ meetings(first: 1, after: "bm90LWEtY3Vyc29y") { totalCount } }', {}, "BAD_USER_INPUT"],
  ["an enum value that does not exist", "{ meetings(orderBy: [{ field: NOPE }]) { totalCount } }", {}, "BAD_USER_INPUT"],
  ["a query over the cost limit", "{ meetings(first: 100) { edges { node { delegations(first: 100) { edges { node { head { name } } } } } } } }", {}, "QUERY_TOO_COSTLY"],
  ["a document with too many tokens", `{ ${"__typename ".repeat(6_000)}}`, {}, "TOO_MANY_TOKENS"],
  ["a document nested too deep", `{ meetings(filter: ${"{ NOT: ".repeat(300)}{}${" }".repeat(300)}) { totalCount } }`, {}, "DOCUMENT_TOO_NESTED"],
  ["a document selecting too many fields", `{ ${Array.from({ length: 1_001 }, (_, i) => `f${i}: __typename`).join(" ")} }`, {}, "TOO_MANY_FIELDS"],
  ["introspection selected twice", "{ a: __schema { queryType { name } } b: __schema { queryType { name } } }", {}, "REPEATED_INTROSPECTION"],
  ["a filter nested too deep", `{ meetings(filter: ${"{ NOT: ".repeat(40)}{}${" }".repeat(40)}) { totalCount } }`, {}, "BAD_USER_INPUT"],
  ["a query too deep", `{ meeting(slug: "x") { ${"sources(first: 1) { edges { node { meetings(first: 1) { edges { node { ".repeat(3)}title${" } } } } } }".repeat(3)} } }`, {}, "QUERY_TOO_DEEP"],
];

async function post(query: string, variables: Record<string, unknown>, accept: string) {
  const response = await yoga.fetch("http://parley/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] } };
}

describe("statuses under application/graphql-response+json", () => {
  it.each(refusedBeforeRunning)("%s: 400, no data", async (_case, query, variables, code) => {
    const { status, body } = await post(query, variables, "application/graphql-response+json");
    expect(body).not.toHaveProperty("data");
    expect(body.errors?.[0]?.extensions?.code).toBe(code);
    expect(status).toBe(400);
  });

  it("an execution error beside data: 200 with both", async () => {
    const { status, body } = await post('{ ok: meetings(first: 1) { totalCount } bad: node(id: "not-an-id") { id } }', {}, "application/graphql-response+json");
    expect(status).toBe(200);
    expect(body.data).toMatchObject({ ok: { totalCount: 2 }, bad: null });
  });
});

describe("statuses under the legacy application/json", () => {
  it.each(refusedBeforeRunning)("%s: 200, as for every well-formed request", async (_case, query, variables, code) => {
    const { status, body } = await post(query, variables, "application/json");
    expect(body.errors?.[0]?.extensions?.code).toBe(code);
    expect(status).toBe(200);
  });
});
