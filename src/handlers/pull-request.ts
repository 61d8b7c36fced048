/**
 * pull_request.*: label the pull request, keep its one progress comment and its `Strategy alignment`
 * check up to date, and validate a strategy file it changes. One GraphQL read, then only the writes
 * that change something.
 */
import type { Context } from "probot";
import type { Decision } from "../classify/index.js";
import { historyFrom, withEarlier } from "../github/item-history.js";
import { countQueries, countsFrom } from "../github/month-counts.js";
import type { GitHub, RepoRef } from "../github/octokit.js";
import { changedStrategyPaths, fetchPullRequestContext } from "../github/pull-request-context.js";
import type { LoadedStrategy } from "../github/strategy-file.js";
import { monthOf, monthPeriod, tallyFromCounts } from "../tally/index.js";
import { applyLabels } from "./apply-labels.js";
import { notInForceNow } from "./in-force.js";
import type { Deps } from "./deps.js";
import { pullRequestItem } from "./items.js";
import { planLabels } from "./labelling.js";
import { PROBLEM_EVENTS, projectStep } from "./project-step.js";
import { writeProgress, writeInvalidProgress, type PullRequestRef } from "./progress.js";
import { checkChangedStrategy } from "./strategy-check.js";

/** Actions that can change a pull request's files. */
const FILE_CHANGES = new Set(["opened", "synchronize", "reopened"]);

export async function handlePullRequest(context: Context<"pull_request">, deps: Deps): Promise<void> {
  const { action, pull_request: pr, repository } = context.payload;
  const newFiles = FILE_CHANGES.has(action);
  const project = PROBLEM_EVENTS.has(action);
  await syncPullRequest(context.octokit, context.repo(), { ...pr, defaultBranch: repository.default_branch }, deps, {
    newFiles,
    project,
  });
}

/** Bring one pull request's labels, comment and check in step; returns the decision (undefined without a strategy). */
export async function syncPullRequest(
  octokit: GitHub,
  repo: RepoRef,
  pr: PullRequestRef,
  deps: Deps,
  options: { command?: string[] | "none"; loaded?: LoadedStrategy; newFiles?: boolean; project?: boolean } = {},
): Promise<Decision | undefined> {
  // 1. Read the strategy in force and, in one query, everything else the decision and the writes need.
  const loaded = options.loaded ?? (await deps.strategies.load(octokit, repo));
  if (loaded.status === "missing") {
    // No strategy yet: a pull request that adds the first one still gets its file validated.
    if (options.newFiles)
      await checkChangedStrategy(
        deps.strategies,
        octokit,
        repo,
        pr.head.sha,
        await changedStrategyPaths(octokit, repo, pr.number),
      );
    return undefined;
  }
  const { login, appId } = await deps.identity();
  const strategy = loaded.status === "ok" ? loaded.strategy : undefined;
  const zone = strategy?.settings.report.timezone ?? "UTC";
  const month = monthPeriod(monthOf(deps.now(), zone), zone);
  const counts = strategy
    ? countQueries(strategy, { ...repo, defaultBranch: pr.defaultBranch, range: month.searchRange })
    : {};
  const ctx = await fetchPullRequestContext(octokit, {
    ...repo,
    number: pr.number,
    sha: pr.head.sha,
    appId,
    counts,
    login,
    withFiles: true,
  });
  // A changed strategy file is validated on the head; changing the valid file in force, it previews last month.
  await checkChangedStrategy(deps.strategies, octokit, repo, pr.head.sha, ctx.files ?? [], ctx.strategyFileRun, {
    inForce: loaded,
    defaultBranch: pr.defaultBranch,
    now: deps.now(),
    botLogin: login,
    permissions: deps.permissions,
    organisation: deps.readsOrganisation !== false,
  });
  if (loaded.status === "invalid") {
    await writeInvalidProgress(octokit, repo, pr, ctx, loaded, login);
    return undefined;
  }
  // A draft or retired strategy, or one outside its dates, is validated (above) but labels and posts nothing.
  if (notInForceNow(loaded.strategy, deps.now())) return undefined;
  // 2. Decide: labels (history already read), then the month's figures.
  const plan = await planLabels({
    strategy: loaded.strategy,
    item: { ...pullRequestItem(pr), files: ctx.files, filesComplete: ctx.filesComplete, closes: ctx.closes },
    history: withEarlier(historyFrom(ctx.timeline, login), octokit, repo, pr.number, login, ctx.commentsBefore),
    mayCommand: (who) => deps.permissions.canCommand(octokit, repo, who),
    command: options.command,
  });
  const counted = countsFrom(loaded.strategy, ctx.counts);
  const tally = tallyFromCounts(loaded.strategy, counted);
  // 3. Write what changed.
  await applyLabels(deps.labels, octokit, repo, pr.number, loaded.strategy, plan);
  await writeProgress(
    octokit,
    repo,
    pr,
    ctx,
    {
      strategy: loaded.strategy,
      decision: plan.decision,
      month: { title: month.title },
      tally,
      unlabelled: counted.unlabelled,
      author: pr.user?.login,
    },
    login,
  );
  await projectStep(octokit, repo, pr.number, loaded.strategy, plan, deps, options);
  return plan.decision;
}
