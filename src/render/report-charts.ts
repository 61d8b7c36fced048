/**
 * The report's two charts: this month's shares as a pie, the last six months as lines with a legend. Both
 * use one colour per problem, in the legend's order, so a problem reads the same in either chart. Shares
 * are those held against intended shares (`settings.report.measure`).
 */
import type { ProblemReport, ReportModel } from "../tally/report-model.js";
import { measuredBy, shareIn } from "../tally/measure.js";
import { inert } from "../text/inert.js";
import { blocks } from "./limits.js";
import { lineChart, pieChart } from "./mermaid.js";

/** Line colours and the emoji squares that name them in the legend. */
const COLOURS: [string, string][] = [
  ["#d73a4a", "🟥"],
  ["#0969da", "🟦"],
  ["#2da44e", "🟩"],
  ["#d4a72c", "🟨"],
  ["#8250df", "🟪"],
  ["#e16f24", "🟧"],
  ["#8b5a2b", "🟫"],
];
/** Unaligned work, in a mid grey that shows on light and dark backgrounds. */
export const UNALIGNED_COLOUR: [string, string] = ["#8c959f", "⬛"];
/** Problems beyond the colours, drawn as one slice in the pie. */
export const OTHER_COLOUR: [string, string] = ["#d0d7de", "⬜"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export interface Coloured {
  problem: ProblemReport;
  color: string;
  square: string;
}

/**
 * The problems that get a colour, in strategy order: all of them when they fit, else the largest this
 * month. The rest are "other problems" (one pie slice, not drawn as lines).
 */
export function chartColours(model: ReportModel): { coloured: Coloured[]; others: ProblemReport[] } {
  const drawn = [...model.problems].sort((a, b) => b.held - a.held).slice(0, COLOURS.length);
  const inOrder = model.problems.filter((p) => drawn.includes(p));
  return {
    coloured: inOrder.map((problem, i) => {
      const [color, square] = COLOURS[i]!; // at most one problem per colour was drawn
      return { problem, color, square };
    }),
    others: model.problems.filter((p) => !drawn.includes(p)),
  };
}

const measureWords = (model: ReportModel) => (model.measure === "author_weeks" ? "author-weeks" : "shipped work");

export function sharePie(model: ReportModel): string | null {
  if (model.tally.merged === 0) return null;
  const { coloured, others } = chartColours(model);
  const slices = coloured.map((c) => ({ label: c.problem.title, value: c.problem.held * 100, color: c.color }));
  const rest = others.reduce((sum, p) => sum + p.held, 0);
  if (rest > 0) slices.push({ label: `${others.length} other problems`, value: rest * 100, color: OTHER_COLOUR[0] });
  slices.push({ label: "Unaligned", value: model.unaligned.held * 100, color: UNALIGNED_COLOUR[0] });
  return pieChart(`Share of ${measureWords(model)}, ${model.period.title}`, slices);
}

/**
 * Share per problem over the last six months (the previous five and this one), months read in the same
 * measure; with more problems than colours, the largest this month are drawn and the legend says how many
 * were left out.
 */
export function trendChart(model: ReportModel): string | null {
  const months = [
    ...model.previous.filter((m) => measuredBy(m.tally, model.measure) === model.measure).slice(-5),
    { key: model.period.key, tally: model.tally },
  ];
  if (months.length < 2) return null;
  const { coloured } = chartColours(model);
  const series = coloured.map((c) => ({
    label: c.problem.title,
    color: c.color,
    values: months.map((m) => shareIn(m.tally.problems[c.problem.id], model.measure) * 100),
  }));
  series.push({
    label: "Unaligned",
    color: UNALIGNED_COLOUR[0],
    values: months.map((m) => shareIn(m.tally.unaligned, model.measure) * 100),
  });
  const chart = lineChart(
    `Share of ${measureWords(model)} by month, percent`,
    months.map((m) => monthLabel(m.key)),
    series,
  );
  if (!chart) return null;
  const legend = [
    ...coloured.map((c) => `${c.square} ${inert(c.problem.title, 60)}`),
    `${UNALIGNED_COLOUR[1]} Unaligned`,
  ].join(" · ");
  const left = model.problems.length - coloured.length;
  return blocks(chart, `${legend}${left > 0 ? ` (${left} smaller problems are in the table only)` : ""}`);
}

/** "2026-10" → "Oct 2026"; anything else is shown as it is. */
export function monthLabel(key: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${month} ${m[1]}` : key;
}
