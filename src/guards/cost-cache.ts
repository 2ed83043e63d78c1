// Costs already computed. An operation's cost (cost.ts) depends on its document and, of its
// variables, only on what can change a page size, a list's length, a filter's conditions or an
// @include/@skip: numbers, booleans, nulls, lists' lengths, objects' keys; never a string's text.
// So a cost is kept by document, operation and the variables' shape, every string (and every
// scalar's value, such as a Date) made alike: `node(id: $id)` costs for any id what it did for the
// first, and `meetings(first: $first)` once per page size. The walk it saves grows with the
// document (the GraphiQL default query's 70 fields, every request).
import type { DocumentNode, GraphQLSchema } from "graphql";
import { BoundedCache } from "./caches.js";
import { operationCost } from "./cost.js";

/** A few thousand entries of about 100 bytes: the documents in use, each at a few page sizes. */
const COST_CACHE_BYTES = 1024 * 1024;
/** Variables whose shape is longer (big filters, long lists) are costed every time, not kept. */
const MAX_SHAPE_LENGTH = 1024;

const caches = new WeakMap<GraphQLSchema, BoundedCache<number>>();
/** Documents by a number, for the keys: a document cannot be a string key, and its text may be long. */
const documentIds = new WeakMap<DocumentNode, number>();
let lastDocumentId = 0;

/** The variables with what cannot change a cost made alike (see above). */
function shapeOf(value: unknown): unknown {
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value); // JSON would make them null
  if (typeof value === "boolean" || value == null) return value;
  if (Array.isArray(value)) return value.map(shapeOf);
  const prototype = typeof value === "object" ? Object.getPrototypeOf(value) : undefined;
  if (prototype === Object.prototype || prototype === null) {
    return Object.fromEntries(Object.entries(value as object).map(([key, inner]) => [key, shapeOf(inner)]));
  }
  return "";
}

/** operationCost, remembered by document, operation and the shape of `variables` (already coerced). */
export function cachedOperationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
): number {
  const shape = JSON.stringify(shapeOf(variables));
  if (shape.length > MAX_SHAPE_LENGTH) return operationCost(schema, document, operationName, variables);
  let id = documentIds.get(document);
  if (id === undefined) documentIds.set(document, (id = ++lastDocumentId));
  let cache = caches.get(schema);
  if (!cache) caches.set(schema, (cache = new BoundedCache<number>(COST_CACHE_BYTES)));
  const key = `${id}\n${operationName ?? ""}\n${shape}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  const cost = operationCost(schema, document, operationName, variables);
  cache.set(key, cost, key.length * 2 + 64);
  return cost;
}
