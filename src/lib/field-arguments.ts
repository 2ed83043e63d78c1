// Every field of an operation (fragments included) with the argument values its resolver will
// receive, for the checks that must run before execution. Fields whose arguments do not coerce are
// left out: graphql-js reports those itself, with better messages.
//
// Three guards read them for every request (list lengths, page sizes and filters, cursors), and the
// same document comes back request after request (the document cache hands out the same
// DocumentNode for the same text). So the walk that finds the fields (graphql-js's visitor with its
// TypeInfo, most of the work) is done once per document, the arguments written without variables
// are coerced once per document, and the rest once per request: the guards share one list.
import {
  getArgumentValues,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type ASTNode,
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
  /** Shared by every request that reads them: never to be modified. */
  args: Record<string, unknown>;
}

/** A field with arguments, and its arguments when they are written without variables (null: they do not coerce). */
type Site = Omit<FieldArguments, "args"> & { fixed?: FieldArguments | null };

const sitesBySchema = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Site[]>>();
/** By the coerced variables object: one per request, shared by the guards that read it. */
const listsByVariables = new WeakMap<object, WeakMap<DocumentNode, readonly FieldArguments[]>>();

function usesVariables(node: ASTNode): boolean {
  let found = false;
  visit(node, { Variable: () => void (found = true) });
  return found;
}

function sitesOf(schema: GraphQLSchema, document: DocumentNode): Site[] {
  let byDocument = sitesBySchema.get(schema);
  if (!byDocument) sitesBySchema.set(schema, (byDocument = new WeakMap()));
  const known = byDocument.get(document);
  if (known) return known;
  const sites: Site[] = [];
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const field = typeInfo.getFieldDef();
        const parentType = typeInfo.getParentType();
        if (!field?.args.length || !parentType) return;
        const site: Site = { node, field, parentType };
        if (!node.arguments?.some((argument) => usesVariables(argument.value))) site.fixed = withArguments(site, {});
        sites.push(site);
      },
    }),
  );
  byDocument.set(document, sites);
  return sites;
}

function withArguments(site: Site, variables: Record<string, unknown>): FieldArguments | null {
  try {
    return { node: site.node, field: site.field, parentType: site.parentType, args: getArgumentValues(site.field, site.node, variables) };
  } catch {
    return null;
  }
}

/** The fields of `document` that take arguments, with their values given `variables` (already coerced). */
export function fieldArguments(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>): readonly FieldArguments[] {
  let byDocument = listsByVariables.get(variables);
  if (!byDocument) listsByVariables.set(variables, (byDocument = new WeakMap()));
  const known = byDocument.get(document);
  if (known) return known;
  const list: FieldArguments[] = [];
  for (const site of sitesOf(schema, document)) {
    const found = site.fixed === undefined ? withArguments(site, variables) : site.fixed;
    if (found) list.push(found);
  }
  byDocument.set(document, list);
  return list;
}
