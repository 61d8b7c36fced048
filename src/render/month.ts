/**
 * The month so far as the pull-request comment shows it, folded: a summary line (merged, how much served
 * the strategy, what drifts), and inside, one row per problem, then unaligned.
 */
import type { Strategy } from "../strategy/schema.js";
import { driftOf } from "../tally/drift.js";
import type { Tally } from "../tally/types.js";
import { num, percent, percentOrDash, plural, points } from "./format.js";
import { inert } from "../text/inert.js";
import { details, table } from "./markdown.js";

export interface MonthRow {
  id: string;
  title: string;
  merged: number;
  share: number;
  /** Intended share as a fraction, null when the strategy gives none. */
  intended: number | null;
  drift: boolean;
}

/**
 * Rows in strategy order. Drift is the given ids when the caller decided it, else any problem whose
 * share is off its intended share by more than `settings.drift` points (only once something merged).
 */
export function monthRows(strategy: Strategy, tally: Tally, driftIds?: readonly string[]): MonthRow[] {
  const judged = driftOf(strategy, tally).problems;
  return strategy.problems.map((p) => {
    const fig = tally.problems[p.id] ?? { merged: 0, share: 0 };
    const intended = p.share === undefined ? null : p.share / 100;
    return {
      id: p.id,
      title: inert(p.title, 120),
      merged: fig.merged,
      share: fig.share,
      intended,
      drift: driftIds ? driftIds.includes(p.id) : (judged[p.id] ?? false),
    };
  });
}

/**
 * "<details><summary>October 2026 so far: 20 pull requests merged, 45% served the strategy · ⚠️ 1 problem
 * off its intended share</summary> table, warnings </details>"; one plain line when nothing merged yet.
 */
export function monthSoFar(
  strategy: Strategy,
  tally: Tally,
  title: string,
  served: readonly string[],
  driftIds?: readonly string[],
  unlabelled?: number,
): string {
  const month = `${inert(title, 40)} so far`;
  if (tally.merged === 0) return `**${month}**: no pull requests merged into the default branch yet.`;
  const rows = monthRows(strategy, tally, driftIds);
  const drifting = rows.filter((r) => r.drift);
  const alert = driftOf(strategy, tally).unalignedAlert;
  const flags = [
    drifting.length > 0 &&
      `⚠️ ${plural(drifting.length, "problem")} off ${drifting.length === 1 ? "its" : "their"} intended share`,
    alert && "⚠️ unaligned work over the alert threshold",
  ].filter(Boolean);
  const summary = `${month}: ${plural(tally.merged, "pull request")} merged, ${percent(1 - tally.unaligned.share)} served the strategy${flags.length ? ` · ${flags.join(" · ")}` : ""}`;
  const warnings = [
    ...drifting.map((r) => `- ${driftNote(r)}`),
    ...(alert
      ? [
          `- ⚠️ ${percent(tally.unaligned.share)} of merged work serves no problem (alert at ${strategy.settings.unaligned_alert}%).`,
        ]
      : []),
  ];
  const measure =
    strategy.settings.report.measure === "author_weeks"
      ? "Shares here are of merged pull requests, from search counts; the monthly report also weighs author-weeks, the measure this strategy is held against."
      : null;
  const byLabels =
    unlabelled && unlabelled > 0
      ? `Counted by strategy labels: ${plural(unlabelled, "merged pull request")} of the month ${unlabelled === 1 ? "carries" : "carry"} none yet and ${unlabelled === 1 ? "counts" : "count"} as unaligned here; the monthly report judges ${unlabelled === 1 ? "it" : "them"} as the app would have live.`
      : "Counted by strategy labels.";
  const inside = [monthTable(rows, tally, served), warnings.join("\n"), measure, byLabels]
    .filter((s): s is string => Boolean(s))
    .join("\n\n");
  return details(summary, inside);
}

/** The compact table: problem | merged | share | intended, the served problems in bold. */
export function monthTable(rows: MonthRow[], tally: Tally, served: readonly string[]): string {
  const body = rows.map((r) => [
    served.includes(r.id) ? `**${r.title}**` : r.title,
    num(r.merged),
    `${percent(r.share)}${r.drift ? " ⚠️" : ""}`,
    percentOrDash(r.intended),
  ]);
  body.push([
    served.length === 0 ? "**Unaligned**" : "Unaligned",
    num(tally.unaligned.merged),
    percent(tally.unaligned.share),
    "—",
  ]);
  return table(["Problem", "Merged", "Share", "Intended"], body, ["left", "right", "right", "right"]);
}

/** "⚠️ Reliability: 10% of merged work against 40% intended (30 points under)." */
export function driftNote(r: MonthRow): string {
  const gap = r.intended === null ? 0 : (r.share - r.intended) * 100;
  const side = gap < 0 ? "under" : "over";
  return `⚠️ ${r.title}: ${percent(r.share)} of merged work against ${percentOrDash(r.intended)} intended (${points(gap)} ${side}).`;
}
