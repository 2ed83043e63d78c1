// Before measuring: the floor must answer exactly what the GraphQL server answers, or the ratio
// compares different work. Every request body of every operation is sent to both over HTTP once.
import { deepStrictEqual } from "node:assert/strict";
import { OPERATIONS, REQUEST_HEADERS, requestBodies, type OperationInputs, type OperationName } from "./operations.js";

export interface Verification {
  /** Distinct request bodies compared. */
  requests: number;
  /** Response size of the first body, in bytes, from each side. */
  bytes: { server: number; floor: number };
}

/** POSTs a request body to a GraphQL server's /graphql; throws unless it answers 200. */
export async function post(url: string, body: string): Promise<{ text: string; json: { data?: unknown; errors?: unknown } }> {
  const response = await fetch(`${url}/graphql`, { method: "POST", headers: REQUEST_HEADERS, body });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${text.slice(0, 500)}`);
  return { text, json: JSON.parse(text) };
}

export async function verifyFloor(serverUrl: string, floorUrl: string, inputs: OperationInputs): Promise<Record<OperationName, Verification>> {
  const verified = {} as Record<OperationName, Verification>;
  for (const operation of OPERATIONS) {
    const bodies = requestBodies(operation, inputs);
    let bytes = { server: 0, floor: 0 };
    for (const [index, body] of bodies.entries()) {
      const [server, floor] = await Promise.all([post(serverUrl, body), post(floorUrl, body)]);
      if (server.json.errors) throw new Error(`${operation.name}: the server answered errors: ${JSON.stringify(server.json.errors)}`);
      if (server.json.data === null || Object.values(server.json.data as object).includes(null)) {
        throw new Error(`${operation.name}: the server found nothing for ${body.slice(-200)}`);
      }
      try {
        deepStrictEqual(floor.json.data, server.json.data);
      } catch (error) {
        throw new Error(`${operation.name}: the floor's JSON differs from the server's data:\n${(error as Error).message.slice(0, 4000)}`);
      }
      if (index === 0) bytes = { server: Buffer.byteLength(server.text), floor: Buffer.byteLength(floor.text) };
    }
    verified[operation.name] = { requests: bodies.length, bytes };
  }
  return verified;
}
