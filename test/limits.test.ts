// The document and request limits (src/guards/limits.ts, src/guards/document-limits.ts): each refusal has its
// code and status, and comes before any SQL statement.
import { once } from "node:events";
import { createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { createYoga } from "graphql-yoga";
import { config } from "../src/config/settings.js";
import { limitPlugins } from "../src/guards/limits.js";
import { schema } from "../src/schema/index.js";
import { encodeGlobalId } from "../src/lib/global-id.js";
import { yoga } from "../src/yoga.js";
import { graphql } from "./helpers/client.js";
import { logStatements } from "./helpers/sql-log.js";

type Body = { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[]; extensions?: Record<string, unknown> };

/** Runs a request that must be refused before any SQL, returning its status and body. */
async function refused(send: () => Response | Promise<Response>) {
  const { result: response, statements } = await logStatements(async () => send());
  expect(statements).toEqual([]);
  return { status: response.status, body: (await response.json()) as Body };
}

const postBody = (body: BodyInit, headers: Record<string, string> = {}) =>
  yoga.fetch("http://parley/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...headers },
    body,
    ...(body instanceof ReadableStream && { duplex: "half" }),
  } as RequestInit);

const postQuery = (query: string, variables?: Record<string, unknown>) => refused(() => postBody(JSON.stringify({ query, variables })));

describe("document limits", () => {
  it("refuses a query nested deeper than MAX_QUERY_DEPTH with QUERY_TOO_DEEP", async () => {
    // meeting → place → country → places → country → … → name: one field deeper than allowed.
    const chain = Array.from({ length: config.MAX_QUERY_DEPTH - 2 }, (_, i) => (i % 2 ? "places" : "country"));
    const query = `{ meeting(slug: "x") { place { ${chain.join(" { ")} { name ${"} ".repeat(chain.length)}} } }`;
    const { status, body } = await postQuery(query);
    expect(status).toBe(400);
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.extensions).toMatchObject({ code: "QUERY_TOO_DEEP", found: config.MAX_QUERY_DEPTH + 1, limit: config.MAX_QUERY_DEPTH });
  });

  it("counts fragments where they are spread, and leaves introspection out of the depth", async () => {
    const deepFragment = await postQuery(`{ meeting(slug: "x") { ...A } }
      fragment A on Meeting { place { ...B } }
      fragment B on Place { country { places { country { places { country { places { country { places { country { places { country { places { country { name } } } } } } } } } } } } } }`);
    expect(deepFragment.body.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_DEEP");
    const { body } = await postQuery(`{ __schema { queryType { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } } } } } } }`);
    expect(body.errors).toBeUndefined();
  });

  it("refuses more aliases than MAX_ALIASES with TOO_MANY_ALIASES", async () => {
    const aliases = Array.from({ length: config.MAX_ALIASES + 1 }, (_, i) => `a${i}: meetings(first: 1) { totalCount }`).join(" ");
    const { status, body } = await postQuery(`{ ${aliases} }`);
    expect(status).toBe(400);
    expect(body.errors?.map((error) => error.extensions?.code)).toEqual(["TOO_MANY_ALIASES"]);
    expect(body.errors![0]!.message).toBe(`The query has ${config.MAX_ALIASES + 1} aliases; at most ${config.MAX_ALIASES} are allowed.`);
  });

  it("refuses more directives than MAX_DIRECTIVES with TOO_MANY_DIRECTIVES", async () => {
    const directives = Array.from({ length: config.MAX_DIRECTIVES + 1 }, () => "@include(if: true)").join(" ");
    const { status, body } = await postQuery(`{ meetings(first: 1) { totalCount ${directives} } }`);
    expect(status).toBe(400);
    expect(body.errors?.map((error) => error.extensions?.code)).toContain("TOO_MANY_DIRECTIVES");
  });

  it("stops parsing past MAX_TOKENS with TOO_MANY_TOKENS", async () => {
    const fields = Array.from({ length: config.MAX_TOKENS }, () => "__typename").join(" ");
    const { status, body } = await postQuery(`{ ${fields} }`);
    expect(status).toBe(400);
    expect(body.errors?.map((error) => error.extensions?.code)).toEqual(["TOO_MANY_TOKENS"]);
    expect(body.errors![0]!.message).toBe(`The document has more than ${config.MAX_TOKENS} tokens; parsing stopped there.`);
  });

  it("bounds the variables' values by MAX_TOKENS as well, before they are coerced", async () => {
    const query = "query ($f: MeetingFilter) { meetings(filter: $f) { totalCount } }";
    // 60 × 60 `contains` conditions: each an object, its operator object and a string.
    const filter = { OR: Array.from({ length: 60 }, () => ({ OR: Array.from({ length: 60 }, (_, i) => ({ title: { contains: String(i % 10) } })) })) };
    const { status, body } = await postQuery(query, { f: filter });
    expect(status).toBe(400);
    expect(body.errors?.map((error) => error.extensions?.code)).toEqual(["TOO_MANY_TOKENS"]);
    expect(body.errors![0]!.message).toMatch(/^The variables hold more than 5000 values/);
    // A large but ordinary set of variables is not refused for its size.
    const ordinary = await postQuery("query ($ids: [ID!]!) { nodes(ids: $ids) { id } }", { ids: Array.from({ length: 100 }, (_, i) => `id-${i}`) });
    expect(ordinary.body.errors?.map((error) => error.extensions?.code) ?? []).not.toContain("TOO_MANY_TOKENS");
  });
});

describe("introspection", () => {
  it("refuses `__schema` or `__type` selected more than once with REPEATED_INTROSPECTION, aliased or through fragments", async () => {
    const aliased = Array.from({ length: 30 }, (_, i) => `s${i}: __schema { types { name fields { name } } }`).join(" ");
    const many = await postQuery(`{ ${aliased} }`);
    expect(many.status).toBe(400);
    expect(many.body.errors?.map((error) => error.extensions?.code)).toEqual(["REPEATED_INTROSPECTION"]);
    expect(many.body.errors![0]!.message).toBe("The operation selects `__schema` more than once; select it once (it answers the same every time).");
    const spread = await postQuery(`{ ...A ...B } fragment A on Query { __schema { types { name } } } fragment B on Query { b: __schema { types { name } } }`);
    expect(spread.body.errors?.map((error) => error.extensions?.code)).toEqual(["REPEATED_INTROSPECTION"]);
    const types = await postQuery(`{ a: __type(name: "Meeting") { name } b: __type(name: "Person") { name } }`);
    expect(types.body.errors?.map((error) => error.extensions?.code)).toEqual(["REPEATED_INTROSPECTION"]);
  });

  it("admits one of each", async () => {
    const result = await graphql(`{ __schema { queryType { name } } __type(name: "Meeting") { name } __typename }`);
    expect(result.errors).toBeUndefined();
  });
});

describe("fields, before validation", () => {
  it("refuses many copies of a field with TOO_MANY_DUPLICATE_FIELDS, before graphql-js compares them", async () => {
    const copies = Array.from({ length: 1249 }, () => "meetings { totalCount }").join(" ");
    const { status, body } = await postQuery(`{ ${copies} } # ${Math.random()}`);
    expect(status).toBe(400);
    expect(body.errors?.map((error) => error.extensions?.code)).toEqual(["TOO_MANY_DUPLICATE_FIELDS"]);
    expect(body.errors![0]!.extensions).toMatchObject({ limit: config.MAX_DUPLICATE_FIELDS });
    expect(body.errors![0]!.message).toContain("select each field once");
  });

  it("refuses them without validating the document at all", async () => {
    let validated = 0;
    const counting = createYoga({ schema, plugins: [...limitPlugins(), { onValidate: () => void (validated += 1) }] });
    const post = async (query: string) =>
      (await counting.fetch("http://parley/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) })).json() as Promise<{
        errors?: { extensions?: { code?: string } }[];
      }>;
    const refused = await post(`{ ${Array.from({ length: 1249 }, () => "meetings { totalCount }").join(" ")} } # ${Math.random()}`);
    expect(refused.errors?.map((error) => error.extensions?.code)).toEqual(["TOO_MANY_DUPLICATE_FIELDS"]);
    expect(validated).toBe(0);
    expect((await post("{ meetings { totalCount } }")).errors).toBeUndefined();
    expect(validated).toBe(1);
  });

  it("counts copies brought by fragments, and nested copies", async () => {
    const count = config.MAX_DUPLICATE_FIELDS + 2;
    const spreads = Array.from({ length: count }, (_, i) => `...F${i}`).join(" ");
    const fragments = Array.from({ length: count }, (_, i) => `fragment F${i} on Query { meetings { totalCount } }`).join(" ");
    const viaFragments = await postQuery(`{ ${spreads} } ${fragments}`);
    expect(viaFragments.body.errors?.map((error) => error.extensions?.code)).toEqual(["TOO_MANY_DUPLICATE_FIELDS"]);
    const inner = Array.from({ length: count }, () => "totalCount").join(" ");
    const nested = await postQuery(`{ meetings { ${inner} } }`);
    expect(nested.body.errors?.map((error) => error.extensions?.code)).toEqual(["TOO_MANY_DUPLICATE_FIELDS"]);
  });

  it("refuses more than MAX_FIELDS fields with TOO_MANY_FIELDS", async () => {
    // Distinct response keys, so no duplicates; the aliases would be refused too, but only later.
    const fields = Array.from({ length: config.MAX_FIELDS / 2 + 1 }, (_, i) => `a${i}: meetings { totalCount }`).join(" ");
    const { status, body } = await postQuery(`{ ${fields} }`);
    expect(status).toBe(400);
    expect(body.errors?.map((error) => error.extensions?.code)).toEqual(["TOO_MANY_FIELDS"]);
    expect(body.errors![0]!.message).toContain(`more than ${config.MAX_FIELDS} fields`);
  });

  it("stops counting fragments that spread fragments (2^40 fields) at the limits", async () => {
    const chain = Array.from({ length: 40 }, (_, i) => `fragment L${i} on Query { ...L${i + 1} ...L${i + 1} }`).join(" ");
    const { status, body } = await postQuery(`{ ...L0 } ${chain} fragment L40 on Query { __typename }`);
    expect(status).toBe(400);
    expect(body.errors?.map((error) => error.extensions?.code)).toEqual(["TOO_MANY_DUPLICATE_FIELDS"]);
  });

  it("admits GraphiQL's introspection query and the documented queries (see cost.test.ts)", async () => {
    const { getIntrospectionQuery } = await import("graphql");
    const result = await graphql(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, oneOf: true }));
    expect(result.errors).toBeUndefined();
  });
});

describe("list arguments", () => {
  it(`refuses nodes(ids:) longer than MAX_LIST_ARGUMENT with BAD_USER_INPUT`, async () => {
    const ids = Array.from({ length: config.MAX_LIST_ARGUMENT + 1 }, (_, i) => encodeGlobalId("Person", `p${i}`));
    const { body } = await postQuery(`query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids });
    expect(body.errors?.map((error) => error.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
    expect(body.errors![0]!.message).toBe(`\`nodes(ids:)\` has ${config.MAX_LIST_ARGUMENT + 1} items; at most ${config.MAX_LIST_ARGUMENT} are allowed.`);
  });

  it("checks lists inside filters too", async () => {
    const codes = Array.from({ length: config.MAX_LIST_ARGUMENT + 1 }, (_, i) => `C${i}`);
    const { body } = await postQuery(`query ($codes: [String!]) { countries(filter: { code: { in: $codes } }) { totalCount } }`, { codes });
    expect(body.errors?.map((error) => error.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
    expect(body.errors![0]!.message).toContain("`countries(filter:).code.in` has");
  });

  it("admits a list at the limit", async () => {
    const ids = Array.from({ length: config.MAX_LIST_ARGUMENT }, () => encodeGlobalId("Person", "darius-skusevicius"));
    const result = await graphql(`query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids });
    expect(result.errors).toBeUndefined();
    expect(result.data.nodes).toHaveLength(config.MAX_LIST_ARGUMENT);
  });
});

describe("request bodies", () => {
  it("refuses a batch (a JSON array of operations) with HTTP 400", async () => {
    const batch = JSON.stringify([{ query: "{ meetings(first: 1) { totalCount } }" }, { query: "{ countries { totalCount } }" }]);
    const { status, body } = await refused(() => postBody(batch));
    expect(status).toBe(400);
    expect(body.errors?.map((error) => error.extensions?.code)).toEqual(["BATCHING_NOT_SUPPORTED"]);
    expect(body.errors![0]!.message).toMatch(/send one operation per request/);
  });

  const oversized = () => JSON.stringify({ query: `{ meetings(first: 1) { totalCount } } # ${"x".repeat(config.MAX_BODY_BYTES)}` });

  it("refuses a body over MAX_BODY_BYTES with HTTP 413, by its Content-Length", async () => {
    const { status, body } = await refused(() => postBody(oversized()));
    expect(status).toBe(413);
    expect(body.errors?.map((error) => error.extensions?.code)).toEqual(["REQUEST_ENTITY_TOO_LARGE"]);
    expect(body.errors![0]!.message).toBe(`The request body is larger than ${config.MAX_BODY_BYTES} bytes.`);
  });

  it("refuses a body over MAX_BODY_BYTES with HTTP 413 when it has no Content-Length (streamed)", async () => {
    const bytes = new TextEncoder().encode(oversized());
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let offset = 0; offset < bytes.length; offset += 16 * 1024) controller.enqueue(bytes.slice(offset, offset + 16 * 1024));
        controller.close();
      },
    });
    const { status, body } = await refused(() => postBody(stream));
    expect(status).toBe(413);
    expect(body.errors?.map((error) => error.extensions?.code)).toEqual(["REQUEST_ENTITY_TOO_LARGE"]);
  });

  it("serves a streamed body under the limit", async () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ query: "{ meetings(first: 1) { totalCount } }" }));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 10));
        controller.enqueue(bytes.slice(10));
        controller.close();
      },
    });
    const response = await postBody(stream);
    expect(await response.json()).toMatchObject({ data: { meetings: { totalCount: 2 } } });
  });

  it("answers 413 over a real connection to a chunked upload (Transfer-Encoding: chunked)", async () => {
    const server = createServer(yoga).listen(0, "127.0.0.1");
    await once(server, "listening");
    try {
      const { port } = server.address() as AddressInfo;
      const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
        const request = httpRequest({ host: "127.0.0.1", port, path: "/graphql", method: "POST", headers: { "content-type": "application/json" } }, (response) => {
          let text = "";
          response.on("data", (chunk) => (text += chunk));
          response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
        });
        request.on("error", reject);
        const body = oversized();
        // No Content-Length: node sends the body chunked.
        for (let offset = 0; offset < body.length; offset += 8 * 1024) request.write(body.slice(offset, offset + 8 * 1024));
        request.end();
      });
      expect(status).toBe(413);
      expect(JSON.parse(text).errors[0].extensions.code).toBe("REQUEST_ENTITY_TOO_LARGE");
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
