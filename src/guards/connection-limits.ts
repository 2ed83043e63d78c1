// Checks list arguments anywhere in an operation before any resolver runs: `first`/`last` outside
// 0…MAX_PAGE_SIZE (a clear client error rather than a silently shortened page), and filters that
// can match nothing by construction (an inverted range), which would otherwise surface half-way
// through execution with partial data.
import type { Plugin } from "graphql-yoga";
import {
  getNamedType,
  GraphQLError,
  type DocumentNode,
  type GraphQLField,
  type GraphQLSchema,
} from "graphql";
import { forEachFieldArguments } from "../lib/field-arguments.js";
import { operationVariables } from "../lib/operation-variables.js";
import { filterNamed } from "../schema/filtering.js";

export const MAX_PAGE_SIZE = 100;

function filterErrors(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): GraphQLError[] {
  const errors: GraphQLError[] = [];
  for (const arg of field.args) {
    const filter = filterNamed(getNamedType(arg.type).name);
    if (!filter || args[arg.name] == null) continue;
    try {
      filter.where(args[arg.name] as Parameters<typeof filter.where>[0]);
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      errors.push(error);
    }
  }
  return errors;
}

function listArgumentErrors(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>): GraphQLError[] {
  const errors: GraphQLError[] = [];
  forEachFieldArguments(schema, document, variables, ({ node, field, args }) => {
    errors.push(...filterErrors(field, args));
    for (const name of ["first", "last"] as const) {
      const value = args[name];
      if (typeof value === "number" && (value < 0 || value > MAX_PAGE_SIZE)) {
        errors.push(
          new GraphQLError(`\`${name}\` on \`${field.name}\` must be between 0 and ${MAX_PAGE_SIZE}; got ${value}.`, {
            nodes: [node],
            extensions: { code: "BAD_USER_INPUT" },
          }),
        );
      }
    }
  });
  return errors;
}

export function useConnectionLimits(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const inputs = (args.variableValues ?? {}) as Record<string, unknown>;
      const { variables, errors: variableErrors } = operationVariables(args.schema, args.document, args.operationName, inputs);
      if (variableErrors) return setResultAndStopExecution({ errors: variableErrors });
      if (!variables) return;
      const errors = listArgumentErrors(args.schema, args.document, variables);
      if (errors.length > 0) setResultAndStopExecution({ errors });
    },
  };
}
