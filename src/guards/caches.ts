// Caches of work that depends only on the query text and the schema: parsed and validated
// documents (replacing Yoga's parse/validate cache), and whole introspection answers. Both are
// bounded by bytes, not entries: one entry can be a thousand times another.
import type { Plugin } from "graphql-yoga";
import {
  getOperationAST,
  Kind,
  print,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type Token,
} from "graphql";

/**
 * A least-recently-used map bounded by the summed size of its values, in (estimated) bytes: an
 * entry count bounds nothing when one entry can be a thousand times another.
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private used = 0;

  constructor(readonly maxBytes: number) {}

  get size() {
    return this.entries.size;
  }

  /** Bytes held, as estimated by whoever added the entries. */
  get bytes() {
    return this.used;
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key); // re-inserted: Map keeps insertion order, so the oldest comes first.
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V, bytes: number): void {
    const known = this.entries.get(key);
    if (known) {
      this.used -= known.bytes;
      this.entries.delete(key);
    }
    if (bytes > this.maxBytes) return;
    this.entries.set(key, { value, bytes });
    this.used += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.used <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.used -= entry.bytes;
    }
  }
}

/**
 * What a parsed document holds in memory: graphql-js keeps every token (with its neighbours) and
 * every node's location, about 330 to 480 bytes a token as measured; plus its text, the key.
 */
function documentBytes(source: string, document: DocumentNode): number {
  let tokens = 0;
  for (let token: Token | null | undefined = document.loc?.startToken; token; token = token.next) tokens += 1;
  return tokens * 500 + source.length * 2;
}

/**
 * Parses and validates a document once, the next requests with the same text reuse it; replaces
 * Yoga's parserAndValidationCache, which src/yoga.ts turns off. Yoga's keeps up to 1,024 documents
 * for an hour whatever their size (1,100 unique 14 KB documents held 1.3 MB each, 1.5 GB in all),
 * and caches what it refused too: parse errors by their text, validation errors by document, so a
 * stream of unique invalid documents fills it as well. Its cache options take an entry count, not
 * a size. Here only documents that parsed within the limits and validated are kept, in a cache
 * bounded by their estimated bytes.
 */
export function useDocumentCache(cache: BoundedCache<DocumentNode>): Plugin {
  /** The text each document was parsed from, until it validates (or is dropped). */
  const sources = new WeakMap<DocumentNode, string>();
  /** Documents in the cache, with the schema they validated against. */
  const validatedFor = new WeakMap<DocumentNode, GraphQLSchema>();
  return {
    onParse({ params, setParsedDocument }) {
      const source = params.source.toString();
      const cached = cache.get(source);
      if (cached) return setParsedDocument(cached);
      return ({ result }) => {
        if (result && !(result instanceof Error)) sources.set(result, source);
      };
    },
    onValidate({ params, setResult }) {
      const { schema, documentAST } = params;
      if (validatedFor.get(documentAST) === schema) return setResult([]);
      return ({ valid }) => {
        const source = sources.get(documentAST);
        if (!valid || source === undefined) return;
        validatedFor.set(documentAST, schema);
        cache.set(source, documentAST, documentBytes(source, documentAST));
      };
    },
  };
}

/** Introspection answers kept: a whole-schema answer is about 300 KB of JSON. */
const INTROSPECTION_CACHE_BYTES = 8 * 1024 * 1024;

/** Answers of selectsOnlyIntrospection, by operation: the same document comes back request after request. */
const onlyIntrospection = new WeakMap<OperationDefinitionNode, boolean>();

/** Whether the operation selects nothing but `__schema`, `__type` and `__typename`. */
function selectsOnlyIntrospection(document: DocumentNode, operationName: string | null | undefined): boolean {
  const operation = getOperationAST(document, operationName || undefined);
  if (operation?.operation !== "query") return false;
  let known = onlyIntrospection.get(operation);
  if (known === undefined) onlyIntrospection.set(operation, (known = selectsOnlyIntrospectionIn(document, operation)));
  return known;
}

function selectsOnlyIntrospectionIn(document: DocumentNode, operation: OperationDefinitionNode): boolean {
  const fragments = new Map(document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const seen = new Set<string>();
  const only = (selections: readonly SelectionNode[]): boolean =>
    selections.every((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value.startsWith("__");
      if (selection.kind === Kind.INLINE_FRAGMENT) return only(selection.selectionSet.selections);
      const fragment = fragments.get(selection.name.value);
      if (!fragment || seen.has(fragment.name.value)) return !!fragment;
      seen.add(fragment.name.value);
      return only(fragment.selectionSet.selections);
    });
  return only(operation.selectionSet.selections);
}

/**
 * Answers an introspection-only operation once per schema: the answer depends on nothing but the
 * schema, the document and its variables, and building it is most of its cost (a whole-schema
 * answer took 34 ms and 300 KB). The key is the printed document, so comments and spacing do not
 * make a new entry. The answer is kept as its JSON text, whose size is what the cache counts and
 * which no later plugin can alter; parsing it back costs about a millisecond. The operation is still
 * costed and charged before (cost.ts prices introspection like any field).
 */
export function useIntrospectionCache(): Plugin {
  const caches = new WeakMap<GraphQLSchema, BoundedCache<string>>();
  return {
    onExecute({ args, setResultAndStopExecution }) {
      if (!selectsOnlyIntrospection(args.document, args.operationName)) return;
      let cache = caches.get(args.schema);
      if (!cache) caches.set(args.schema, (cache = new BoundedCache<string>(INTROSPECTION_CACHE_BYTES)));
      const key = JSON.stringify([print(args.document), args.operationName ?? null, args.variableValues ?? {}]);
      const cached = cache.get(key);
      if (cached !== undefined) return setResultAndStopExecution(JSON.parse(cached) as ExecutionResult);
      return {
        onExecuteDone({ result }) {
          if (Symbol.asyncIterator in result || result.errors?.length) return;
          const text = JSON.stringify({ data: result.data });
          cache.set(key, text, text.length * 2);
        },
      };
    },
  };
}
