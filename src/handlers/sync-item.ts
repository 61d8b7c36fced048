/** Re-decide an issue or pull request from an issue_comment's `issue` (commands arrive as comments). */
import type { Decision } from "../classify/index.js";
import type { GitHub, RepoRef } from "../github/octokit.js";
import type { LoadedStrategy } from "../github/strategy-file.js";
import type { Deps } from "./deps.js";
import { syncIssue } from "./issue.js";
import type { IssueLike } from "./items.js";
import { syncPullRequest } from "./pull-request.js";

export async function syncItem(
  octokit: GitHub,
  repo: RepoRef,
  issue: IssueLike & { pull_request?: unknown },
  deps: Deps,
  options: { command?: string[] | "none"; loaded?: LoadedStrategy; project?: boolean } = {},
): Promise<Decision | undefined> {
  if (!issue.pull_request) return syncIssue(octokit, repo, issue, deps, options);
  // The comment's payload lacks the head commit and branch a pull request's decision and check need.
  const { data: pr } = await octokit.rest.pulls.get({ ...repo, pull_number: issue.number });
  return syncPullRequest(octokit, repo, { ...pr, defaultBranch: pr.base.repo.default_branch }, deps, options);
}
