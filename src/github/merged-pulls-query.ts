/**
 * The search document for merged pull requests. One request may read from several searches at once
 * (aliases s0, s1, ...), asking each for only what it still holds, so that the pages of consecutive
 * search windows share requests and a month costs about one request per 100 pull requests.
 */
import { actorLogin, type Actor } from "./report-graphql.js";

const PULL_FIELDS = /* GraphQL */ `
  fragment MergedPull on PullRequest {
    number title url body headRefName baseRefName mergedAt additions deletions
    repository { name }
    author { __typename login }
    labels(first: 50) { nodes { name } }
    comments { totalCount }
    reviews { totalCount }
    closingIssuesReferences { totalCount }
    files(first: 100) { totalCount nodes { path additions deletions } }
    milestone { title }
  }
`;

/** The document reading `n` searches: variables $q<i> (search), $n<i> (how many), $after<i> (cursor). */
export function mergedPullsQuery(n: number): string {
  const variables = Array.from({ length: n }, (_, i) => `$q${i}: String!, $n${i}: Int!, $after${i}: String`).join(", ");
  const searches = Array.from(
    { length: n },
    (_, i) => `s${i}: search(type: ISSUE, first: $n${i}, after: $after${i}, query: $q${i}) {
    issueCount
    pageInfo { hasNextPage endCursor }
    nodes { ...MergedPull }
  }`,
  );
  return `query MergedPulls(${variables}) {\n  ${searches.join("\n  ")}\n}\n${PULL_FIELDS}`;
}

/** The one-search form; every request has this shape with more aliases. @public (checked against GitHub's schema) */
export const MERGED_PULLS_QUERY = mergedPullsQuery(1);

/** A merged pull request as search returns it; what classification and the report read. */
export interface MergedPull {
  number: number;
  /** The repository's name (without the owner), and the branch it was merged into, when search gave them. */
  repo?: string;
  base?: string;
  title: string;
  url: string;
  body: string;
  branch: string;
  mergedAt: string;
  author: string;
  labels: string[];
  milestone: string | null;
  additions: number;
  deletions: number;
  comments: number;
  /** Reviews submitted, and issues it closes: what made it notable besides its size. */
  reviews: number;
  closedIssues: number;
  /** Its first 100 changed files with their lines changed (`filesComplete` false when it changed more). */
  files: { path: string; additions: number; deletions: number }[];
  filesComplete: boolean;
}

export type PullNode = {
  number: number;
  title: string;
  url: string;
  body: string | null;
  headRefName: string;
  baseRefName?: string;
  repository?: { name: string };
  mergedAt: string;
  additions: number;
  deletions: number;
  author: Actor | null;
  labels: { nodes: { name: string }[] } | null;
  comments: { totalCount: number };
  reviews: { totalCount: number } | null;
  closingIssuesReferences: { totalCount: number } | null;
  files: { totalCount: number; nodes: { path: string; additions: number; deletions: number }[] | null } | null;
  milestone: { title: string } | null;
};

export type SearchPage = {
  issueCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: (PullNode | Record<string, never>)[];
};

export function toPull(n: PullNode): MergedPull {
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
    comments: n.comments.totalCount,
    reviews: n.reviews?.totalCount ?? 0,
    closedIssues: n.closingIssuesReferences?.totalCount ?? 0,
    files: n.files?.nodes ?? [],
    filesComplete: n.files != null && (n.files.nodes?.length ?? 0) >= n.files.totalCount,
  };
}

/** Search answers hold empty objects for results of other types. */
export const isPull = (node: PullNode | Record<string, never>): node is PullNode => "number" in node;
