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
//   - Each condition of a filter argument costs 1 where the field is resolved: every leaf operator
//     (`contains`, `in`, `isNull` …), through AND/OR/NOT and relation filters, from literals and
//     variables alike. A filter is not free because it has no objects to return: 60 × 60 OR'd
//     `contains` build a 3,600-term WHERE clause that costs the server more than many objects do.
//   - Introspection costs like any field: it reads no database, but its answer is built, held and
//     serialized like any other (one `__schema { types { … } }` is 300 KB). Its lists are not sized
//     by the client but by the schema, which the server knows: `types` and `directives` are as long
//     as they are, and the lists hanging off them (`fields`, `args`, `enumValues` …) and the chain
//     of `ofType` as long as they are on average in this schema, so a whole-schema query costs about
//     the objects in its answer: GraphiQL's introspection query 3,267 for 3,231 objects. (The largest
//     counts instead of the averages would price it at hundreds of thousands of points, and 20 per
//     list at 95,000; one `__type(name:)` of the largest type is underestimated, but it is a single
//     type's worth.) graphql-js's MaxIntrospectionDepthRule refuses introspection lists nested to
//     fan out, and document-limits.ts refuses repeated `__schema`/`__type`.
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
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type GraphQLType,
  type SelectionNode,
  type SelectionSetNode,
} from "graphql";
import { MAX_PAGE_SIZE } from "./connection-limits.js";
import { filterNamed } from "../schema/filtering.js";

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

/**
 * @param pageSize the page size when `type` is a connection's type (its `edges` have that length)
 * @param wrapped how many `__Type.ofType` lead here in a row (a type reference's wrappers)
 */
function selectionSetCost(walk: Walk, selectionSet: SelectionSetNode | undefined, type: GraphQLNamedType, pageSize: number | undefined, wrapped = 0): number {
  if (!selectionSet) return 0;
  if (isAbstractType(type)) {
    return Math.max(0, ...walk.schema.getPossibleTypes(type).map((possible) => selectionSetCost(walk, selectionSet, possible, pageSize, wrapped)));
  }
  if (!isObjectType(type)) return 0;
  let total = 0;
  for (const selection of selectionSet.selections) {
    if (!isIncluded(walk, selection)) continue;
    if (selection.kind === Kind.FIELD) total += fieldCost(walk, selection, type, pageSize, wrapped);
    else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (appliesTo(walk, selection.typeCondition?.name.value, type)) total += selectionSetCost(walk, selection.selectionSet, type, pageSize, wrapped);
    } else {
      const name = selection.name.value;
      const fragment = walk.fragments.get(name);
      if (!fragment || walk.open.has(name) || !appliesTo(walk, fragment.typeCondition.name.value, type)) continue;
      const key = `${name}|${type.name}|${pageSize}|${wrapped}`;
      let cost = walk.memo.get(key);
      if (cost === undefined) {
        walk.open.add(name);
        cost = selectionSetCost(walk, fragment.selectionSet, type, pageSize, wrapped);
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

/** Leaf operators in a filter value; a list of scalars (`in: […]`) is one operator. */
function conditionCount(type: GraphQLInputType, value: unknown): number {
  if (value == null) return 0;
  const nullable = getNullableType(type);
  if (isListType(nullable) && isInputObjectType(getNamedType(nullable)) && Array.isArray(value)) {
    return value.reduce((total: number, item) => total + conditionCount(nullable.ofType, item), 0);
  }
  if (!isInputObjectType(nullable) || typeof value !== "object") return 1;
  const fields = nullable.getFields();
  let total = 0;
  for (const [name, inner] of Object.entries(value)) if (fields[name]) total += conditionCount(fields[name].type, inner);
  return total;
}

function filterConditions(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  let total = 0;
  for (const arg of field.args) if (filterNamed(getNamedType(arg.type).name)) total += conditionCount(arg.type, args[arg.name]);
  return total;
}

interface IntrospectionLengths {
  /** `__Type.fields` and the like: their average length (a fraction; the total is rounded up). */
  lists: ReadonlyMap<string, number>;
  /**
   * How often `ofType` is there, by how many `ofType` lead to it: of the type references in the
   * schema with at least n wrappers (lists, non-nulls), the share with n + 1. Past the most wrapped
   * reference (`[Meeting!]!` has 3) it is null.
   */
  ofType: number[];
}

const introspectionSizes = new WeakMap<GraphQLSchema, IntrospectionLengths>();

/** Sizes of what introspection can return for `schema`, as the model above explains. */
function introspectionLengths(schema: GraphQLSchema): IntrospectionLengths {
  const known = introspectionSizes.get(schema);
  if (known) return known;
  const types = Object.values(schema.getTypeMap());
  const directives = schema.getDirectives();
  const fields = types.flatMap((type) => (isObjectType(type) || isInterfaceType(type) ? Object.values(type.getFields()) : []));
  const inputs = [
    ...types.flatMap((type) => (isInputObjectType(type) ? Object.values(type.getFields()) : [])),
    ...fields.flatMap((field) => field.args),
    ...directives.flatMap((directive) => directive.args),
  ];
  const sum = (counts: number[]) => counts.reduce((total, count) => total + count, 0);
  const average = (total: number, over: number) => total / Math.max(1, over);
  const perType = (count: (type: GraphQLNamedType) => number) => average(sum(types.map(count)), types.length);
  const wrappers = (type: GraphQLType): number => ("ofType" in type && type.ofType ? 1 + wrappers(type.ofType) : 0);
  const references = [...fields, ...inputs].map((field) => wrappers(field.type));
  const atLeast = (n: number) => references.filter((count) => count >= n).length;
  const ofType = Array.from({ length: Math.max(0, ...references) }, (_, n) => atLeast(n + 1) / atLeast(n));
  const lists = new Map([
    ["__Schema.types", types.length],
    ["__Schema.directives", directives.length],
    ["__Type.fields", average(fields.length, types.length)],
    ["__Type.inputFields", perType((type) => (isInputObjectType(type) ? Object.keys(type.getFields()).length : 0))],
    ["__Type.enumValues", perType((type) => (isEnumType(type) ? type.getValues().length : 0))],
    ["__Type.interfaces", perType((type) => (isObjectType(type) || isInterfaceType(type) ? type.getInterfaces().length : 0))],
    ["__Type.possibleTypes", perType((type) => (isAbstractType(type) ? schema.getPossibleTypes(type).length : 0))],
    ["__Field.args", average(sum(fields.map((field) => field.args.length)), fields.length)],
    ["__Directive.args", average(sum(directives.map((directive) => directive.args.length)), directives.length)],
  ]);
  const sizes = { lists, ofType };
  introspectionSizes.set(schema, sizes);
  return sizes;
}

function fieldCost(walk: Walk, node: FieldNode, parent: GraphQLObjectType, pageSize: number | undefined, wrapped: number): number {
  const field = fieldDefinition(walk, parent, node.name.value);
  if (!field) return 0; // __typename (a scalar), or an unknown field, which validation reports.
  const isOfType = parent.name === "__Type" && field.name === "ofType";
  const args = argumentsOf(walk, field, node);
  const conditions = filterConditions(field, args);
  const type = getNamedType(field.type);
  if (isLeafType(type)) return conditions;
  const isList = getNullableType(field.type) instanceof GraphQLList;
  const listArgument = Object.values(args).find(Array.isArray);
  const introspection = introspectionLengths(walk.schema);
  const introspected = isOfType ? (introspection.ofType[wrapped] ?? 0) : introspection.lists.get(`${parent.name}.${field.name}`);
  const length = introspected ?? (!isList ? 1 : (pageSize ?? listArgument?.length ?? ASSUMED_LIST_SIZE));
  const paged = field.args.some((arg) => arg.name === "first" || arg.name === "last");
  const childPageSize = paged ? (clampPage(args.first) ?? clampPage(args.last) ?? DEFAULT_PAGE_SIZE) : undefined;
  return conditions + length * (1 + selectionSetCost(walk, node.selectionSet, type, childPageSize, isOfType ? wrapped + 1 : 0));
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
  // Introspection's averages make fractions; everything else is whole.
  return Math.ceil(selectionSetCost({ schema, fragments, variables, memo: new Map(), open: new Set() }, operation.selectionSet, root, undefined));
}
