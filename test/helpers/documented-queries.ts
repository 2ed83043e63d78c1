// Every query the documentation shows: each operation in a `graphql` block of the README or of a
// page under docs/ (with the JSON answer printed right after it, when there is one), and GraphiQL's
// default query. test/docs.test.ts runs them; the limits must admit all of them with a margin
// (test/cost.test.ts). Blocks that are not operations (schema excerpts) are left out.
import { readdirSync, readFileSync } from "node:fs";
import { DEFAULT_QUERY } from "../../src/graphiql/default-query.js";

const root = new URL("../../", import.meta.url);

export const DOC_PAGES = ["README.md", ...readdirSync(new URL("docs/", root)).filter((file) => file.endsWith(".md")).sort().map((file) => `docs/${file}`)];

export interface DocumentedExample {
  page: string;
  name: string;
  query: string;
  /** The `data` the page shows for it, if it shows one. */
  answer?: unknown;
}

const isOperation = (block: string) => /^\s*(#[^\n]*\n\s*)*(query|mutation|subscription|fragment|\{)/.test(block);

function examplesOf(page: string): DocumentedExample[] {
  const text = readFileSync(new URL(page, root), "utf8");
  return [...text.matchAll(/```graphql\n([\s\S]*?)```(?:\s*```json\n([\s\S]*?)```)?/g)]
    .filter(([, query]) => isOperation(query!))
    .map(([, query, json]) => ({
      page,
      name: /query (\w+)/.exec(query!)?.[1] ?? query!.slice(0, 40),
      query: query!,
      ...(json === undefined ? {} : { answer: JSON.parse(json) as unknown }),
    }));
}

export const DOCUMENTED_EXAMPLES = DOC_PAGES.flatMap(examplesOf);

export const DOCUMENTED_QUERIES = [{ name: "GraphiQL default query", query: DEFAULT_QUERY }, ...DOCUMENTED_EXAMPLES];
