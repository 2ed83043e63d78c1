// Rejects `first`/`last` outside 0…MAX_PAGE_SIZE anywhere in an operation before any resolver runs,
// so an oversized page is a clear client error rather than a silently shortened one.
import type { Plugin } from "graphql-yoga";
import {
  getArgumentValues,
  GraphQLError,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
} from "graphql";

export const MAX_PAGE_SIZE = 100;

function pageSizeErrors(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>): GraphQLError[] {
  const errors: GraphQLError[] = [];
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const field = typeInfo.getFieldDef();
        if (!field?.args.some((arg) => arg.name === "first" || arg.name === "last")) return;
        let args: Record<string, unknown>;
        try {
          args = getArgumentValues(field, node, variables);
        } catch {
          return; // graphql-js reports bad argument values itself, with better messages.
        }
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
      },
    }),
  );
  return errors;
}

export function useConnectionLimits(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const errors = pageSizeErrors(args.schema, args.document, (args.variableValues ?? {}) as Record<string, unknown>);
      if (errors.length > 0) setResultAndStopExecution({ errors });
    },
  };
}
