/**
 * Pull requests merged into the default branch in a window of time, page by page, so the tally can
 * stream them and memory stays flat however long the history. GitHub search returns at most 1,000
 * results per query, so a window holding more is cut into halves (as many times as its count calls
 * for, then again for any part still too full) and each part is paged on its own: totals stay exact.
 */
import { splitRange, type SearchWindow } from "../tally/range.js";
import type { GitHub, RepoRef } from "./octokit.js";
import { actorLogin, quoted, type Actor } from "./report-graphql.js";

export const SEARCH_LIMIT = 1000;

export const MERGED_PULLS_QUERY = /* GraphQL */ `
  query MergedPulls($search: String!, $after: String) {
    search(type: ISSUE, first: 100, after: $after, query: $search) {
      issueCount
      pageInfo { hasNextPage endCursor }
      nodes {
        ... on PullRequest {
          number title url body headRefName mergedAt additions deletions
          author { __typename login }
          labels(first: 50) { nodes { name } }
          comments { totalCount }
          milestone { title }
        }
      }
    }
  }
`;

/** A merged pull request as search returns it; what classification and the report read. */
export interface MergedPull {
  number: number;
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
}

type Node = {
  number: number; title: string; url: string; body: string | null; headRefName: string; mergedAt: string;
  additions: number; deletions: number; author: Actor | null; labels: { nodes: { name: string }[] } | null;
  comments: { totalCount: number }; milestone: { title: string } | null;
};
type Answer = {
  search: { issueCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: (Node | Record<string, never>)[] };
};

const toPull = (n: Node): MergedPull => ({
  number: n.number, title: n.title, url: n.url, body: n.body ?? "", branch: n.headRefName, mergedAt: n.mergedAt,
  author: actorLogin(n.author), labels: (n.labels?.nodes ?? []).map((l) => l.name), milestone: n.milestone?.title ?? null,
  additions: n.additions, deletions: n.deletions, comments: n.comments.totalCount,
});

/** Halves of the window, `depth` times over, in time order. */
function cut(window: SearchWindow, depth: number, timezone: string): SearchWindow[] {
  let parts = [window];
  for (let i = 0; i < depth; i++) parts = parts.flatMap((p) => splitRange(p.start, p.end, timezone));
  return parts;
}

export interface MergedPullsOptions extends RepoRef {
  base: string;
  window: SearchWindow;
  timezone: string;
  /** Told when a part could not be cut further and was read only as far as search goes. */
  onTruncated?: (window: SearchWindow, count: number) => void;
}

/** Yields pages of merged pull requests; sorted by creation so pages stay stable while GitHub is paged. */
export async function* mergedPulls(octokit: GitHub, o: MergedPullsOptions): AsyncGenerator<MergedPull[]> {
  const queue: SearchWindow[] = [o.window];
  while (queue.length > 0) {
    const window = queue.shift()!;
    const search = `repo:${o.owner}/${o.repo} is:pr is:merged base:${o.base} merged:${window.range} sort:created-asc`;
    let after: string | null = null;
    for (let first = true; ; first = false) {
      const { search: page }: Answer = await octokit.graphql<Answer>(MERGED_PULLS_QUERY, { search, after });
      if (first && page.issueCount > SEARCH_LIMIT) {
        const parts = cut(window, Math.ceil(Math.log2(page.issueCount / SEARCH_LIMIT)), o.timezone);
        if (parts.length > 1) {
          queue.unshift(...parts);
          break;
        }
        o.onTruncated?.(window, page.issueCount);
      }
      yield page.nodes.filter((n): n is Node => "number" in n).map(toPull);
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
      after = page.pageInfo.endCursor;
    }
  }
}
