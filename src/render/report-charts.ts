/** The report's two charts: this month's shares as a pie, the last six months as lines with a legend. */
import type { ReportModel } from "../tally/report-model.js";
import { inert } from "./inert.js";
import { blocks } from "./limits.js";
import { lineChart, pieChart } from "./mermaid.js";

/** Line colours and the emoji squares that name them in the legend; the last is kept for unaligned work. */
const COLOURS: [string, string][] = [
  ["#d73a4a", "🟥"],
  ["#0969da", "🟦"],
  ["#2da44e", "🟩"],
  ["#d4a72c", "🟨"],
  ["#8250df", "🟪"],
  ["#e16f24", "🟧"],
  ["#8b5a2b", "🟫"],
];
const UNALIGNED_COLOUR: [string, string] = ["#8c959f", "⬛"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function sharePie(model: ReportModel): string | null {
  if (model.tally.merged === 0) return null;
  const slices = model.problems.map((p) => ({ label: p.title, value: p.share * 100 }));
  slices.push({ label: "Unaligned", value: model.unaligned.share * 100 });
  return pieChart(`Share of shipped work, ${model.period.title}`, slices);
}

/**
 * Share per problem over the last six months (the previous five and this one). With more problems than
 * colours, the largest this month are drawn and the legend says how many were left out.
 */
export function trendChart(model: ReportModel): string | null {
  const months = [...model.previous.slice(-5), { key: model.period.key, tally: model.tally }];
  if (months.length < 2) return null;
  const drawn = [...model.problems].sort((a, b) => b.share - a.share).slice(0, COLOURS.length);
  const inOrder = model.problems.filter((p) => drawn.includes(p));
  const series = inOrder.map((p, i) => ({
    label: p.title,
    color: COLOURS[i][0],
    values: months.map((m) => (m.tally.problems[p.id]?.share ?? 0) * 100),
  }));
  series.push({ label: "Unaligned", color: UNALIGNED_COLOUR[0], values: months.map((m) => m.tally.unaligned.share * 100) });
  const chart = lineChart("Share of shipped work by month, percent", months.map((m) => monthLabel(m.key)), series);
  if (!chart) return null;
  const legend = [
    ...inOrder.map((p, i) => `${COLOURS[i][1]} ${inert(p.title, 60)}`),
    `${UNALIGNED_COLOUR[1]} Unaligned`,
  ].join(" · ");
  const left = model.problems.length - inOrder.length;
  return blocks(chart, `${legend}${left > 0 ? ` (${left} smaller problems are in the table only)` : ""}`);
}

/** "2026-10" → "Oct 2026"; anything else is shown as it is. */
export function monthLabel(key: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${month} ${m[1]}` : key;
}
