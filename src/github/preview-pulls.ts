/**
 * A month of merged pull requests with every fact their decision needs, in one search: what reports read
 * of each (title, body, labels, branch, author, milestone) and what is read in bulk for unlabelled ones
 * (changed files, the issues it closes with their labels, who applied and removed labels, people's
 * comments), 50 a request. A preview of a strategy change judges every pull request again, labelled or
 * not, so reading both at once keeps a month of N merged pull requests to about N/50 requests, plus one
 * per 100 further changed files of the few with more than 100 (shared between them).
 */
import { TIMELINE_FIELDS } from "./item-history.js";
import { isPull, type MergedPull, type PullNode } from "./merged-pulls-query.js";
import { searchPulls, type SearchOptions, type SearchShape } from "./merged-pulls.js";
import type { GitHub } from "./octokit.js";
import { factsOfNodes, FACTS_PER_REQUEST, type FactsCounter, type FactsNode, type PullFacts } from "./pull-facts.js";
import { actorLogin } from "./report-graphql.js";
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

/** The document reading `n` searches: $q<i> (search), $n<i> (how many), $after<i> (cursor); aliases s<i>. */
export function previewPullsQuery(n: number): string {
  const variables = Array.from({ length: n }, (_, i) => `$q${i}: String!, $n${i}: Int!, $after${i}: String`).join(", ");
  const searches = Array.from(
    { length: n },
    (_, i) => `s${i}: search(type: ISSUE, first: $n${i}, after: $after${i}, query: $q${i}) {
    issueCount
    pageInfo { hasNextPage endCursor }
    nodes { ...PreviewPull }
  }`,
  );
  return `query PreviewPulls(${variables}) {\n  ${searches.join("\n  ")}\n}\n${FIELDS}`;
}

/** @public (checked against GitHub's schema) */
export const PREVIEW_PULLS_QUERY = previewPullsQuery(1);

type Node = Omit<PullNode, "files" | "comments" | "reviews" | "closingIssuesReferences"> &
  FactsNode & {
    files: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: { path: string; additions: number; deletions: number }[] | null;
    } | null;
    closingIssuesReferences: (NonNullable<FactsNode["closingIssuesReferences"]> & { totalCount: number }) | null;
  };

/** A merged pull request and the facts its decision needs. */
export interface PreviewPullFacts {
  pull: MergedPull;
  facts: PullFacts;
}

function toPull(n: Node): MergedPull {
  const files = n.files?.nodes ?? [];
  return {
    number: n.number,
    ...(n.repository ? { repo: n.repository.name } : {}),
    ...(n.baseRefName ? { base: n.baseRefName } : {}),
    title: n.title,
    url: n.url,
    body: n.body ?? "",
    branch: n.headRefName,
    mergedAt: n.mergedAt,
    author: actorLogin(n.author),
    labels: (n.labels?.nodes ?? []).map((l) => l.name),
    milestone: n.milestone?.title ?? null,
    additions: n.additions,
    deletions: n.deletions,
    comments: 0,
    reviews: 0,
    closedIssues: n.closingIssuesReferences?.totalCount ?? 0,
    files,
    filesComplete: n.files != null && files.length >= n.files.totalCount,
  };
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
    isResult: (node): node is Node => isPull(node as PullNode | Record<string, never>),
    results: async (nodes) => {
      o.counter.requests += 1;
      const pulls = nodes.map(toPull);
      // The file paths as the facts hold them; further pages are added to these.
      const facts = await factsOfNodes(
        octokit,
        pulls.map((p) => ({ owner: o.owner, repo: p.repo ?? "", number: p.number })),
        nodes.map((n) => ({
          ...n,
          files: n.files && { ...n.files, nodes: (n.files.nodes ?? []).map((f) => ({ path: f.path })) },
        })),
        o.botLogin,
        o.counter,
      );
      return zip(pulls, facts).map(([pull, f]) => ({ pull, facts: f }));
    },
  };
  return searchPulls(octokit, o, shape);
}
