// Client input must never become an internal error: ill-formed text, NUL characters, numbers that
// are not finite, over-long operands, filters too deep or too large, literals nested past the
// parser's stack, forged cursors and cursors of another parent. Each is refused with a code of its
// own kind (BAD_USER_INPUT, or a 4xx for a document that cannot be read), on both engines.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { encodeGlobalId } from "../src/lib/global-id.js";
import { yoga } from "../src/yoga.js";
import { graphql, nodes, query } from "./helpers/client.js";
import { logStatements } from "./helpers/sql-log.js";

type Result = Awaited<ReturnType<typeof graphql>>;
const codes = (result: Result) => result.errors?.map((error) => error.extensions?.code);
const DARIUS = "darius-skusevicius";

/** No internal error, no 5xx, and at least one error with `code`. */
function refused(result: Result, code = "BAD_USER_INPUT") {
  expect(result.status).toBeLessThan(500);
  expect(codes(result)).not.toContain("INTERNAL_SERVER_ERROR");
  expect(codes(result)).toContain(code);
}

describe("ill-formed text and NUL characters", () => {
  it.each([
    ["a lone high surrogate", "x\ud800"],
    ["a lone low surrogate", "\udc00x"],
    ["a NUL character", "a\u0000b"],
  ])("%s in person(slug:) is BAD_USER_INPUT for that field alone", async (_case, bad) => {
    const result = await graphql(`query ($bad: String!) { bad: person(slug: $bad) { name } good: person(slug: "${DARIUS}") { name } }`, { bad });
    refused(result);
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.path).toEqual(["bad"]);
    expect(result.data).toEqual({ bad: null, good: { name: "Darius Skusevičius" } });
  });

  it.each([
    ["people(name:)", `query ($bad: String) { people(name: $bad) { totalCount } }`],
    ["country(code:)", `query ($bad: String!) { country(code: $bad) { name } }`],
    ["organization(slug:)", `query ($bad: String!) { organization(slug: $bad) { name } }`],
    ["meeting(slug:)", `query ($bad: String!) { meeting(slug: $bad) { title } }`],
    ["topic(slug:)", `query ($bad: String!) { topic(slug: $bad) { name } }`],
    ["tradeSeries(between:)", `query ($bad: String!) { tradeSeries(between: $bad, and: "LT") { flow } }`],
    ["search(query:)", `query ($bad: String!) { search(query: $bad) { totalCount } }`],
    ["a text filter", `query ($bad: String) { people(filter: { name: { contains: $bad } }) { totalCount } }`],
    ["a text filter's in", `query ($bad: String!) { organizations(filter: { name: { in: ["x", $bad] } }) { totalCount } }`],
    ["a nested text filter", `query ($bad: String) { country(code: "KZ") { organizations(filter: { name: { startsWith: $bad } }) { totalCount } } }`],
  ])("in %s", async (_case, text) => {
    for (const bad of ["x\ud800", "x\u0000"]) refused(await graphql(text, { bad }));
  });

  it("in a global ID's key", async () => {
    for (const key of ["a\u0000b", "x".repeat(5000)]) {
      refused(await graphql(`query ($id: ID!) { node(id: $id) { id } nodes(ids: [$id]) { id } }`, { id: encodeGlobalId("Person", key) }));
    }
  });
});

describe("numbers", () => {
  it.each(["{ value: { gte: 1e309 } }", "{ value: { lt: -1e309 } }", "{ value: { in: [1, 1e400] } }", "{ value: { equals: 1e309 } }"])(
    "%s is BAD_USER_INPUT before any SQL runs",
    async (filter) => {
      const { result, statements } = await logStatements(() => graphql(`{ tradeRecords(filter: ${filter}) { totalCount } }`));
      refused(result);
      expect(result.errors?.[0]?.message).toMatch(/finite/);
      expect(statements).toEqual([]);
    },
  );
});

describe("text operands are bounded", () => {
  it("a `contains` longer than the limit is BAD_USER_INPUT, whatever the engine's LIKE limit", async () => {
    const long = "a".repeat(50_001);
    const result = await graphql(`query ($s: String) { organizations(filter: { name: { contains: $s } }) { totalCount } }`, { s: long });
    refused(result);
    expect(result.errors?.[0]?.message).toMatch(/at most 1000 characters/);
    refused(await graphql(`query ($s: String) { people(name: $s) { totalCount } }`, { s: long }));
  });

  it("an operand at the limit is answered", async () => {
    const data = await query(`query ($s: String) { organizations(filter: { name: { contains: $s } }) { totalCount } }`, { s: "a".repeat(1000) });
    expect(data.organizations.totalCount).toBe(0);
  });
});

describe("document nesting", () => {
  it("a list literal nested 2,400 deep is refused with a 400 and a code before the parser recurses", async () => {
    const result = await graphql(`{ nodes(ids: ${"[".repeat(2400)}"x"${"]".repeat(2400)}) { id } }`);
    expect(result.status).toBe(400);
    expect(codes(result)).toEqual(["DOCUMENT_TOO_NESTED"]);
  });

  it("so is an object literal, and a variable nested as deep", async () => {
    const literal = await graphql(`{ meetings(filter: ${"{ NOT: ".repeat(1500)}{}${" }".repeat(1500)}) { totalCount } }`);
    expect(literal.status).toBe(400);
    expect(codes(literal)).toEqual(["DOCUMENT_TOO_NESTED"]);
    // Written out by hand: JSON.stringify itself overflows at this depth.
    const query = JSON.stringify("query ($f: MeetingFilter) { meetings(filter: $f) { totalCount } }");
    const response = await yoga.fetch("http://parley/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
      body: `{"query": ${query}, "variables": {"f": ${'{"NOT":'.repeat(11_000)}{}${"}".repeat(11_000)}}}`,
    });
    expect(response.status).toBe(400);
    expect(codes((await response.json()) as Result)).toEqual(["DOCUMENT_TOO_NESTED"]);
  });

  it("brackets inside strings and comments do not count", async () => {
    const result = await graphql(`{ # ${"[".repeat(500)}
      people(name: "${"{".repeat(300)}") { totalCount } }`);
    expect(result.errors).toBeUndefined();
  });
});

describe("filter depth and size", () => {
  const nested = (operator: "NOT" | "AND" | "OR", depth: number) => {
    let filter = '{ title: { contains: "a" } }';
    for (let level = 0; level < depth; level += 1) filter = operator === "NOT" ? `{ NOT: ${filter} }` : `{ ${operator}: [${filter}] }`;
    return filter;
  };

  it.each(["NOT", "AND", "OR"] as const)("%s nested past the limit is BAD_USER_INPUT before any SQL runs", async (operator) => {
    const { result, statements } = await logStatements(() => graphql(`{ meetings(filter: ${nested(operator, 101)}) { totalCount } }`));
    refused(result);
    expect(result.errors?.[0]?.message).toMatch(/nested .* deep; at most 32/);
    expect(statements).toEqual([]);
  });

  it("relation filters count towards the depth", async () => {
    let filter = '{ title: { contains: "a" } }';
    for (let level = 0; level < 40; level += 1) filter = `{ delegations: { some: { meeting: ${filter} } } }`;
    refused(await graphql(`{ meetings(filter: ${filter}) { totalCount } }`));
  });

  // Filters exactly 32 levels deep (every object and list counts), each the deepest SQL of its kind.
  const wrap = (times: number, around: (inner: string) => string, leaf: string) => {
    let filter = leaf;
    for (let level = 0; level < times; level += 1) filter = around(filter);
    return filter;
  };
  it.each([
    ["to-many relations", "meetings", wrap(10, (inner) => `{ delegations: { some: { meeting: ${inner} } } }`, '{ title: { contains: "a" } }')],
    ["to-one relations", "topics", wrap(30, (inner) => `{ parent: ${inner} }`, '{ name: { contains: "a" } }')],
    ["NOT", "meetings", wrap(30, (inner) => `{ NOT: ${inner} }`, '{ title: { contains: "a" } }')],
    ["AND", "meetings", wrap(15, (inner) => `{ AND: [${inner}, { title: { startsWith: "k" } }] }`, '{ title: { contains: "a" } }')],
  ])("a filter of %s at the depth limit is answered on this engine", async (_case, list, filter) => {
    const result = await graphql(`{ ${list}(filter: ${filter}) { totalCount edges { node { id } } } }`);
    expect(result.errors).toBeUndefined();
    const deeper = await graphql(`{ ${list}(filter: { NOT: ${filter} }) { totalCount } }`);
    refused(deeper);
  });

  // An OR of ANDs of `contains`, sent as a variable (as a literal it would run into MAX_TOKENS first).
  const grid = (rows: number, columns: number) => ({
    OR: Array.from({ length: rows }, (_, row) => ({ AND: Array.from({ length: columns }, (_, column) => ({ name: { contains: `r${row}c${column}` } })) })),
  });

  it("more conditions than MAX_FILTER_CONDITIONS is BAD_USER_INPUT before any SQL runs", async () => {
    const { result, statements } = await logStatements(() =>
      graphql(`query ($f: OrganizationFilter) { organizations(filter: $f) { totalCount edges { node { slug } } } }`, { f: grid(30, 30) }),
    );
    refused(result);
    expect(result.errors?.[0]?.message).toMatch(/900 conditions; at most 200/);
    expect(statements).toEqual([]);
  });

  it("counts conditions across the whole operation, relation tests and each value of an `in` included", async () => {
    const result = await graphql(
      `query ($a: OrganizationFilter, $b: PersonFilter) { a: organizations(filter: $a) { totalCount } b: people(filter: $b) { totalCount } }`,
      { a: grid(10, 10), b: { OR: [grid(9, 10), { name: { in: ["a", "b", "c", "d", "e", "f", "g", "h", "i"] } }, { country: {} }, { posts: { some: {} } }] } },
    );
    refused(result);
    expect(result.errors?.[0]?.message).toMatch(/201 conditions/);
  });

  it("a filter with MAX_FILTER_CONDITIONS conditions is answered on this engine", async () => {
    const result = await graphql(`query ($f: OrganizationFilter) { organizations(filter: $f) { totalCount edges { node { slug } } } }`, { f: grid(10, 20) });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ organizations: { totalCount: 0, edges: [] } });
  });
});

const b64url = (text: string) => Buffer.from(text, "utf8").toString("base64url");
const unb64url = (text: string) => Buffer.from(text, "base64url").toString("utf8");

describe("cursors cannot be forged", () => {
  const PRISMA_PLAIN = Buffer.from("GPC:").toString("base64").slice(0, 5);

  /** A real cursor of `organizations(first: 2)` with its Pothos part replaced, the rest left as it is. */
  async function forged(plain: string) {
    const data = await query(`{ organizations(first: 2) { pageInfo { endCursor } } }`);
    const decoded = unb64url(data.organizations.pageInfo.endCursor);
    const at = decoded.indexOf(PRISMA_PLAIN);
    expect(at).toBeGreaterThan(0);
    return b64url(decoded.slice(0, at) + Buffer.from(plain).toString("base64"));
  }

  it.each([
    ["an operator object", 'GPC:O:{"id":{"not":"x"}}'],
    ["a number for a text key", "GPC:N:1e309"],
    ["a NUL", "GPC:S:a\u0000b"],
    ["a compound", 'GPC:T:["S:a","S:b"]'],
  ])("%s inside a cursor is BAD_USER_INPUT before any SQL runs", async (_case, plain) => {
    const after = await forged(plain);
    const { result, statements } = await logStatements(() => graphql(`query ($after: String) { organizations(first: 2, after: $after) { totalCount } }`, { after }));
    refused(result);
    expect(statements).toEqual([]);
  });

  it("a cursor whose list fingerprint was recomputed is refused", async () => {
    // The fingerprint is a public function of the field and its arguments: recomputing it for a
    // forged inner cursor must not be enough.
    const shape = JSON.stringify([]);
    const fingerprint = createHash("sha256").update("Query.organizations").update(shape).digest("base64url").slice(0, 12);
    const inner = Buffer.from('GPC:O:{"id":{"not":"x"}}').toString("base64");
    for (const after of [b64url(`${fingerprint}:${inner}`), b64url(`${fingerprint}::${inner}`)]) {
      refused(await graphql(`query ($after: String) { organizations(first: 2, after: $after) { totalCount } }`, { after }));
    }
  });

  it("a search cursor naming a property of Object.prototype is BAD_USER_INPUT", async () => {
    const data = await query(`{ search(query: "kazakh", first: 1) { pageInfo { endCursor } } }`);
    const decoded = unb64url(data.search.pageInfo.endCursor);
    const plainAt = decoded.lastIndexOf(":") + 1;
    for (const entityType of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      const after = b64url(decoded.slice(0, plainAt) + b64url(JSON.stringify([1, entityType, "x"])));
      refused(await graphql(`query ($after: String) { search(query: "kazakh", after: $after) { totalCount } }`, { after }));
    }
  });

  it("genuine cursors still page, forwards and backwards", async () => {
    const first = await query(`{ organizations(first: 2) { pageInfo { endCursor } edges { node { slug } } } }`);
    const next = await query(`query ($after: String) { organizations(first: 2, after: $after) { pageInfo { startCursor } edges { node { slug } } } }`, {
      after: first.organizations.pageInfo.endCursor,
    });
    expect(nodes(next.organizations)).toHaveLength(2);
    const back = await query(`query ($before: String) { organizations(last: 2, before: $before) { edges { node { slug } } } }`, {
      before: next.organizations.pageInfo.startCursor,
    });
    expect(nodes(back.organizations)).toEqual(nodes(first.organizations));
  });
});

describe("nested cursors belong to their parent", () => {
  it("a cursor of Kazakhstan's organisations is refused on Lithuania's", async () => {
    const kz = await query(`{ country(code: "KZ") { organizations(first: 1) { pageInfo { endCursor } } } }`);
    const cursor = kz.country.organizations.pageInfo.endCursor as string;
    const result = await graphql(`query ($after: String) { country(code: "LT") { organizations(first: 5, after: $after) { edges { node { slug } } } } }`, {
      after: cursor,
    });
    refused(result);
    expect(result.errors?.[0]?.message).toMatch(/another Country/);
    expect(result.data).toEqual({ country: null });
    const same = await query(`query ($after: String) { country(code: "KZ") { organizations(first: 5, after: $after) { edges { node { slug } } } } }`, {
      after: cursor,
    });
    expect(same.country.organizations.edges.length).toBeGreaterThan(0);
  });

  it("under a list of parents, each parent checks the cursor", async () => {
    const data = await query(`{ meetings(first: 2, orderBy: [{ field: TITLE }]) { edges { node { slug delegations(first: 1) { pageInfo { endCursor } } } } } }`);
    const [one, two] = data.meetings.edges.map((edge: { node: { delegations: { pageInfo: { endCursor: string } } } }) => edge.node.delegations.pageInfo.endCursor);
    const result = await graphql(
      `query ($after: String) { meetings(first: 2, orderBy: [{ field: TITLE }]) { edges { node { delegations(first: 5, after: $after) { totalCount } } } } }`,
      { after: one },
    );
    expect(codes(result)).toEqual(["BAD_USER_INPUT"]);
    expect(result.errors?.[0]?.path).toEqual(["meetings", "edges", 1, "node", "delegations"]);
    expect(two).not.toBe(one);
  });
});
