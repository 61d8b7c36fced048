/**
 * The issues and pull requests updated since a date, page by page: issues from the issues list (which
 * filters by `since` itself), pull requests from the pulls list, newest first, read until the first one
 * older than the date (it has no `since`, and it carries the head branch that classification needs).
 */
import type { GitHub, RepoRef } from "../github/octokit.js";
import type { IssueLike } from "../handlers/items.js";

export interface BackfillItem {
  kind: "issue" | "pull_request";
  number: number;
  issue: IssueLike;
  /** Pull requests: the head branch and commit. */
  head?: { ref: string; sha: string };
  /** Pull requests: merged (reports count it by its labels, or judge it as the app would have). */
  merged?: boolean;
}

export async function listUpdatedItems(
  octokit: GitHub,
  repo: RepoRef,
  since: Date,
  onProgress: (listed: number) => void,
): Promise<BackfillItem[]> {
  const items: BackfillItem[] = [];
  const issues = octokit.paginate.iterator(octokit.rest.issues.listForRepo, {
    ...repo,
    state: "all",
    since: since.toISOString(),
    sort: "updated",
    direction: "asc",
    per_page: 100,
  });
  for await (const page of issues) {
    for (const issue of page.data) {
      if (!issue.pull_request) items.push({ kind: "issue", number: issue.number, issue });
    }
    onProgress(items.length);
  }
  const pulls = octokit.paginate.iterator(octokit.rest.pulls.list, {
    ...repo,
    state: "all",
    sort: "updated",
    direction: "desc",
    per_page: 100,
  });
  pages: for await (const page of pulls) {
    for (const pr of page.data) {
      if (new Date(pr.updated_at) < since) break pages;
      items.push({
        kind: "pull_request",
        number: pr.number,
        issue: pr,
        head: { ref: pr.head.ref, sha: pr.head.sha },
        merged: Boolean(pr.merged_at),
      });
    }
    onProgress(items.length);
  }
  return items.sort((a, b) => a.number - b.number);
}
