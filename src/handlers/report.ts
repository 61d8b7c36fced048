/**
 * The monthly report for one repository and month: read what GitHub knows (1), count the shipped work
 * page by page (2), gather the side figures (3), build and render the report in pure code (4), then
 * create or update the app's one report for the month (5). Safe to run again: a second run updates the
 * same Discussion (or issue), and writes nothing when the body has not changed.
 */
import { mergedPulls } from "../github/merged-pulls.js";
import { reportContext } from "../github/report-context.js";
import { reportBodies } from "../github/report-history.js";
import { REPORT_TITLE_PREFIX, renderReport, reportTitle } from "../render/report.js";
import {
  buildReport,
  dataComment,
  metricHistory,
  monthPeriod,
  monthKeyOf,
  previousData,
  tallyOfData,
} from "../tally/index.js";
import { mergeHistory } from "../tally/versions.js";
import { gatherFigures } from "./report-figures.js";
import { mergedJudge } from "./merged-judge.js";
import { judgedNotes, tallyShipped } from "./report-shipped.js";
import { readReportVersions } from "./report-versions.js";
import { writeReport } from "./report-write.js";
import { publishOrgReport } from "./report-organisation.js";
import { ORG_REPO } from "../strategy/scope.js";
import { reportTargets } from "./report-target.js";

import type { Published, PublishParams } from "./report-params.js";

export type { Published, PublishParams };

export async function publishReport(p: PublishParams): Promise<Published> {
  if (p.repo.toLowerCase() === ORG_REPO && p.organisation !== false) return publishOrgReport(p);
  const { octokit, owner, repo, month, loaded } = p;
  const strategy = loaded.strategy;
  const period = monthPeriod(month, strategy.settings.report.timezone);
  const title = reportTitle(month);

  // 1. The repository, and the reports already written.
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

  // 2 and 3. Shipped work, streamed, the side figures, and the strategy file's recent versions.
  const cut: string[] = [];
  const pulls = mergedPulls(octokit, {
    owner,
    repo,
    base: context.defaultBranch,
    window: { start: period.start, end: period.end, range: period.searchRange },
    timezone: period.timezone,
    onTruncated: (range, count) =>
      cut.push(
        `${count} pull requests were merged within ${range}; search returns 1,000 of them, so only those are counted.`,
      ),
  });
  // Pull requests without a strategy label are judged on all their facts, as the app would have live.
  const judge = mergedJudge({ octokit, repo: { owner, repo }, strategy, botLogin: p.botLogin });
  const [versions, shipped, figures] = await Promise.all([
    readReportVersions(octokit, { repo, loaded, period }),
    tallyShipped(strategy, pulls, judge.judge),
    gatherFigures(octokit, { owner, repo }, strategy, period),
  ]);

  // 4. The report, in pure code.
  const now = p.now ?? new Date();
  const notes = [
    ...cut,
    ...judgedNotes(shipped, { owner, repo, month }),
    ...shipped.notes,
    ...figures.notes,
    ...versions.notes,
  ];
  if (now < period.end)
    notes.unshift(`The month is not over yet: figures as of ${now.toISOString().slice(0, 16).replace("T", " ")} UTC.`);
  const model = buildReport({
    strategy,
    repo: `${owner}/${repo}`,
    period,
    commit: versions.commit,
    tally: shipped.tally,
    base: context.defaultBranch,
    searchRange: period.searchRange,
    issuesClosed: figures.issuesClosed,
    readings: figures.readings,
    // Earlier reports record what was reported then; the file's versions fill months without a report.
    history: mergeHistory(metricHistory(earlier), versions.history),
    plans: figures.plans,
    previous: earlier.map((d) => ({ key: monthKeyOf(d), tally: tallyOfData(d) })),
    items: shipped.items,
    versions: versions.versions,
    notes,
    notice: p.notice,
  });
  const rendered = renderReport(model, dataComment(model));
  const body = rendered.body;

  // 5. One report per repository and month.
  if (!p.post) return { title, body, url: targets.existing?.url, action: "dry-run" };
  const existingBody = targets.existing && bodies.get(targets.existing.id);
  const written = await writeReport({
    octokit,
    ref: { owner, repo },
    month,
    botLogin: p.botLogin,
    context,
    targets,
    existingBody,
    category: strategy.settings.report.category,
    title,
    body,
  });
  return { title, body, ...written };
}
