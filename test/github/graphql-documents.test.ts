/**
 * Every GraphQL document the app sends, checked against GitHub's published schema, so a misspelt field
 * fails here and not in production. Documents are the `*_QUERY` / `*_MUTATION` exports of src/github,
 * plus the ones built per strategy.
 */
import { readdirSync } from "node:fs";
import { schema, validate } from "@octokit/graphql-schema";
import { buildSchema, parse, validate as validateWith, type GraphQLSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { countQueries } from "../../src/github/month-counts.js";
import { previewPullsQuery } from "../../src/github/preview-pulls.js";
import { FACTS_PER_REQUEST, pullFactsQuery, pullFilesQuery } from "../../src/github/pull-facts.js";
import { pullRequestContextQuery } from "../../src/github/pull-request-queries.js";
import { parseStrategy } from "../../src/strategy/index.js";
import { STRATEGY } from "../fixtures/strategies.js";

const dir = new URL("../../src/github/", import.meta.url);
const modules = readdirSync(dir).filter((f) => f.endsWith(".ts"));

/**
 * The package's introspection JSON (what `validate` reads) lacks `updateProjectV2Field`, which its SDL
 * file and GitHub's reference both have: that document is checked against the SDL of the same package.
 */
const SDL_ONLY = new Set(["project-field.ts UPDATE_PROJECT_FIELD_MUTATION"]);
let sdl: GraphQLSchema | undefined;
function validateSdl(document: string): string[] {
  // The SDL defines a few enterprise fields twice; GitHub's schema is taken as valid as published.
  sdl ??= buildSchema(schema.idl, { assumeValidSDL: true });
  return validateWith(sdl, parse(document)).map((e) => e.message);
}

const documents: [string, string][] = [];
for (const file of modules) {
  const mod = await import(new URL(file, dir).href);
  for (const [name, value] of Object.entries(mod)) {
    if (/_(QUERY|MUTATION)$/.test(name) && typeof value === "string") documents.push([`${file} ${name}`, value]);
  }
}

describe("GraphQL documents match GitHub's schema", () => {
  it("finds the documents", () => {
    expect(documents.length).toBeGreaterThanOrEqual(5);
  });

  it.each(documents)("%s", (name, document) => {
    expect(SDL_ONLY.has(name) ? validateSdl(document) : validate(document).map((e) => e.message)).toEqual([]);
  });

  it("documents checked against the SDL are the ones the introspection lacks (drop them once it has them)", () => {
    for (const [name, document] of documents.filter(([n]) => SDL_ONLY.has(n))) {
      expect(validate(document).length, name).toBeGreaterThan(0);
    }
    expect(documents.filter(([n]) => SDL_ONLY.has(n))).toHaveLength(SDL_ONLY.size);
    // The SDL check catches a misspelling too.
    expect(
      validateSdl('mutation { updateProjectV2Field(input: { fieldId: "F" }) { projectV2Fieldz { __typename } } }'),
    ).not.toEqual([]);
  });

  it("the pull-request context query built for a strategy", () => {
    const parsed = parseStrategy(STRATEGY, "strategy.yml");
    if (!parsed.ok) throw new Error("fixture strategy is invalid");
    const counts = countQueries(parsed.strategy, {
      owner: "o",
      repo: "r",
      defaultBranch: "main",
      range: "2026-11-01..2026-11-30",
    });
    expect(validate(pullRequestContextQuery(counts)).map((e) => e.message)).toEqual([]);
  });

  it.each([
    ["the facts of a full batch of merged pull requests", pullFactsQuery(FACTS_PER_REQUEST)],
    ["the facts of two merged pull requests", pullFactsQuery(2)],
    ["further pages of files for three pull requests", pullFilesQuery(3)],
    ["a strategy preview's search with facts, three windows at once", previewPullsQuery(3)],
  ])("the built document for %s", (_name, document) => {
    expect(validate(document).map((e) => e.message)).toEqual([]);
  });

  it("a misspelt field is caught", () => {
    expect(
      validate('query { repository(owner: "o", name: "r") { pullRequest(number: 1) { filez { totalCount } } } }'),
    ).not.toEqual([]);
  });
});
