/** issues.*: label the issue with the problems it serves (read → decide → write). */
import type { Context } from "probot";
import type { Decision } from "../classify/index.js";
import { fetchItemHistory } from "../github/item-history.js";
import type { GitHub, RepoRef } from "../github/octokit.js";
import type { LoadedStrategy } from "../github/strategy-file.js";
import { applyLabels } from "./apply-labels.js";
import { notInForceNow } from "./in-force.js";
import type { Deps } from "./deps.js";
import { issueItem, type IssueLike } from "./items.js";
import { planLabels } from "./labelling.js";
import { PROBLEM_EVENTS, projectStep } from "./project-step.js";

export async function handleIssue(context: Context<"issues">, deps: Deps): Promise<void> {
  const { action } = context.payload;
  await syncIssue(context.octokit, context.repo(), context.payload.issue, deps, {
    fresh: action === "opened",
    project: PROBLEM_EVENTS.has(action),
  });
}

/** Bring one issue's labels in step; returns the decision (undefined without a valid strategy). */
export async function syncIssue(
  octokit: GitHub,
  repo: RepoRef,
  issue: IssueLike,
  deps: Deps,
  options: { fresh?: boolean; command?: string[] | "none"; loaded?: LoadedStrategy; project?: boolean } = {},
): Promise<Decision | undefined> {
  // 1. Read the strategy in force; with none, an invalid one, or one not in force (draft, retired,
  // outside its dates), no label changes.
  const loaded = options.loaded ?? (await deps.strategies.load(octokit, repo));
  if (loaded.status !== "ok" || notInForceNow(loaded.strategy, deps.now())) return undefined;
  // 2. Decide, reading history only when the labels are not already in step.
  const plan = await planLabels({
    strategy: loaded.strategy,
    item: issueItem(issue),
    fresh: options.fresh,
    command: options.command,
    history: async () => fetchItemHistory(octokit, repo, issue.number, (await deps.identity()).login),
    mayCommand: (login) => deps.permissions.canCommand(octokit, repo, login),
  });
  // 3. Write only what changes.
  await applyLabels(deps.labels, octokit, repo, issue.number, loaded.strategy, plan);
  await projectStep(octokit, repo, issue.number, loaded.strategy, plan, deps, options);
  return plan.decision;
}
