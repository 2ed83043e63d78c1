// Walks every field of an operation (fragments included) with the argument values its resolver
// will receive, for the checks that must run before execution. Fields whose arguments do not
// coerce are skipped: graphql-js reports those itself, with better messages.
import {
  getArgumentValues,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
} from "graphql";

export interface FieldArguments {
  node: FieldNode;
  field: GraphQLField<unknown, unknown>;
  parentType: GraphQLCompositeType;
  args: Record<string, unknown>;
}

export function forEachFieldArguments(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  visitField: (field: FieldArguments) => void,
): void {
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const field = typeInfo.getFieldDef();
        const parentType = typeInfo.getParentType();
        if (!field?.args.length || !parentType) return;
        let args: Record<string, unknown>;
        try {
          args = getArgumentValues(field, node, variables);
        } catch {
          return;
        }
        visitField({ node, field, parentType, args });
      },
    }),
  );
}
