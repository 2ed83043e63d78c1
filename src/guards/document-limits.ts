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
//
// Checked right after parsing, before graphql-js validates anything (documentSizeError):
//
//   TOO_MANY_FIELDS            more field selections than MAX_FIELDS, a fragment's every time it is
//                              spread (each spread counts one as well, so that fragments spreading
//                              fragments cannot make the counting itself expensive).
//   TOO_MANY_DUPLICATE_FIELDS  more than MAX_DUPLICATE_FIELDS selections of a response key already
//                              selected at the same place. graphql-js's OverlappingFieldsCanBeMerged
//                              compares every two such selections, recursively: 1,249 copies of
//                              `meetings { totalCount }` (26 KB) took a second to validate. Bounding the
//                              copies bounds those comparisons to about MAX_DUPLICATE_FIELDS² / 2; every
//                              other rule is linear in the fields, which MAX_FIELDS bounds.
//   REPEATED_INTROSPECTION     `__schema` or `__type` selected more than once in an operation (under
//                              aliases, or through fragments): each answers the same thing every time,
//                              a schema's worth of JSON, so repeating it only multiplies the response;
//                              refused here, not in validation, which 30 copies kept busy for 14 ms.
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type DocumentNode,
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

export interface DocumentSizeLimits {
  maxFields: number;
  maxDuplicateFields: number;
}

/** Response keys selected at one place of the response, each with what is selected below it. */
type Selected = Map<string, Selected>;

/**
 * Counts the field selections of every operation, fragments expanded where they are spread (and every
 * fragment definition once on its own, since validation visits it even when unused), and the
 * selections of a response key already selected at the same place of the response; stops as soon
 * as a count passes its limit, so counting costs at most the limits, whatever the document. Returns
 * the refusal, or undefined. Type conditions are ignored: graphql-js compares across them too.
 */
export function documentSizeError(document: DocumentNode, limits: DocumentSizeLimits): GraphQLError | undefined {
  const fragments = new Map(document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  let fields = 0;
  let duplicates = 0;
  const open = new Set<string>();
  /** `__schema`/`__type` selections of the operation being counted (none while in a lone fragment). */
  let introspection: Map<string, number> | undefined;
  let repeated: string | undefined;
  /** False once a limit is passed. */
  const count = (selectionSet: SelectionSetNode, selected: Selected): boolean => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (introspection && (name === "__schema" || name === "__type")) {
          introspection.set(name, (introspection.get(name) ?? 0) + 1);
          if (introspection.get(name)! > 1) {
            repeated = name;
            return false;
          }
        }
        const key = selection.alias?.value ?? name;
        let below = selected.get(key);
        if (below) duplicates += 1;
        else selected.set(key, (below = new Map()));
        if (++fields > limits.maxFields || duplicates > limits.maxDuplicateFields) return false;
        if (selection.selectionSet && !count(selection.selectionSet, below)) return false;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (!count(selection.selectionSet, selected)) return false;
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (++fields > limits.maxFields) return false;
        if (!fragment || open.has(name)) continue; // unknown or cyclic: validation reports it.
        open.add(name);
        const within = count(fragment.selectionSet, selected);
        open.delete(name);
        if (!within) return false;
      }
    }
    return true;
  };
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION && definition.kind !== Kind.FRAGMENT_DEFINITION) continue;
    introspection = definition.kind === Kind.OPERATION_DEFINITION ? new Map() : undefined;
    if (!count(definition.selectionSet, new Map())) break;
  }
  const refuse = (message: string, code: string, limit: number) =>
    new GraphQLError(message, { extensions: { code, limit, http: { status: 400, spec: true } } });
  if (repeated) {
    return refuse(`The operation selects \`${repeated}\` more than once; select it once (it answers the same every time).`, "REPEATED_INTROSPECTION", 1);
  }
  if (fields > limits.maxFields) {
    return refuse(`The document selects more than ${limits.maxFields} fields (a fragment's fields, and its spread, count every time it is spread); split it into smaller operations.`, "TOO_MANY_FIELDS", limits.maxFields);
  }
  if (duplicates > limits.maxDuplicateFields) {
    return refuse(
      `The document selects more than ${limits.maxDuplicateFields} fields that are already selected at the same place (the same field or alias again); select each field once.`,
      "TOO_MANY_DUPLICATE_FIELDS",
      limits.maxDuplicateFields,
    );
  }
  return undefined;
}
