/**
 * The monthly report (docs/contract.md §5): a summary a leader reads in a minute, the table, charts, metrics,
 * plan, notable items, suggestions, the method, and last the hidden data comment later reports read.
 * When GitHub's size limit is near, notable items go first, then metric history, then suggestions, then
 * plan details and charts; the summary, the table and the data comment always stay.
 */
import { monthTitle } from "../tally/period.js";
import type { ReportModel } from "../tally/report-model.js";
import { BODY_LIMIT, blocks } from "./limits.js";
import { REPORT_MARKER } from "./markers.js";
import { sharePie, trendChart } from "./report-charts.js";
import { reportMethod, reportSuggestions, renderReportVersions } from "./report-extras.js";
import { reportMetrics } from "./report-metrics.js";
import { reportNotable } from "./report-notable.js";
import { reportCarriers, reportLeftOut, reportRepositories } from "./report-organisation.js";
import { reportPlan } from "./report-plan.js";
import { reportSummary } from "./report-summary.js";
import { reportTable } from "./report-table.js";

interface Trim {
  notable: boolean;
  history: boolean;
  suggestions: boolean;
  planEntries: boolean;
  charts: boolean;
}

/** Each step leaves out one more thing, in the order they matter least. */
const STEPS: [keyof Trim, string][] = [
  ["notable", "notable items"],
  ["history", "metric history"],
  ["suggestions", "suggestions"],
  ["planEntries", "plan entries"],
  ["charts", "charts"],
];

/** Every report's title starts with it: "Strategy alignment: October 2026" (docs/contract.md §5). */
export const REPORT_TITLE_PREFIX = "Strategy alignment: ";

/** "Strategy alignment: October 2026" for "2026-10". */
export const reportTitle = (month: string) => `${REPORT_TITLE_PREFIX}${monthTitle(month)}`;

export function renderReport(model: ReportModel, dataComment: string): { title: string; body: string } {
  const data = dataComment.trim();
  const keep: Trim = { notable: true, history: true, suggestions: true, planEntries: true, charts: true };
  const left: string[] = [];
  let body = reportBody(model, data, keep, left, BODY_LIMIT);
  for (const [key, name] of STEPS) {
    if (body.length < BODY_LIMIT) break;
    keep[key] = false;
    left.push(name);
    body = reportBody(model, data, keep, left, BODY_LIMIT);
  }
  if (body.length >= BODY_LIMIT) {
    // Still too long (hundreds of metrics or plan entries): give those lists only the space that is left.
    const fixed = reportBody(model, data, keep, left, 0).length;
    body = reportBody(model, data, keep, left, Math.max(0, (BODY_LIMIT - fixed) / 2 - 200));
  }
  return { title: `${REPORT_TITLE_PREFIX}${model.period.title}`, body };
}

/** `listBudget` bounds the metric and plan sections each; 0 leaves them out. */
function reportBody(model: ReportModel, data: string, keep: Trim, left: string[], listBudget: number): string {
  return blocks(
    REPORT_MARKER,
    reportSummary(model),
    "### Shipped work by problem",
    reportTable(model),
    reportRepositories(model),
    reportCarriers(model),
    reportLeftOut(model.organisation),
    keep.charts && sharePie(model),
    keep.charts && trendChart(model),
    listBudget > 0 && reportMetrics(model, { history: keep.history, budget: listBudget }),
    listBudget > 0 && reportPlan(model, { compact: !keep.planEntries, budget: listBudget }),
    keep.notable && reportNotable(model),
    keep.suggestions && reportSuggestions(model),
    renderReportVersions(model),
    reportMethod(model, left),
    data,
  );
}
