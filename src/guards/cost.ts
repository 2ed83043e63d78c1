// The cost of an operation, computed from the document before anything runs (the idea of GitHub's
// and Shopify's GraphQL limits): an upper bound on the number of objects the response can hold.
//
//   - A scalar or enum field costs 0; an object (or interface, union) field costs 1 plus its
//     selection's cost.
//   - A list multiplies its items' cost by its length. Inside a connection, `edges` is as long as
//     the page: `first` or `last`, or 20 when neither is given (plugin-relay's default page size),
//     capped at 100 like the page itself. `nodes(ids:)` is as long as its `ids`. Any other list
//     (`evidence`, `aliases` …) is assumed to hold 20 items.
//   - An abstract type (`node(id:)`, search results) costs its most expensive possible type.
//   - Introspection (`__schema`, `__type`, `__typename`) reads no database and costs 0 (graphql-js's
//     own MaxIntrospectionDepthRule already refuses introspection lists nested to fan out).
//
// So `meetings(first: 10) { edges { node { title place { name } } } }` costs
// 1 (connection) + 10 × (1 edge + 1 node + 1 place) = 31.
import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getNullableType,
  getOperationAST,
  GraphQLIncludeDirective,
  GraphQLList,
  GraphQLSkipDirective,
  isAbstractType,
  isLeafType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionNode,
  type SelectionSetNode,
} from "graphql";
import { MAX_PAGE_SIZE } from "./connection-limits.js";

/** Page size of a connection given neither `first` nor `last` (the relay plugin's default). */
export const DEFAULT_PAGE_SIZE = 20;
/** Assumed length of a list that has no page size and no list argument to go by. */
export const ASSUMED_LIST_SIZE = 20;

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  /** Fragments already costed in a given context: repeated spreads cost nothing to recompute. */
  memo: Map<string, number>;
  /** Fragments being costed on the current path: a cycle (invalid anyway) counts as empty. */
  open: Set<string>;
}

const clampPage = (value: unknown) => (typeof value === "number" ? Math.min(Math.max(value, 0), MAX_PAGE_SIZE) : undefined);

function isIncluded(walk: Walk, node: SelectionNode): boolean {
  try {
    if (getDirectiveValues(GraphQLSkipDirective, node, walk.variables)?.if === true) return false;
    return getDirectiveValues(GraphQLIncludeDirective, node, walk.variables)?.if !== false;
  } catch {
    return true; // a bad directive argument is reported by validation; count the selection.
  }
}

function fieldDefinition(walk: Walk, type: GraphQLObjectType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (type === walk.schema.getQueryType()) {
    if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
    if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  }
  return type.getFields()[name];
}

function argumentsOf(walk: Walk, field: GraphQLField<unknown, unknown>, node: FieldNode): Record<string, unknown> {
  try {
    return getArgumentValues(field, node, walk.variables);
  } catch {
    return {}; // a bad argument is refused elsewhere; cost the field with its defaults.
  }
}

/** @param pageSize the page size when `type` is a connection's type (its `edges` have that length) */
function selectionSetCost(walk: Walk, selectionSet: SelectionSetNode | undefined, type: GraphQLNamedType, pageSize: number | undefined): number {
  if (!selectionSet) return 0;
  if (isAbstractType(type)) {
    return Math.max(0, ...walk.schema.getPossibleTypes(type).map((possible) => selectionSetCost(walk, selectionSet, possible, pageSize)));
  }
  if (!isObjectType(type)) return 0;
  let total = 0;
  for (const selection of selectionSet.selections) {
    if (!isIncluded(walk, selection)) continue;
    if (selection.kind === Kind.FIELD) total += fieldCost(walk, selection, type, pageSize);
    else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (appliesTo(walk, selection.typeCondition?.name.value, type)) total += selectionSetCost(walk, selection.selectionSet, type, pageSize);
    } else {
      const name = selection.name.value;
      const fragment = walk.fragments.get(name);
      if (!fragment || walk.open.has(name) || !appliesTo(walk, fragment.typeCondition.name.value, type)) continue;
      const key = `${name}|${type.name}|${pageSize}`;
      let cost = walk.memo.get(key);
      if (cost === undefined) {
        walk.open.add(name);
        cost = selectionSetCost(walk, fragment.selectionSet, type, pageSize);
        walk.open.delete(name);
        walk.memo.set(key, cost);
      }
      total += cost;
    }
  }
  return total;
}

function appliesTo(walk: Walk, condition: string | undefined, type: GraphQLObjectType): boolean {
  if (!condition || condition === type.name) return true;
  const conditionType = walk.schema.getType(condition);
  return !!conditionType && isAbstractType(conditionType) && walk.schema.isSubType(conditionType, type);
}

function fieldCost(walk: Walk, node: FieldNode, parent: GraphQLObjectType, pageSize: number | undefined): number {
  const field = fieldDefinition(walk, parent, node.name.value);
  // __typename, introspection, or an unknown field (which validation reports).
  if (!field || field.name.startsWith("__")) return 0;
  const type = getNamedType(field.type);
  if (isLeafType(type)) return 0;
  const isList = getNullableType(field.type) instanceof GraphQLList;
  const args = argumentsOf(walk, field, node);
  const listArgument = Object.values(args).find(Array.isArray);
  const length = !isList ? 1 : (pageSize ?? listArgument?.length ?? ASSUMED_LIST_SIZE);
  const paged = field.args.some((arg) => arg.name === "first" || arg.name === "last");
  const childPageSize = paged ? (clampPage(args.first) ?? clampPage(args.last) ?? DEFAULT_PAGE_SIZE) : undefined;
  return length * (1 + selectionSetCost(walk, node.selectionSet, type, childPageSize));
}

/**
 * The cost of the operation `operationName` names in `document` (see the model above), with
 * `variables` already coerced. Tolerates invalid documents: what it cannot resolve costs 0.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
): number {
  const operation = getOperationAST(document, operationName);
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return 0;
  const fragments = new Map(
    document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]),
  );
  return selectionSetCost({ schema, fragments, variables, memo: new Map(), open: new Set() }, operation.selectionSet, root, undefined);
}
