/**
 * push: a push to the default branch that touches a strategy file forgets the cached strategy and gets a
 * `Strategy file` check on its head commit for the version it pushed (docs/contract.md §6); once a valid one
 * has landed, the app's setup issue is closed.
 */
import type { Context } from "probot";
import { isStrategyPath } from "../github/strategy-file.js";
import { LOCAL_PATHS } from "../github/strategy-source.js";
import type { Deps } from "./deps.js";
import { closeSetupOnStrategy } from "./onboarding-close.js";
import { reportStrategyFile } from "./strategy-check.js";

export async function handlePush(context: Context<"push">, deps: Deps): Promise<void> {
  const { ref, repository, commits, head_commit, after, deleted } = context.payload;
  if (deleted || ref !== `refs/heads/${repository.default_branch}`) return;
  const touched = new Set(
    [...commits, ...(head_commit ? [head_commit] : [])].flatMap((c) => [
      ...(c.added ?? []),
      ...(c.modified ?? []),
      ...(c.removed ?? []),
    ]),
  );
  if (![...touched].some(isStrategyPath)) return;
  const repo = context.repo();
  deps.strategies.forget(repo.owner, repo.repo);
  // The touched file that takes precedence and still exists at the pushed commit is the one to check.
  for (const path of LOCAL_PATHS.filter((p) => touched.has(p))) {
    const version = await deps.strategies.checkVersion(context.octokit, repo, path, after);
    if (version.status === "missing") continue;
    await reportStrategyFile(context.octokit, repo, after, path, version);
    if (version.status === "ok") {
      await closeSetupOnStrategy(context.octokit, repo, deps, { path, defaultBranch: repository.default_branch });
    }
    return;
  }
}
