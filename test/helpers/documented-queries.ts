// Every query the documentation shows: the README's "Example queries" and "Querying" sections and
// GraphiQL's default query. The limits must admit all of them with a margin (test/cost.test.ts).
import { readFileSync } from "node:fs";
import { DEFAULT_QUERY } from "../../src/graphiql/default-query.js";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

function section(heading: string): string {
  const start = readme.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`README has no "## ${heading}" section`);
  const end = readme.indexOf("\n## ", start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

export const DOCUMENTED_QUERIES = [
  { name: "GraphiQL default query", query: DEFAULT_QUERY },
  ...["Example queries", "Querying"].flatMap((heading) =>
    [...section(heading).matchAll(/```graphql\n([\s\S]*?)```/g)].map(([, query]) => ({
      name: /query (\w+)/.exec(query!)?.[1] ?? query!.slice(0, 40),
      query: query!,
    })),
  ),
];
