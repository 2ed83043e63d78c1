// The documentation's examples, run verbatim: every operation in a `graphql` block of the README and
// of docs/*.md must run without errors against the seed and find something, and where the page
// prints the JSON answer after it, return exactly that.
import { describe, expect, it } from "vitest";
import { graphql } from "./helpers/client.js";
import { DOC_PAGES, DOCUMENTED_EXAMPLES } from "./helpers/documented-queries.js";

const examplesOn = (page: string) => DOCUMENTED_EXAMPLES.filter((example) => example.page === page);

describe("the documentation's examples", () => {
  it("are found on the pages that teach querying", () => {
    expect(DOC_PAGES).toEqual(expect.arrayContaining(["README.md", "docs/querying.md", "docs/search.md"]));
    expect(examplesOn("README.md").filter((example) => example.answer !== undefined)).toHaveLength(1);
    expect(examplesOn("docs/querying.md").length).toBeGreaterThanOrEqual(15);
    expect(examplesOn("docs/querying.md").filter((example) => example.answer !== undefined).length).toBeGreaterThanOrEqual(9);
  });

  it.each(DOCUMENTED_EXAMPLES)("$page: $name runs and finds what the page says", async ({ query, answer }) => {
    const result = await graphql(query);
    expect(result.errors).toBeUndefined();
    if (answer !== undefined) {
      expect(result.data).toEqual(answer);
    } else {
      // An example that finds nothing teaches nothing: every root field it asks answers.
      for (const value of Object.values(result.data ?? {})) expect(value).not.toBeNull();
    }
  });
});
