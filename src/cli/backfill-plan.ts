/**
 * One item's label plan, by the app's own pipeline (planLabels): an issue is decided from what the list
 * carries, its history read only when its labels are not already in step; a pull request first needs its
 * changed files and the issues it closes, read in the app's one pull-request query.
 */
import { judgeMerged } from "../classify/index.js";
import { fetchItemHistory, historyFrom } from "../github/item-history.js";
import type { GitHub, RepoRef } from "../github/octokit.js";
import type { PermissionCache } from "../github/permissions.js";
import { fetchPullRequestContext } from "../github/pull-request-context.js";
import { issueItem, pullRequestItem } from "../handlers/items.js";
import { planLabels, type LabelPlan } from "../handlers/labelling.js";
import type { Strategy } from "../strategy/schema.js";
import type { BackfillItem } from "./backfill-items.js";

export async function planItem(
  permissions: PermissionCache,
  octokit: GitHub,
  repo: RepoRef,
  strategy: Strategy,
  item: BackfillItem,
  login: string,
): Promise<LabelPlan> {
  const mayCommand = (who: string) => permissions.canCommand(octokit, repo, who);
  if (!item.head) {
    return planLabels({
      strategy,
      item: issueItem(item.issue),
      history: () => fetchItemHistory(octokit, repo, item.number, login),
      mayCommand,
    });
  }
  const ctx = await fetchPullRequestContext(octokit, {
    ...repo,
    number: item.number,
    sha: item.head.sha,
    appId: 0,
    withFiles: true,
    counts: {},
    login,
  });
  const pull = {
    ...pullRequestItem({ ...item.issue, head: item.head }),
    files: ctx.files,
    filesComplete: ctx.filesComplete,
    closes: ctx.closes,
  };
  const history = historyFrom(ctx.timeline, login);
  // A merged pull request the app judged live keeps that answer, as reports count it.
  if (item.merged) {
    const kept = judgeMerged({ strategy, item: pull, history, mayCommand: () => false });
    if (!kept.judgedNow) return { decision: kept.decision, add: [], remove: [] };
  }
  return planLabels({ strategy, item: pull, history, mayCommand });
}
