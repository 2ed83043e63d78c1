// Limits on the shape of a document, checked while it is parsed and validated, before anything
// runs (what GraphQL Armor's max-tokens, max-depth, max-aliases and max-directives plugins do):
//
//   TOO_MANY_TOKENS      more lexical tokens than MAX_TOKENS: parsing stops there.
//   QUERY_TOO_DEEP       fields nested deeper than MAX_QUERY_DEPTH. Depth counts the fields on the
//                        longest path, leaf included: `{ meeting { place { name } } }` is 3. Relay
//                        connections are deep by nature: `edges { node { … } }` adds 2 to every hop.
//                        Introspection (`__schema`, `__type`) does not count, as in GraphQL Armor:
//                        GraphiQL's own introspection query is 15 deep.
//   TOO_MANY_ALIASES     more aliased fields than MAX_ALIASES.
//   TOO_MANY_DIRECTIVES  more directives than MAX_DIRECTIVES.
//
// Fragments count where they are spread, as often as they are spread (that is the work they cause);
// each fragment is measured once, so a document cannot make the measuring itself expensive.
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from "graphql";

export interface DocumentLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
}

export interface DocumentMeasure {
  depth: number;
  aliases: number;
  directives: number;
}

const NONE: DocumentMeasure = { depth: 0, aliases: 0, directives: 0 };

function measureSelectionSet(
  selectionSet: SelectionSetNode | undefined,
  fragment: (name: string) => DocumentMeasure,
): DocumentMeasure {
  const total = { ...NONE };
  for (const selection of selectionSet?.selections ?? []) {
    total.directives += selection.directives?.length ?? 0;
    let inner: DocumentMeasure;
    if (selection.kind === Kind.FIELD) {
      if (selection.alias) total.aliases += 1;
      const below = measureSelectionSet(selection.selectionSet, fragment);
      // Introspection is not counted: it has no fan-out but its lists, which cost.ts bounds.
      inner = { ...below, depth: selection.name.value.startsWith("__") ? 0 : below.depth + 1 };
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      inner = measureSelectionSet(selection.selectionSet, fragment);
    } else {
      inner = fragment(selection.name.value);
    }
    total.depth = Math.max(total.depth, inner.depth);
    total.aliases += inner.aliases;
    total.directives += inner.directives;
  }
  return total;
}

/** Depth, aliases and directives of one operation, following its fragments. */
export function measureOperation(
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): DocumentMeasure {
  const measured = new Map<string, DocumentMeasure>();
  const open = new Set<string>();
  const fragment = (name: string): DocumentMeasure => {
    const known = measured.get(name);
    if (known) return known;
    const definition = fragments.get(name);
    if (!definition || open.has(name)) return NONE; // unknown or cyclic: validation reports it.
    open.add(name);
    const measure = measureSelectionSet(definition.selectionSet, fragment);
    open.delete(name);
    const withOwn = { ...measure, directives: measure.directives + (definition.directives?.length ?? 0) };
    measured.set(name, withOwn);
    return withOwn;
  };
  const measure = measureSelectionSet(operation.selectionSet, fragment);
  return { ...measure, directives: measure.directives + (operation.directives?.length ?? 0) };
}

/** A validation rule refusing operations past the limits, one error per limit exceeded. */
export function documentLimitsRule(limits: DocumentLimits) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map(context.getDocument().definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
    return {
      OperationDefinition(operation) {
        const { depth, aliases, directives } = measureOperation(operation, fragments);
        const refuse = (message: string, code: string, found: number, limit: number) =>
          context.reportError(new GraphQLError(message, { nodes: [operation], extensions: { code, found, limit } }));
        if (depth > limits.maxDepth) {
          refuse(`The query is nested ${depth} fields deep; at most ${limits.maxDepth} are allowed.`, "QUERY_TOO_DEEP", depth, limits.maxDepth);
        }
        if (aliases > limits.maxAliases) {
          refuse(`The query has ${aliases} aliases; at most ${limits.maxAliases} are allowed.`, "TOO_MANY_ALIASES", aliases, limits.maxAliases);
        }
        if (directives > limits.maxDirectives) {
          refuse(`The query has ${directives} directives; at most ${limits.maxDirectives} are allowed.`, "TOO_MANY_DIRECTIVES", directives, limits.maxDirectives);
        }
        return false;
      },
    };
  };
}

/** graphql-js's own message when `parse(…, { maxTokens })` gives up (16.x spells it "more that"). */
export const isTokenLimitError = (error: unknown) => error instanceof GraphQLError && /Document contains more tha[nt] \d+ tokens/.test(error.message);

export const tooManyTokens = (limit: number) =>
  new GraphQLError(`The document has more than ${limit} tokens; parsing stopped there.`, {
    extensions: { code: "TOO_MANY_TOKENS", limit, http: { status: 400, spec: true } },
  });
