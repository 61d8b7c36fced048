/**
 * The search document for merged pull requests. One request may read from several searches at once
 * (aliases s0, s1, ...), asking each for only what it still holds, so that the pages of consecutive
 * search windows share requests and a month costs about one request per 100 pull requests.
 */
import { isSelected } from "./graphql/answers.js";
import type { MergedPullFragment, MergedPullsQuery } from "./graphql/types.generated.js";
import { actorLogin } from "./report-graphql.js";

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

/**
 * A document reading `n` searches at once, each result selected by `fragment` (named `fragmentName`):
 * variables $q<i> (search), $n<i> (how many), $after<i> (cursor); aliases s<i>.
 */
export function searchesQuery(operation: string, fragmentName: string, fragment: string, n: number): string {
  const variables = Array.from({ length: n }, (_, i) => `$q${i}: String!, $n${i}: Int!, $after${i}: String`).join(", ");
  const searches = Array.from(
    { length: n },
    (_, i) => `s${i}: search(type: ISSUE, first: $n${i}, after: $after${i}, query: $q${i}) {
    issueCount
    pageInfo { hasNextPage endCursor }
    nodes { ...${fragmentName} }
  }`,
  );
  return `query ${operation}(${variables}) {\n  ${searches.join("\n  ")}\n}\n${fragment}`;
}

/** The document reading `n` searches of merged pull requests. */
export const mergedPullsQuery = (n: number): string => searchesQuery("MergedPulls", "MergedPull", PULL_FIELDS, n);

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

/** A merged pull request as search returns it: the MergedPull fragment. */
export type PullNode = MergedPullFragment;

/** One search's page of results (`s0` of the one-search form; every alias `s<i>` answers alike). */
export type SearchPage = MergedPullsQuery["s0"];

/** Search answers hold empty objects for results of other types (and may hold nulls). */
export const isPull = (node: PullNode | Record<PropertyKey, never> | null): node is PullNode => isSelected(node);

/**
 * What toPull reads: the MergedPull fragment (generated), or a search result selecting the same fields
 * (the strategy preview's, which leaves out the counts of comments and reviews).
 */
export type PullFields = Omit<MergedPullFragment, "comments" | "reviews"> &
  Partial<Pick<MergedPullFragment, "comments" | "reviews">>;

export function toPull(n: PullFields): MergedPull {
  const files = (n.files?.nodes ?? []).flatMap((f) =>
    f ? [{ path: f.path, additions: f.additions, deletions: f.deletions }] : [],
  );
  return {
    number: n.number,
    ...(n.repository ? { repo: n.repository.name } : {}),
    ...(n.baseRefName ? { base: n.baseRefName } : {}),
    title: n.title,
    url: n.url,
    body: n.body ?? "",
    branch: n.headRefName,
    // Searched as merged: GitHub gives every result its merge time.
    mergedAt: n.mergedAt ?? "",
    author: actorLogin(n.author),
    labels: (n.labels?.nodes ?? []).flatMap((l) => (l ? [l.name] : [])),
    milestone: n.milestone?.title ?? null,
    additions: n.additions,
    deletions: n.deletions,
    comments: n.comments?.totalCount ?? 0,
    reviews: n.reviews?.totalCount ?? 0,
    closedIssues: n.closingIssuesReferences?.totalCount ?? 0,
    files,
    filesComplete: n.files != null && (n.files.nodes?.length ?? 0) >= n.files.totalCount,
  };
}
