// The cost model (src/guards/cost.ts), the limits' defaults against every documented query, and the
// refusal of costly queries before any SQL runs.
import { getIntrospectionQuery, Kind, parse, type OperationDefinitionNode } from "graphql";
import { describe, expect, it } from "vitest";
import { config } from "../src/config/settings.js";
import { operationCost } from "../src/guards/cost.js";
import { measureOperation } from "../src/guards/document-limits.js";
import { encodeGlobalId } from "../src/lib/global-id.js";
import { statsOf } from "../src/observability/request-stats.js";
import { schema } from "../src/schema/index.js";
import { yoga } from "../src/yoga.js";
import { graphql } from "./helpers/client.js";
import { DOCUMENTED_QUERIES } from "./helpers/documented-queries.js";
import { logStatements } from "./helpers/sql-log.js";

const cost = (query: string, variables: Record<string, unknown> = {}) => operationCost(schema, parse(query), undefined, variables);

function measure(query: string) {
  const document = parse(query);
  const fragments = new Map(document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return measureOperation(operation, fragments);
}

async function post(query: string) {
  const request = new Request("http://parley/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
    body: JSON.stringify({ query }),
  });
  const response = await yoga.fetch(request);
  return { request, status: response.status, body: (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[]; extensions?: Record<string, unknown> } };
}

describe("the cost model", () => {
  it("counts objects: scalars 0, each object 1, a page's edges and nodes times its size", () => {
    expect(cost(`{ meetings(first: 10) { totalCount edges { node { title } } } }`)).toBe(1 + 10 * 2);
    expect(cost(`{ meetings(first: 10) { edges { node { title place { name } } } } }`)).toBe(31);
    expect(cost(`{ meetings(last: 3) { pageInfo { hasNextPage } edges { cursor } } }`)).toBe(1 + 1 + 3);
    expect(cost(`{ meeting(slug: "x") { title } }`)).toBe(1);
  });

  it("takes 20 for a page with neither first nor last, and for a plain list", () => {
    expect(cost(`{ meetings { edges { node { title } } } }`)).toBe(1 + 20 * 2);
    expect(cost(`{ meeting(slug: "x") { evidence { excerpt } } }`)).toBe(1 + 20);
  });

  it("multiplies nested pages, reading page sizes from variables", () => {
    const query = `query ($n: Int) { meetings(first: $n) { edges { node { delegations(first: 5) { edges { node { side } } } } } } }`;
    expect(cost(query, { n: 4 })).toBe(1 + 4 * (2 + (1 + 5 * 2)));
    expect(cost(query, {})).toBe(1 + 20 * (2 + (1 + 5 * 2)));
  });

  it("counts nodes(ids:) by its ids, and an abstract type by its costliest member", () => {
    const ids = [encodeGlobalId("Person", "a"), encodeGlobalId("Person", "b"), encodeGlobalId("Meeting", "c")];
    expect(cost(`query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids })).toBe(3);
    expect(cost(`{ node(id: "x") { ... on Person { country { name } } ... on Meeting { title } } }`)).toBe(2);
  });

  it("follows fragments, and leaves out what @skip/@include leave out", () => {
    expect(cost(`{ meetings(first: 2) { ...M } } fragment M on QueryMeetingsConnection { edges { node { place { name } } } }`)).toBe(1 + 2 * 3);
    expect(cost(`query ($no: Boolean!) { meeting(slug: "x") { place @include(if: $no) { name } } }`, { no: false })).toBe(1);
  });

  it("costs introspection like any field, its lists as long as in the schema: GraphiQL's query about its answer's objects", async () => {
    const query = getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, oneOf: true });
    expect(cost(query)).toBe(3267);
    expect(cost(query) * 3).toBeLessThanOrEqual(config.MAX_QUERY_COST);
    expect(cost(`{ __schema { types { name } } }`)).toBe(1 + Object.keys(schema.getTypeMap()).length);
    const introspection = await post(query);
    expect(introspection.body.errors).toBeUndefined();
    expect(introspection.body.extensions?.cost).toEqual({ requested: 3267, limit: config.MAX_QUERY_COST });
    let objects = 0;
    const count = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(count);
      else if (value && typeof value === "object") {
        objects += 1;
        Object.values(value).forEach(count);
      }
    };
    count((introspection.body.data as { __schema: unknown }).__schema);
    expect(Math.abs(objects - 3267)).toBeLessThan(3267 / 10);
    // Aliases inside one __schema multiply its lists, and the cost with them.
    const aliased = Array.from({ length: 10 }, (_, i) => `t${i}: types { fields { args { type { name } } type { name } } }`).join(" ");
    expect(cost(`{ __schema { ${aliased} } }`)).toBeGreaterThan(config.MAX_QUERY_COST);
    const fanOut = await post(`{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }`);
    expect(fanOut.body.errors?.[0]?.message).toBe("Maximum introspection depth exceeded");
  });
});

describe("filter conditions", () => {
  const titles = (n: number) => ({ OR: Array.from({ length: n }, (_, i) => ({ title: { contains: `t${i}` } })) });

  it("costs each leaf operator, through AND/OR/NOT and relation filters, written in the query", () => {
    expect(cost(`{ meetings(filter: { title: { contains: "a", startsWith: "b" } }) { totalCount } }`)).toBe(1 + 2);
    const nested = `{ meetings(filter: { AND: [{ date: { gte: "2001-01-01" } }, { NOT: { place: { name: { in: ["Vilnius", "Riga"] } } } }], delegations: { some: { side: { equals: HOST } } } }) { totalCount } }`;
    expect(cost(nested)).toBe(1 + 3);
  });

  it("costs the conditions passed in variables, 60 × 60 OR'd conditions as 3,600", () => {
    const query = `query ($filter: MeetingFilter) { meetings(first: 1, filter: $filter) { totalCount } }`;
    expect(cost(query, { filter: titles(3) })).toBe(1 + 3);
    expect(cost(query, { filter: { OR: Array.from({ length: 60 }, () => titles(60)) } })).toBe(1 + 3600);
  });

  it("counts a filter each time its field is resolved", () => {
    const query = `query ($filter: DelegationFilter) { meetings(first: 10) { edges { node { delegations(first: 1, filter: $filter) { totalCount } } } } }`;
    const none = cost(query, {});
    expect(cost(query, { filter: { side: { equals: "HOST" }, NOT: { side: { equals: "GUEST" } } } })).toBe(none + 10 * 2);
  });
});

describe("the limits' defaults admit every documented query with a margin", () => {
  const measured = DOCUMENTED_QUERIES.map(({ name, query }) => ({ name, cost: cost(query), ...measure(query) }));

  it("finds the documented queries", () => {
    expect(measured.length).toBeGreaterThanOrEqual(13);
  });

  it("cost: the costliest example is under a fifth of MAX_QUERY_COST", () => {
    const costliest = Math.max(...measured.map((query) => query.cost));
    expect(costliest).toBe(1663); // DeputyMinistersAtTheTime: 20 people × 20 posts, sizes not given, 2 filter conditions
    expect(costliest * 5).toBeLessThanOrEqual(config.MAX_QUERY_COST);
  });

  it("depth: the deepest example could still follow one more connection (3 levels) and an object", () => {
    const deepest = Math.max(...measured.map((query) => query.depth));
    expect(deepest).toBe(11); // the default query: meeting → delegations → … → tradeRecords → edges → node → period → label
    expect(deepest + 4).toBeLessThanOrEqual(config.MAX_QUERY_DEPTH);
  });

  it("aliases and directives: well inside their limits", () => {
    expect(Math.max(...measured.map((query) => query.aliases)) * 10).toBeLessThanOrEqual(config.MAX_ALIASES);
    expect(Math.max(...measured.map((query) => query.directives))).toBeLessThan(config.MAX_DIRECTIVES);
  });

  it.each(DOCUMENTED_QUERIES)("$name runs under every limit, reporting its cost", async ({ query }) => {
    const { body } = await post(query);
    expect(body.errors).toBeUndefined();
    expect(body.extensions?.cost).toEqual({ requested: cost(query), limit: config.MAX_QUERY_COST });
  });
});

describe("refusing a costly query", () => {
  const costly = `{ meetings(first: 100) { edges { node { delegations(first: 100) { edges { node { head { name } } } } } } } }`;

  it("refuses it with QUERY_TOO_COSTLY and the numbers, before any SQL", async () => {
    const expected = 1 + 100 * (2 + 1 + 100 * 3);
    expect(expected).toBeGreaterThan(config.MAX_QUERY_COST);
    const { result, statements } = await logStatements(() => post(costly));
    expect(statements).toEqual([]);
    const { body, request, status } = result;
    expect(status).toBe(400);
    expect(body.data ?? null).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.extensions).toMatchObject({ code: "QUERY_TOO_COSTLY", requested: expected, limit: config.MAX_QUERY_COST });
    expect(body.errors![0]!.message).toContain(`${expected} points, over the limit of ${config.MAX_QUERY_COST}`);
    expect(body.extensions?.cost).toEqual({ requested: expected, limit: config.MAX_QUERY_COST });
    expect(statsOf(request).cost).toEqual({ requested: expected, limit: config.MAX_QUERY_COST });
  });

  it("reports the cost on every response: success, validation error, parse error", async () => {
    const ok = await post(`{ meetings(first: 2) { edges { node { title } } } }`);
    expect(ok.body.extensions?.cost).toEqual({ requested: 5, limit: config.MAX_QUERY_COST });
    expect(statsOf(ok.request).cost).toEqual({ requested: 5, limit: config.MAX_QUERY_COST });
    const invalid = await post(`{ meetings(first: 2) { edges { node { title noSuchField } } } }`);
    expect(invalid.body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(invalid.body.extensions?.cost).toEqual({ requested: 5, limit: config.MAX_QUERY_COST });
    const unparsable = await post(`{ meetings(first: 2) {`);
    expect(unparsable.body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
    expect(unparsable.body.extensions?.cost).toEqual({ requested: 0, limit: config.MAX_QUERY_COST });
  });

  it("costs an out-of-range page at the largest page, leaving its BAD_USER_INPUT to the page-size check", async () => {
    const result = await graphql(`{ meetings(first: 1000) { totalCount } }`);
    expect(result.errors?.map((error) => error.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
  });
});
