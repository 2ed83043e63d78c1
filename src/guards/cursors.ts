// Cursors that remember which list they came from. A cursor marks a row's place in one ordering of
// one filtered list; reused with another `orderBy` or `filter` it would silently return a wrong
// page, so every cursor handed out carries a fingerprint of its field and non-paging arguments,
// and a cursor whose fingerprint does not match the request is refused before execution.
// Pothos never sees our cursors: they are unwrapped to its own before any resolver runs.
import { createHash } from "node:crypto";
import type { Plugin } from "graphql-yoga";
import {
  GraphQLError,
  GraphQLObjectType,
  Kind,
  visit,
  type ArgumentNode,
  type DocumentNode,
  type GraphQLField,
  type GraphQLSchema,
  type StringValueNode,
} from "graphql";
import { forEachFieldArguments } from "../lib/field-arguments.js";
import { operationVariables } from "../lib/operation-variables.js";

const PAGING_ARGS = new Set(["first", "last", "after", "before"]);
const CURSOR_ARGS = ["after", "before"] as const;

const isPaged = (field: GraphQLField<unknown, unknown>) => field.args.some((arg) => arg.name === "after");

/** Identifies a list: the field and every argument except the paging ones. */
export function listFingerprint(coordinate: string, args: Record<string, unknown>): string {
  const shape = Object.entries(args).filter(([name]) => !PAGING_ARGS.has(name));
  return createHash("sha256").update(coordinate).update(JSON.stringify(shape)).digest("base64url").slice(0, 12);
}

export const wrapCursor = (fingerprint: string, cursor: string) => Buffer.from(`${fingerprint}:${cursor}`).toString("base64url");

function unwrapCursor(fingerprint: string, cursor: string, where: string): string {
  const decoded = Buffer.from(cursor, "base64url").toString("utf8");
  const separator = decoded.indexOf(":");
  if (separator < 0 || Buffer.from(decoded, "utf8").toString("base64url") !== cursor) {
    throw new GraphQLError(`The cursor given to \`${where}\` is not a cursor of this API.`, { extensions: { code: "BAD_USER_INPUT" } });
  }
  if (decoded.slice(0, separator) !== fingerprint) {
    throw new GraphQLError(
      `The cursor given to \`${where}\` belongs to a different list: it was issued for another \`filter\`, \`orderBy\` or argument. Request the first page again with the new arguments.`,
      { extensions: { code: "BAD_USER_INPUT" } },
    );
  }
  return decoded.slice(separator + 1);
}

interface Connection {
  edges?: ({ cursor?: string | null } | null)[];
  pageInfo?: { startCursor?: string | null; endCursor?: string | null };
}

function wrapConnection(connection: unknown, fingerprint: string): unknown {
  if (!connection || typeof connection !== "object") return connection;
  const { edges, pageInfo } = connection as Connection;
  // In place: the connection object also carries Pothos' lazy totalCount, which must not run unless asked.
  for (const edge of edges ?? []) if (edge?.cursor) edge.cursor = wrapCursor(fingerprint, edge.cursor);
  if (pageInfo?.startCursor) pageInfo.startCursor = wrapCursor(fingerprint, pageInfo.startCursor);
  if (pageInfo?.endCursor) pageInfo.endCursor = wrapCursor(fingerprint, pageInfo.endCursor);
  return connection;
}

/** Makes every paged field of the schema hand out fingerprinted cursors. */
export function fingerprintCursors(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      if (!resolve || !isPaged(field)) continue;
      const coordinate = `${type.name}.${field.name}`;
      field.resolve = (parent, args, context, info) => {
        const fingerprint = listFingerprint(coordinate, args as Record<string, unknown>);
        const result = resolve(parent, args, context, info);
        return result instanceof Promise ? result.then((value) => wrapConnection(value, fingerprint)) : wrapConnection(result, fingerprint);
      };
    }
  }
}

/**
 * Checks every `after`/`before` of an operation against the list it is given to, and swaps it for
 * the plain cursor the resolvers understand; the first mismatch stops the operation.
 */
function unwrapOperationCursors(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  inputs: Record<string, unknown>,
) {
  // Arguments must be read as resolvers will see them, or fingerprints differ.
  const { variables } = operationVariables(schema, document, operationName, inputs);
  if (!variables) return { errors: [], document, variables: inputs };
  const literals = new Map<StringValueNode, string>();
  const rewrittenVariables = { ...inputs };
  const errors: GraphQLError[] = [];
  forEachFieldArguments(schema, document, variables, ({ node, field, parentType, args }) => {
    if (!isPaged(field)) return;
    const fingerprint = listFingerprint(`${parentType.name}.${field.name}`, args);
    for (const name of CURSOR_ARGS) {
      const value = args[name];
      if (typeof value !== "string") continue;
      const argument = node.arguments?.find((candidate: ArgumentNode) => candidate.name.value === name);
      try {
        const plain = unwrapCursor(fingerprint, value, `${parentType.name}.${field.name}(${name}:)`);
        if (argument?.value.kind === Kind.VARIABLE) rewrittenVariables[argument.value.name.value] = plain;
        else if (argument?.value.kind === Kind.STRING) literals.set(argument.value, plain);
      } catch (error) {
        errors.push(error as GraphQLError);
      }
    }
  });
  const rewrittenDocument = literals.size
    ? visit(document, { StringValue: (node) => (literals.has(node) ? { ...node, value: literals.get(node)! } : undefined) })
    : document;
  return { errors, document: rewrittenDocument, variables: rewrittenVariables };
}

export function useListCursors(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const inputs = (args.variableValues ?? {}) as Record<string, unknown>;
      const checked = unwrapOperationCursors(args.schema, args.document, args.operationName, inputs);
      if (checked.errors.length > 0) {
        setResultAndStopExecution({ errors: checked.errors });
        return;
      }
      args.document = checked.document;
      args.variableValues = checked.variables;
    },
  };
}
