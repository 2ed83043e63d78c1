// Refuses, before it is parsed, a request whose document or variables nest deeper than
// MAX_NESTING, or whose variables hold more values than MAX_TOKENS: graphql-js parses and coerces values by recursion, and a list literal 2,400 deep
// (well within MAX_TOKENS) overflows the stack, which Yoga answers as an internal error (HTTP 500).
// The document's tokens are counted while it is parsed (src/guards/document-limits.ts) and its
// fields' depth once it is (QUERY_TOO_DEEP), both too late for this; so its brackets are counted
// here, in one pass over the text. Should the parser overflow anyway, that is still this refusal.
//
//   DOCUMENT_TOO_NESTED (400)  `{`, `[` and `(` nested deeper than MAX_NESTING in the document,
//                              or objects and arrays nested deeper than that in the variables
import type { Plugin } from "graphql-yoga";
import { GraphQLError } from "graphql";
import { config } from "../config/settings.js";

/**
 * Far above any real operation (a filter nests at most 32 levels, MAX_FILTER_DEPTH, and fields
 * MAX_QUERY_DEPTH) and far below what overflows the stack (about 2,000 levels).
 */
const MAX_NESTING = 256;

const tooNested = (what: string) =>
  new GraphQLError(`The ${what} nest deeper than ${MAX_NESTING} levels; at most ${MAX_NESTING} are allowed.`, {
    extensions: { code: "DOCUMENT_TOO_NESTED", limit: MAX_NESTING, http: { status: 400, spec: true } },
  });

/** Deepest nesting of `{`, `[` and `(` in a GraphQL document, outside strings and comments. */
function documentNesting(source: string): number {
  let depth = 0;
  let deepest = 0;
  for (let at = 0; at < source.length; at += 1) {
    const char = source[at];
    if (char === "#") {
      while (at < source.length && source[at] !== "\n" && source[at] !== "\r") at += 1;
    } else if (char === '"') {
      if (source.startsWith('"""', at)) {
        // A block string ends at the first unescaped """.
        at += 3;
        while (at < source.length && !source.startsWith('"""', at)) at += source.startsWith('\\"""', at) ? 4 : 1;
        at += 2;
      } else {
        at += 1;
        while (at < source.length && source[at] !== '"' && source[at] !== "\n") at += source[at] === "\\" ? 2 : 1;
      }
    } else if (char === "{" || char === "[" || char === "(") {
      depth += 1;
      deepest = Math.max(deepest, depth);
    } else if (char === "}" || char === "]" || char === ")") {
      depth -= 1;
    }
  }
  return deepest;
}

/**
 * How deep a JSON value nests objects and arrays (up to `maxDepth + 1`) and how many values it
 * holds (up to `maxValues + 1`); iterative, so any depth is safe to ask about.
 */
function measureJson(value: unknown, maxDepth: number, maxValues: number): { depth: number; values: number } {
  const stack: [unknown, number][] = [[value, 0]];
  let depth = 0;
  let values = 0;
  while (stack.length > 0 && depth <= maxDepth && values <= maxValues) {
    const [current, level] = stack.pop()!;
    values += 1;
    if (current === null || typeof current !== "object") continue;
    depth = Math.max(depth, level + 1);
    for (const inner of Object.values(current)) stack.push([inner, level + 1]);
  }
  return { depth, values };
}

// Variables are a document's literals sent apart, and are bounded like them: as many values as
// MAX_TOKENS allows tokens. Graphql-js coerces every value against its type before anything can
// count a filter's conditions, and a 100 KB filter of 3,600 conditions took tens of milliseconds of
// that before its refusal; counted here, it costs a walk of the parsed JSON.
const tooManyValues = (limit: number) =>
  new GraphQLError(`The variables hold more than ${limit} values; at most ${limit} are allowed (MAX_TOKENS, as for a document's tokens).`, {
    extensions: { code: "TOO_MANY_TOKENS", limit, http: { status: 400, spec: true } },
  });

export function useNestingLimit(maxValues = config.MAX_TOKENS): Plugin {
  return {
    onParams({ params }) {
      if (typeof params.query === "string" && documentNesting(params.query) > MAX_NESTING) throw tooNested("document's brackets");
      const variables = measureJson(params.variables, MAX_NESTING, maxValues);
      if (variables.depth > MAX_NESTING) throw tooNested("variables");
      if (variables.values > maxValues) throw tooManyValues(maxValues);
    },
    onParse({ parseFn, setParseFn }) {
      setParseFn((source, options) => {
        try {
          return parseFn(source, options);
        } catch (error) {
          if (error instanceof RangeError) throw tooNested("document's brackets");
          throw error;
        }
      });
    },
  };
}
