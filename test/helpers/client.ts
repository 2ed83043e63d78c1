// An in-process GraphQL client: requests go through yoga.fetch, no port, no sleeps.
import { yoga } from "../../src/yoga.js";

export interface GraphQLResponse<Data = Record<string, unknown>> {
  status: number;
  data?: Data;
  errors?: { message: string; extensions?: { code?: string }; path?: (string | number)[] }[];
}

export async function graphql<Data = any>( // eslint-disable-line @typescript-eslint/no-explicit-any
  query: string,
  variables?: Record<string, unknown>,
): Promise<GraphQLResponse<Data>> {
  const response = await yoga.fetch("http://parley/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}

/** Runs a query that must succeed, returning its data. */
export async function query<Data = any>(text: string, variables?: Record<string, unknown>): Promise<Data> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const result = await graphql<Data>(text, variables);
  if (result.errors) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data as Data;
}

/** Relay edges to their nodes. */
export const nodes = <T>(connection: { edges: { node: T }[] }): T[] => connection.edges.map((edge) => edge.node);
