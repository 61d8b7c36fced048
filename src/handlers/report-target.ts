/**
 * Which of the reports found are the app's own: this month's (to update, never a person's with the same
 * title) and the earlier months' whose data comments carry the trends.
 */
import type { ReportContext, ReportRef } from "../github/report-context.js";
import { reportTitle } from "../render/report.js";
import { previousMonth } from "../tally/index.js";

/** Earlier months read for trends. */
export const HISTORY_MONTHS = 6;

const sameLogin = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export interface Targets {
  /** Where this month's report goes: a Discussion when they are on and have a category, else an issue. */
  kind: ReportRef["kind"];
  /** The app's own report for the month in that place, if it already wrote one. */
  existing: ReportRef | undefined;
  /** The app's reports of up to HISTORY_MONTHS earlier months, newest first. */
  history: ReportRef[];
}

export function reportTargets(context: ReportContext, month: string, botLogin: string): Targets {
  const kind = context.discussionsEnabled && context.categories.length > 0 ? "discussion" : "issue";
  const own = context.reports.filter((r) => sameLogin(r.author, botLogin));
  // The same kind first (a repository may have switched Discussions on or off), then the oldest by number
  // (issues and Discussions share one rising sequence, so unlike creation times to the second, no ties):
  // the one a second replica would also pick.
  const pick = (title: string, kinds: ReportRef["kind"][]) =>
    own
      .filter((r) => r.title.trim() === title && kinds.includes(r.kind))
      .sort((a, b) => (a.kind === kind ? 0 : 1) - (b.kind === kind ? 0 : 1) || a.number - b.number)[0];
  const history: ReportRef[] = [];
  let key = month;
  for (let i = 0; i < HISTORY_MONTHS; i++) {
    key = previousMonth(key);
    const found = pick(reportTitle(key), ["discussion", "issue"]);
    if (found) history.push(found);
  }
  return { kind, existing: pick(reportTitle(month), [kind]), history };
}
