// Checks list arguments anywhere in an operation before any resolver runs: `first`/`last` outside
// 0…MAX_PAGE_SIZE (a clear client error rather than a silently shortened page), filters that can
// match nothing by construction (an inverted range), which would otherwise surface half-way
// through execution with partial data, and filters the database should not be asked: nested past
// MAX_FILTER_DEPTH, with text or numbers it cannot compare (src/schema/filtering.ts), or with more
// than MAX_FILTER_CONDITIONS conditions in the whole operation. Each condition is SQL to build and
// a parameter to bind: an OR of 45 × 45 `contains` exceeds what SQLite takes in one statement, and
// 60 × 60 kept the event loop busy for two seconds.
import type { Plugin } from "graphql-yoga";
import {
  getNamedType,
  GraphQLError,
  type DocumentNode,
  type GraphQLField,
  type GraphQLSchema,
} from "graphql";
import { config } from "../config/settings.js";
import { fieldArguments } from "../lib/field-arguments.js";
import { operationVariables } from "../lib/operation-variables.js";
import { filterNamed } from "../schema/filtering.js";

export const MAX_PAGE_SIZE = 100;

/** Errors of the field's filter arguments; adds the conditions of the sound ones to `conditions`. */
function filterErrors(
  field: GraphQLField<unknown, unknown>,
  args: Record<string, unknown>,
  conditions: { count: number },
  maxConditions: number,
): GraphQLError[] {
  const errors: GraphQLError[] = [];
  for (const arg of field.args) {
    const filter = filterNamed(getNamedType(arg.type).name);
    if (!filter || args[arg.name] == null) continue;
    const value = args[arg.name] as Parameters<typeof filter.where>[0];
    try {
      conditions.count += filter.conditions(value);
      // Over the limit the operation is refused anyway: building its SQL is the work the limit avoids.
      if (conditions.count <= maxConditions) filter.where(value);
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      errors.push(error);
    }
  }
  return errors;
}

function listArgumentErrors(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, maxConditions: number): GraphQLError[] {
  const errors: GraphQLError[] = [];
  const conditions = { count: 0 };
  for (const { node, field, args } of fieldArguments(schema, document, variables)) {
    errors.push(...filterErrors(field, args, conditions, maxConditions));
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
  }
  if (conditions.count > maxConditions) {
    errors.push(
      new GraphQLError(
        `The operation's filters have ${conditions.count} conditions; at most ${maxConditions} are allowed. Split it into smaller operations.`,
        { extensions: { code: "BAD_USER_INPUT", found: conditions.count, limit: maxConditions } },
      ),
    );
  }
  return errors;
}

export function useConnectionLimits(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const inputs = (args.variableValues ?? {}) as Record<string, unknown>;
      const { variables, errors: variableErrors } = operationVariables(args.schema, args.document, args.operationName, inputs);
      if (variableErrors) return setResultAndStopExecution({ errors: variableErrors });
      if (!variables) return;
      const errors = listArgumentErrors(args.schema, args.document, variables, config.MAX_FILTER_CONDITIONS);
      if (errors.length > 0) setResultAndStopExecution({ errors });
    },
  };
}
