/**
 * What every monthly report does before and after its own counting, the repository's and the
 * organisation's alike: read the repository and the reports already written (a late catch-up stops here
 * when the month's report was written after the month ended), and at the end render the model and write
 * the one report for the month.
 */
import { reportContext, type ReportContext } from "../github/report-context.js";
import { reportBodies } from "../github/report-history.js";
import { REPORT_TITLE_PREFIX, renderReport, reportTitle } from "../render/report.js";
import type { ReportData, ReportModel } from "../tally/index.js";
import { dataComment, monthKeyOf, monthPeriod, previousData, type MonthWindow } from "../tally/index.js";
import type { Published, PublishParams } from "./report-params.js";
import { reportTargets, type Targets } from "./report-target.js";
import { writeReport } from "./report-write.js";

export interface ReportFrame {
  repo: string;
  title: string;
  period: MonthWindow;
  context: ReportContext;
  targets: Targets;
  /** The bodies of the app's earlier reports (and of this month's, when there is one), by id. */
  bodies: Map<string, string>;
  /** The hidden data of the app's reports of earlier months. */
  earlier: ReportData[];
}

/** Step 1 of a report in `repo`: its context and earlier reports, or `skipped` for a late catch-up. */
export async function openReport(p: PublishParams, repo: string): Promise<ReportFrame | Published> {
  const { octokit, owner, month } = p;
  const period = monthPeriod(month, p.loaded.strategy.settings.report.timezone);
  const title = reportTitle(month);
  const context = await reportContext(octokit, { owner, repo }, REPORT_TITLE_PREFIX);
  const targets = reportTargets(context, month, p.botLogin);
  // A late catch-up skips a month whose report was written after it ended; one written mid-month (by the
  // command, say) still has partial figures and is brought up to date.
  if (p.ifMissing && targets.existing && Date.parse(targets.existing.writtenAt) >= period.end.getTime()) {
    return { title, body: "", url: targets.existing.url, action: "skipped" };
  }
  const bodies = await reportBodies(
    octokit,
    [targets.existing, ...targets.history].flatMap((r) => (r ? [r.id] : [])),
  );
  const earlier = previousData(targets.history.flatMap((r) => bodies.get(r.id) ?? [])).filter(
    (d) => monthKeyOf(d) < month,
  );
  return { repo, title, period, context, targets, bodies, earlier };
}

/** The notes every report opens with when its month is not over yet. */
export function partialMonthNote(p: PublishParams, period: MonthWindow): string[] {
  const now = p.now ?? new Date();
  return now < period.end
    ? [`The month is not over yet: figures as of ${now.toISOString().slice(0, 16).replace("T", " ")} UTC.`]
    : [];
}

/** The last step: render the model and create or update the month's one report (nothing on a dry run). */
export async function closeReport(p: PublishParams, frame: ReportFrame, model: ReportModel): Promise<Published> {
  const { title, targets, context } = frame;
  const body = renderReport(model, dataComment(model)).body;
  if (!p.post) return { title, body, url: targets.existing?.url, action: "dry-run" };
  const existing = targets.existing;
  const written = await writeReport({
    octokit: p.octokit,
    ref: { owner: p.owner, repo: frame.repo },
    month: p.month,
    botLogin: p.botLogin,
    context,
    targets,
    existingBody: existing ? frame.bodies.get(existing.id) : undefined,
    category: p.loaded.strategy.settings.report.category,
    title,
    body,
  });
  return { title, body, ...written };
}
