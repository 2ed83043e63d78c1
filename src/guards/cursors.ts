// Checks the cursors of an operation before execution: every cursor the schema hands out is signed
// and carries a fingerprint of its list and of its parent (src/schema/cursors.ts). One this server
// did not write, or given to another list (another `orderBy`, `filter` or field), is refused
// instead of silently returning a wrong page or reaching the database as written; its parent can
// only be checked once the parent is known, so it is recorded for the resolver to check. Pothos
// never sees our cursors: they are unwrapped to its own before any resolver runs.
import type { Plugin } from "graphql-yoga";
import { Kind, visit, type ArgumentNode, type DocumentNode, type GraphQLError, type GraphQLSchema, type StringValueNode } from "graphql";
import { fieldArguments } from "../lib/field-arguments.js";
import { operationVariables } from "../lib/operation-variables.js";
import { bindCursor, isPaged, listFingerprint, unwrapCursor } from "../schema/cursors.js";

const CURSOR_ARGS = ["after", "before"] as const;

/**
 * Checks every `after`/`before` of an operation against the list it is given to, and swaps it for
 * the plain cursor the resolvers understand; the first mismatch stops the operation.
 */
function unwrapOperationCursors(
  context: object,
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  inputs: Record<string, unknown>,
) {
  // Arguments must be read as resolvers will see them, or fingerprints differ.
  const { variables } = operationVariables(schema, document, operationName, inputs);
  if (!variables) return { errors: [], document, variables: inputs };
  const literals = new Map<StringValueNode, string>();
  let rewrittenVariables: Record<string, unknown> | undefined;
  const errors: GraphQLError[] = [];
  for (const { node, field, parentType, args } of fieldArguments(schema, document, variables)) {
    if (!isPaged(field)) continue;
    const coordinate = `${parentType.name}.${field.name}`;
    let fingerprint: string | undefined; // a hash: only for a list that was given a cursor
    for (const name of CURSOR_ARGS) {
      const value = args[name];
      if (typeof value !== "string") continue;
      fingerprint ??= listFingerprint(coordinate, args);
      const argument = node.arguments?.find((candidate: ArgumentNode) => candidate.name.value === name);
      try {
        const { plain, parent } = unwrapCursor(fingerprint, value, `${coordinate}(${name}:)`);
        bindCursor(context, coordinate, plain, parent);
        if (argument?.value.kind === Kind.VARIABLE) (rewrittenVariables ??= { ...inputs })[argument.value.name.value] = plain;
        else if (argument?.value.kind === Kind.STRING) literals.set(argument.value, plain);
      } catch (error) {
        errors.push(error as GraphQLError);
      }
    }
  }
  const rewrittenDocument = literals.size
    ? visit(document, { StringValue: (node) => (literals.has(node) ? { ...node, value: literals.get(node)! } : undefined) })
    : document;
  return { errors, document: rewrittenDocument, variables: rewrittenVariables ?? inputs };
}

export function useListCursors(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const inputs = (args.variableValues ?? {}) as Record<string, unknown>;
      const checked = unwrapOperationCursors(args.contextValue as object, args.schema, args.document, args.operationName, inputs);
      if (checked.errors.length > 0) {
        setResultAndStopExecution({ errors: checked.errors });
        return;
      }
      args.document = checked.document;
      args.variableValues = checked.variables;
    },
  };
}
