// An operation's variables as resolvers will see them (enum values, dates), for checks that read
// arguments before execution. Values that cannot be coerced are the client's bad input.
import { getOperationAST, getVariableValues, GraphQLError, type DocumentNode, type GraphQLSchema } from "graphql";

export function operationVariables(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  inputs: Record<string, unknown>,
): { variables?: Record<string, unknown>; errors?: GraphQLError[] } {
  const operation = getOperationAST(document, operationName);
  if (!operation) return {}; // execution reports a missing or ambiguous operation itself.
  const { coerced, errors } = getVariableValues(schema, operation.variableDefinitions ?? [], inputs);
  if (coerced) return { variables: coerced };
  return {
    errors: (errors ?? []).map(
      (error) => new GraphQLError(error.message, { nodes: error.nodes, extensions: { ...error.extensions, code: "BAD_USER_INPUT" } }),
    ),
  };
}
