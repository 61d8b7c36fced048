/** Metrics per problem: baseline → current → target, progress, and (unless trimmed) the history row. */
import type { MetricReport, ReportModel } from "../tally/report-model.js";
import { num, percent } from "./format.js";
import { inert } from "../text/inert.js";
import { fitLines } from "./limits.js";
import { table } from "./markdown.js";
import { monthLabel } from "./report-charts.js";

export function reportMetrics(model: ReportModel, opts: { history: boolean; budget: number }): string | null {
  const rows = model.problems.flatMap((p) => {
    const title = inert(p.title, 80);
    return p.metrics.map((m) => metricRow(title, m, opts.history));
  });
  if (rows.length === 0) return null;
  const headers = [
    "Problem",
    "Metric",
    "Baseline → current → target",
    "Progress",
    ...(opts.history ? ["History"] : []),
  ];
  const align = ["left", "left", "left", "right", "left"] as const;
  const full = table(headers, rows, [...align]);
  if (full.length + 20 <= opts.budget) return `### Metrics\n\n${full}`;
  // Too many metrics for the space left: keep the first rows and say how many are missing.
  const top = table(headers, [], [...align]); // the header row and its rule
  const lines = full.split("\n").slice(2);
  const kept = fitLines(
    lines,
    opts.budget - (top.length - 1) - 60,
    (n) => `\n…and ${n} more metrics left out to fit GitHub's size limit.`,
  );
  return `### Metrics\n\n${[top, ...kept].join("\n")}`;
}

function metricRow(problem: string, m: MetricReport, history: boolean): string[] {
  const unit = m.unit ? ` ${inert(m.unit, 30)}` : "";
  // A reading that could not be had shows why, right where the figure would be.
  const current = m.error ? `— (⚠️ ${inert(m.error, 200)})` : num(m.current);
  const progress = m.progress === null ? "—" : `${percent(m.progress)}${m.progress >= 1 ? " ✅" : ""}`;
  const row = [problem, inert(m.name, 120), `${num(m.baseline)} → ${current} → ${num(m.target)}${unit}`, progress];
  if (history) row.push(historyRow(m));
  return row;
}

/** "Aug 2026: 5 · Sep 2026: 4", the last six readings. */
function historyRow(m: MetricReport): string {
  if (m.history.length === 0) return "—";
  return m.history
    .slice(-6)
    .map((h) => `${inert(monthLabel(h.key), 20)}: ${num(h.value)}`)
    .join(" · ");
}
