// What the guards keep of a document between requests (src/guards/cost-cache.ts,
// src/lib/field-arguments.ts, src/lib/operation-variables.ts): the same document comes back with
// other variables, and each request must still be judged by its own.
import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { cachedOperationCost } from "../src/guards/cost-cache.js";
import { operationCost } from "../src/guards/cost.js";
import { fieldArguments } from "../src/lib/field-arguments.js";
import { operationVariables } from "../src/lib/operation-variables.js";
import { schema } from "../src/schema/index.js";
import { graphql } from "./helpers/client.js";

const costOf = (document: ReturnType<typeof parse>, sent: Record<string, unknown>) => {
  const { variables } = operationVariables(schema, document, undefined, sent);
  return cachedOperationCost(schema, document, undefined, variables!);
};

describe("the cost cache", () => {
  it("costs the same document anew for every page size, list length, filter and @include", () => {
    const document = parse(`query ($first: Int, $ids: [ID!]!, $title: String, $withPlace: Boolean!) {
      meetings(first: $first, filter: { title: { contains: $title } }) { edges { node { title place @include(if: $withPlace) { name } } } }
      nodes(ids: $ids) { id }
    }`);
    const cases = [
      { first: 10, ids: ["a"], title: null, withPlace: false },
      { first: 20, ids: ["a"], title: null, withPlace: false },
      { first: 10, ids: ["a", "b", "c"], title: null, withPlace: false },
      { first: 10, ids: ["a"], title: "Yalta", withPlace: false },
      { first: 10, ids: ["a"], title: null, withPlace: true },
      { first: 10, ids: ["a"], title: null, withPlace: false },
    ];
    for (let round = 0; round < 2; round++) {
      for (const sent of cases) {
        const { variables } = operationVariables(schema, document, undefined, sent);
        expect(costOf(document, { ...sent })).toBe(operationCost(schema, document, undefined, variables!));
      }
    }
    expect(new Set(cases.map((sent) => costOf(document, { ...sent }))).size).toBe(5);
  });

  it("answers a node lookup of any id from the first one's cost", () => {
    const document = parse(`query ($id: ID!) { node(id: $id) { id ... on Meeting { place { name } } } }`);
    expect(costOf(document, { id: "TWVldGluZzox" })).toBe(costOf(document, { id: "another" }));
  });
});

describe("the shared field arguments", () => {
  it("reads arguments written with variables from each request's variables, and the rest once", () => {
    const document = parse(`query ($first: Int) { meetings(first: $first) { totalCount } countries(first: 2) { totalCount } }`);
    const argumentsOf = (first: number) => {
      const { variables } = operationVariables(schema, document, undefined, { first });
      return fieldArguments(schema, document, variables!);
    };
    const [five, ten] = [argumentsOf(5), argumentsOf(10)];
    expect(five.map(({ field, args }) => [field.name, args.first])).toEqual([["meetings", 5], ["countries", 2]]);
    expect(ten.map(({ field, args }) => [field.name, args.first])).toEqual([["meetings", 10], ["countries", 2]]);
    expect(ten[1]).toBe(five[1]);
  });

  it("shares a coercion between requests that send no variables, but not its errors", () => {
    const document = parse(`query ($first: Int = 3) { meetings(first: $first) { totalCount } }`);
    const none = operationVariables(schema, document, undefined, undefined);
    expect(none.variables).toEqual({ first: 3 });
    expect(operationVariables(schema, document, undefined, {})).toBe(none);
    const required = parse(`query ($first: Int!) { meetings(first: $first) { totalCount } }`);
    const refused = operationVariables(schema, required, undefined, undefined);
    expect(refused.errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
    expect(operationVariables(schema, required, undefined, undefined).errors?.[0]).not.toBe(refused.errors?.[0]);
  });
});

describe("through the server", () => {
  it("reports each request's own cost for one document sent with other page sizes", async () => {
    const query = `query Page($first: Int!) { meetings(first: $first) { edges { node { title } } } }`;
    for (const first of [1, 2, 1, 2]) {
      const response = await graphql(query, { first });
      expect((response as { extensions?: { cost?: { requested: number } } }).extensions?.cost?.requested).toBe(1 + first * 2);
    }
  });

  it("refuses a bad page size in variables after the same document was served", async () => {
    const query = `query Page($first: Int!) { meetings(first: $first) { totalCount } }`;
    expect((await graphql(query, { first: 3 })).errors).toBeUndefined();
    const refused = await graphql(query, { first: 101 });
    expect(refused.errors?.map((error) => error.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
  });
});
