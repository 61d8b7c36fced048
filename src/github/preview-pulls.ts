/**
 * A month of merged pull requests with every fact their decision needs, in one search: what reports read
 * of each (title, body, labels, branch, author, milestone) and what is read in bulk for unlabelled ones
 * (changed files, the issues it closes with their labels, who applied and removed labels, people's
 * comments), 50 a request. A preview of a strategy change judges every pull request again, labelled or
 * not, so reading both at once keeps a month of N merged pull requests to about N/50 requests, plus one
 * per 100 further changed files of the few with more than 100 (shared between them).
 */
import { TIMELINE_FIELDS } from "./item-history.js";
import { isSelected } from "./graphql/answers.js";
import type { PreviewPullFragment } from "./graphql/types.generated.js";
import { searchesQuery, toPull, type MergedPull } from "./merged-pulls-query.js";
import { searchPulls, type SearchOptions, type SearchShape } from "./merged-pulls.js";
import type { GitHub } from "./octokit.js";
import { factsOfNodes, FACTS_PER_REQUEST, type FactsCounter, type PullFacts } from "./pull-facts.js";
import { zip } from "../text/zip.js";

const FIELDS = /* GraphQL */ `
  fragment PreviewPull on PullRequest {
    number title url body headRefName baseRefName mergedAt additions deletions
    repository { name }
    author { __typename login }
    labels(first: 50) { nodes { name } }
    milestone { title }
    files(first: 100) { totalCount pageInfo { hasNextPage endCursor } nodes { path additions deletions } }
    closingIssuesReferences(first: 10) { totalCount nodes { number labels(first: 50) { nodes { name } } } }
    ${TIMELINE_FIELDS}
  }
`;

/** The document reading `n` searches of merged pull requests with their facts. */
export const previewPullsQuery = (n: number): string => searchesQuery("PreviewPulls", "PreviewPull", FIELDS, n);

/** @public (checked against GitHub's schema) */
export const PREVIEW_PULLS_QUERY = previewPullsQuery(1);

/** A search result as the PreviewPull fragment selects it. */
type Node = PreviewPullFragment;

/** A merged pull request and the facts its decision needs. */
export interface PreviewPullFacts {
  pull: MergedPull;
  facts: PullFacts;
}

export interface PreviewPullsOptions extends SearchOptions {
  /** Whose repositories: a search result names its repository, the owner is this one. */
  owner: string;
  botLogin: string;
  counter: FactsCounter;
}

/** Merged pull requests with their facts, page by page (50 a request), as `searchMergedPulls` reads them. */
export function previewPulls(octokit: GitHub, o: PreviewPullsOptions): AsyncGenerator<PreviewPullFacts[]> {
  const shape: SearchShape<Node, PreviewPullFacts> = {
    page: FACTS_PER_REQUEST,
    query: previewPullsQuery,
    isResult: isSelected,
    results: async (nodes) => {
      o.counter.requests += 1;
      const pulls = nodes.map(toPull);
      // The same results read as facts (the fragment selects what PullFacts does); further pages of files follow.
      const facts = await factsOfNodes(
        octokit,
        pulls.map((p) => ({ owner: o.owner, repo: p.repo ?? "", number: p.number })),
        nodes,
        o.botLogin,
        o.counter,
      );
      return zip(pulls, facts).map(([pull, f]) => ({ pull, facts: f }));
    },
  };
  return searchPulls(octokit, o, shape);
}
