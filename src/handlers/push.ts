/**
 * push: a push to the default branch that touches a strategy file forgets the cached strategy and gets a
 * `Strategy file` check on its head commit (spec section 6), and closes the setup issue once one is valid.
 */
import type { Context } from "probot";
import { forgetStrategy, isStrategyPath, loadStrategy } from "../github/strategy-file.js";
import type { Deps } from "./deps.js";
import { closeSetupOnStrategy } from "./onboarding-close.js";
import { reportStrategyFile } from "./strategy-check.js";

export async function handlePush(context: Context<"push">, deps: Deps): Promise<void> {
  const { ref, repository, commits, head_commit, after, deleted } = context.payload;
  if (deleted || ref !== `refs/heads/${repository.default_branch}`) return;
  const touched = new Set(
    [...commits, ...(head_commit ? [head_commit] : [])].flatMap((c) => [...(c.added ?? []), ...(c.modified ?? []), ...(c.removed ?? [])]),
  );
  const paths = [...touched].filter(isStrategyPath);
  if (paths.length === 0) return;
  const repo = context.repo();
  forgetStrategy(repo.owner, repo.repo);
  const loaded = await loadStrategy(context.octokit, repo);
  if (loaded.status === "missing" || loaded.source.repo !== repo.repo) return; // removed, or inherited from elsewhere
  await reportStrategyFile(context.octokit, repo, after, loaded.source.path, loaded);
  // A valid strategy has landed: the app's `Set up Throughline` issue, if open, has done its job.
  if (loaded.status === "ok") {
    await closeSetupOnStrategy(context.octokit, repo, deps, { path: loaded.source.path, defaultBranch: repository.default_branch });
  }
}
