// The README's "Querying" section: every GraphQL example is run verbatim and must return exactly
// the JSON printed after it.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { graphql } from "./helpers/client.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const section = readme.slice(readme.indexOf("\n## Querying\n"), readme.indexOf("\n## ", readme.indexOf("\n## Querying\n") + 1));
const examples = [...section.matchAll(/```graphql\n([\s\S]*?)```\s*```json\n([\s\S]*?)```/g)].map(([, query, json]) => ({
  name: /query (\w+)/.exec(query!)?.[1] ?? query!.slice(0, 40),
  query: query!,
  data: JSON.parse(json!) as unknown,
}));

describe("the README's Querying section", () => {
  it("has worked examples", () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });

  it.each(examples)("$name returns what the README shows", async ({ query, data }) => {
    const result = await graphql(query);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual(data);
  });
});
