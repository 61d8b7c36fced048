/**
 * A valid strategy has landed on the default branch (the push handler saw the file change and it loads):
 * the app's setup issue, if it is still open, has done its job and is closed with a short thank-you.
 * A setup issue someone closed, or one a person wrote, is left alone.
 */
import type { GitHub, RepoRef } from "../github/octokit.js";
import { closeSetupIssue, findOpenSetupIssue } from "../github/setup-issue.js";
import { renderSetupDone, SETUP_ISSUE_TITLE } from "../render/starter.js";
import type { Deps } from "./deps.js";

export interface LandedStrategy {
  /** The strategy file's path in the repository, e.g. "strategy.yml". */
  path: string;
  defaultBranch: string;
}

/** Returns the number of the issue closed, if one was. */
export async function closeSetupOnStrategy(
  octokit: GitHub,
  ref: RepoRef,
  deps: Deps,
  landed: LandedStrategy,
): Promise<number | undefined> {
  const { login } = await deps.identity();
  const issue = await findOpenSetupIssue(octokit, ref, SETUP_ISSUE_TITLE, login);
  if (!issue) return undefined;
  await closeSetupIssue(octokit, issue, renderSetupDone(landed.path, landed.defaultBranch));
  return issue.number;
}
