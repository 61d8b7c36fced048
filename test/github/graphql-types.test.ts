/**
 * The types generated for the app's GraphQL documents (npm run graphql): the committed file is what the
 * documents give now, and a document GitHub's schema rejects gets no types at all.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GRAPHQL_TYPES_PATH, githubDocuments, graphqlTypes } from "../../scripts/graphql-types.js";

const committed = readFileSync(new URL(`../../${GRAPHQL_TYPES_PATH}`, import.meta.url), "utf8");

describe("generated GraphQL types", () => {
  it("are up to date with the documents (run `npm run graphql` after changing one)", async () => {
    expect(await graphqlTypes()).toBe(committed);
  });

  it("type every document the app sends, by its operation name", async () => {
    const documents = await githubDocuments();
    expect(documents.length).toBeGreaterThan(25);
    for (const [name, text] of documents) {
      const operation = /^\s*(query|mutation)\s+([A-Za-z]+)/m.exec(text);
      if (!operation?.[1] || !operation[2]) continue;
      const suffix = operation[1] === "query" ? "Query" : "Mutation";
      expect(committed, name).toContain(`export type ${operation[2]}${suffix} = `);
      expect(committed, name).toContain(`export type ${operation[2]}${suffix}Variables = `);
    }
  });

  it("fail on a field GitHub's schema does not have", async () => {
    const misspelt =
      'query Misspelt { repository(owner: "o", name: "r") { pullRequest(number: 1) { filez { totalCount } } } }';
    await expect(graphqlTypes([["test Misspelt", misspelt]])).rejects.toThrow(/filez/);
  });

  it("fail on two fragments of one name that differ", async () => {
    await expect(
      graphqlTypes([
        ["a", "query A { viewer { ...Who } } fragment Who on User { login }"],
        ["b", "query B { viewer { ...Who } } fragment Who on User { name }"],
      ]),
    ).rejects.toThrow(/fragment Who/);
  });
});
