// An operation's variables as resolvers will see them (enum values, dates), for checks that read
// arguments before execution. Values that cannot be coerced are the client's bad input.
import { getOperationAST, getVariableValues, GraphQLError, type DocumentNode, type GraphQLSchema } from "graphql";

type OperationVariables = { variables?: Record<string, unknown>; errors?: GraphQLError[] };

/**
 * Coercions already made, by the inputs object and document they were made from: the cost, the
 * list checks and the cursor check each read the same request's variables before execution, and
 * coercing a large filter (3,600 conditions in 100 KB) took most of a refused request's time.
 * Weakly held: an entry lives as long as its request's inputs.
 */
const coerced = new WeakMap<object, WeakMap<DocumentNode, Map<string, OperationVariables>>>();

/**
 * Stands for "no variables sent" (none, or `{}`), one per schema: what they coerce to then depends
 * on the document alone, so requests of the same document share the coercion, and with it what is
 * cached by the coerced object (src/lib/field-arguments.ts).
 */
const noInputs = new WeakMap<GraphQLSchema, Record<string, unknown>>();

export function operationVariables(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  sent: Record<string, unknown> | null | undefined,
): OperationVariables {
  const none = !sent || Object.keys(sent).length === 0;
  let inputs = none ? noInputs.get(schema) : sent;
  if (!inputs) noInputs.set(schema, (inputs = Object.freeze({})));
  let byDocument = coerced.get(inputs);
  if (!byDocument) coerced.set(inputs, (byDocument = new WeakMap()));
  let byOperation = byDocument.get(document);
  if (!byOperation) byDocument.set(document, (byOperation = new Map()));
  const key = operationName ?? "";
  const known = byOperation.get(key);
  if (known) return known;
  const result = coerce(schema, document, operationName, inputs);
  // Shared by requests only when it worked: errors go into a response, where later plugins may
  // change them, and an operation name the document lacks would add an entry per name sent.
  if (!none || result.variables) byOperation.set(key, result);
  return result;
}

function coerce(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  inputs: Record<string, unknown>,
): OperationVariables {
  const operation = getOperationAST(document, operationName);
  if (!operation) return {}; // execution reports a missing or ambiguous operation itself.
  const { coerced: values, errors } = getVariableValues(schema, operation.variableDefinitions ?? [], inputs);
  if (values) return { variables: values };
  return {
    errors: (errors ?? []).map(
      (error) => new GraphQLError(error.message, { nodes: error.nodes, extensions: { ...error.extensions, code: "BAD_USER_INPUT" } }),
    ),
  };
}
