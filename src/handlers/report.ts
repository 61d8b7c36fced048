/**
 * The monthly report for one repository and month: read what GitHub knows (1), count the shipped work
 * page by page (2), gather the side figures (3), build and render the report in pure code (4), then
 * create or update the app's one report for the month (5). Safe to run again: a second run updates the
 * same Discussion (or issue), and writes nothing when the body has not changed.
 */
import { mergedPulls } from "../github/merged-pulls.js";
import { buildReport, metricHistory, monthKeyOf, tallyOfData } from "../tally/index.js";
import { mergeHistory } from "../tally/versions.js";
import { gatherFigures } from "./report-figures.js";
import { closeReport, openReport, partialMonthNote } from "./report-frame.js";
import { mergedJudge } from "./merged-judge.js";
import { judgedNotes, tallyShipped } from "./report-shipped.js";
import { readReportVersions } from "./report-versions.js";
import { publishOrgReport } from "./report-organisation.js";
import { ORG_REPO } from "../strategy/scope.js";

import type { Published, PublishParams } from "./report-params.js";

export type { Published, PublishParams };

export async function publishReport(p: PublishParams): Promise<Published> {
  if (p.repo.toLowerCase() === ORG_REPO && p.organisation !== false) return publishOrgReport(p);
  const { octokit, owner, repo, month, loaded } = p;
  const strategy = loaded.strategy;

  // 1. The repository, and the reports already written.
  const frame = await openReport(p, repo);
  if (!("context" in frame)) return frame;
  const { period, context, earlier } = frame;

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
  const notes = [
    ...partialMonthNote(p, period),
    ...cut,
    ...judgedNotes(shipped, { owner, repo, month }),
    ...shipped.notes,
    ...figures.notes,
    ...versions.notes,
  ];
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

  // 5. One report per repository and month.
  return closeReport(p, frame, model);
}
