/**
 * Writing the month's report: update the app's own when there is one (nothing when the body is the same),
 * else create it. Two runs at once (two replicas firing on the hour) could both create one, so after
 * creating, the app looks again: if another run's report came first, it removes its own and updates that
 * one, leaving exactly one report per repository and month.
 */
import { createDiscussion, deleteDiscussion, reportCategory, updateDiscussion } from "../github/discussions.js";
import type { GitHub, RepoRef } from "../github/octokit.js";
import { reportContext, type ReportContext, type ReportRef } from "../github/report-context.js";
import { closeDuplicateReportIssue, createReportIssue, updateReportIssue } from "../github/report-issue.js";
import { REPORT_TITLE_PREFIX } from "../render/report.js";
import { reportTargets, type Targets } from "./report-target.js";

export interface WriteParams {
  octokit: GitHub;
  ref: RepoRef;
  month: string;
  botLogin: string;
  context: ReportContext;
  targets: Targets;
  /** The existing report's body as read, to skip a write that would change nothing. */
  existingBody: string | undefined;
  /** settings.report.category */
  category: string;
  title: string;
  body: string;
}

export interface Written {
  url: string;
  action: "created" | "updated" | "unchanged";
}

async function update(octokit: GitHub, report: ReportRef, body: string): Promise<Written> {
  const write = report.kind === "discussion" ? updateDiscussion : updateReportIssue;
  const { url } = await write(octokit, { id: report.id, body });
  return { url, action: "updated" };
}

export async function writeReport(p: WriteParams): Promise<Written> {
  const { octokit, context, targets, title, body } = p;
  const existing = targets.existing;
  if (existing && p.existingBody === body) return { url: existing.url, action: "unchanged" };
  if (existing) return update(octokit, existing, body);

  const category = targets.kind === "discussion" ? reportCategory(context.categories, p.category) : null;
  const created = category
    ? await createDiscussion(octokit, { repositoryId: context.repositoryId, categoryId: category.id, title, body })
    : await createReportIssue(octokit, { repositoryId: context.repositoryId, title, body });

  const first = reportTargets(await reportContext(octokit, p.ref, REPORT_TITLE_PREFIX), p.month, p.botLogin).existing;
  if (!first || first.id === created.id) return { url: created.url, action: "created" };
  if (category) await deleteDiscussion(octokit, created.id);
  else await closeDuplicateReportIssue(octokit, created.id);
  return update(octokit, first, body);
}
