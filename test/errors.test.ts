import { describe, expect, it } from "vitest";
import { encodeGlobalId } from "../src/lib/global-id.js";
import { yoga } from "../src/yoga.js";
import { graphql } from "./helpers/client.js";

const codes = (result: { errors?: { extensions?: { code?: string } }[] }) => result.errors?.map((error) => error.extensions?.code);

describe("bad input", () => {
  it("gives null, not an error, for an unknown slug, code or id", async () => {
    const result = await graphql(`{
      meeting(slug: "no-such-meeting") { title }
      person(slug: "nobody") { name }
      country(code: "ZZ") { name }
      organization(slug: "none") { name }
      topic(slug: "none") { name }
      node(id: "${encodeGlobalId("Person", "nobody")}") { id }
      nodes(ids: ["${encodeGlobalId("Meeting", "nothing")}"]) { id }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      meeting: null,
      person: null,
      country: null,
      organization: null,
      topic: null,
      node: null,
      nodes: [null],
    });
  });

  it.each([
    ["not base64", "%%%"],
    ["no type", Buffer.from("justakey").toString("base64url")],
    ["empty key", Buffer.from("Person:").toString("base64url")],
  ])("rejects a malformed global ID (%s) with BAD_USER_INPUT", async (_case, id) => {
    const result = await graphql(`query ($id: ID!) { node(id: $id) { id } }`, { id });
    expect(codes(result)).toEqual(["BAD_USER_INPUT"]);
    expect(result.errors?.[0]?.message).toContain("not a valid global ID");
  });

  it("rejects a global ID naming a type that has no IDs with BAD_USER_INPUT", async () => {
    for (const typename of ["Spaceship", "Query", "MeetingRelation"]) {
      const result = await graphql(`{ node(id: "${encodeGlobalId(typename, "x")}") { id } }`);
      expect(codes(result)).toEqual(["BAD_USER_INPUT"]);
    }
  });

  it.each([
    ["first above 100", "meetings(first: 101)"],
    ["negative first", "meetings(first: -1)"],
    ["last above 100", "people(last: 500)"],
  ])("rejects %s on a root connection", async (_case, field) => {
    const result = await graphql(`{ ${field} { totalCount } }`);
    expect(codes(result)).toEqual(["BAD_USER_INPUT"]);
    expect(result.errors?.[0]?.message).toMatch(/must be between 0 and 100/);
    expect(result.data ?? null).toBeNull();
  });

  it("rejects an oversized page on a nested connection, even through a variable", async () => {
    const result = await graphql(
      `query ($n: Int) { meetings(first: 1) { edges { node { delegations(first: $n) { totalCount } } } } }`,
      { n: 1000 },
    );
    expect(codes(result)).toEqual(["BAD_USER_INPUT"]);
  });

  it("rejects a malformed cursor with BAD_USER_INPUT", async () => {
    const result = await graphql(`{ meetings(first: 1, after: "garbage") { totalCount } }`);
    expect(codes(result)).toEqual(["BAD_USER_INPUT"]);
  });

  it("answers a syntax error with HTTP 400 and a GraphQL error", async () => {
    const result = await graphql(`{ meetings(first: 1) { `);
    expect(result.status).toBe(400);
    expect(codes(result)).toEqual(["GRAPHQL_PARSE_FAILED"]);
  });

  it("answers a validation error with HTTP 400 and a GraphQL error", async () => {
    const result = await graphql(`{ meetings { edges { node { noSuchField } } } }`);
    expect(result.status).toBe(400);
    expect(codes(result)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
    expect(result.errors?.[0]?.message).toContain("noSuchField");
  });

  it("masks internal errors: no stack trace, no SQL", async () => {
    const response = await yoga.fetch("http://parley/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).not.toMatch(/at .*\.ts:\d+|SELECT|prisma/i);
  });

  it("answers a body that is not JSON with a fixed message that does not quote the body", async () => {
    const response = await yoga.fetch("http://parley/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
      body: '{"query": "{ __typename }", secret-token-7f3a',
    });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).not.toContain("secret-token-7f3a");
    expect(JSON.parse(text).errors).toEqual([{ message: "POST body sent invalid JSON.", extensions: { code: "BAD_REQUEST" } }]);
  });

  it.each(["variables", "extensions"])("answers a GET whose %s parameter is not JSON with 400 BAD_REQUEST, not an internal error", async (parameter) => {
    const response = await yoga.fetch(`http://parley/graphql?query=${encodeURIComponent("{ __typename }")}&${parameter}=${encodeURIComponent("{secret-token-7f3a")}`, {
      headers: { accept: "application/graphql-response+json" },
    });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).not.toContain("secret-token-7f3a");
    expect(codes(JSON.parse(text))).toEqual(["BAD_REQUEST"]);
  });

  it("keeps serving after all of the above", async () => {
    const result = await graphql(`{ meetings(first: 1) { totalCount } }`);
    expect(result.data).toEqual({ meetings: { totalCount: 2 } });
  });
});
