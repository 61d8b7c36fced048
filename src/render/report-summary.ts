/**
 * The report's head: what a leader reads in a minute. Never trimmed. The headline gives the totals and
 * how much served the strategy; the call-out names what needs attention, each thing once.
 */
import type { ProblemReport, ReportModel } from "../tally/report-model.js";
import { num, percent, percentOrDash, plural, points, pointsChange } from "./format.js";
import { inert } from "../text/inert.js";
import { blocks } from "./limits.js";
import { alert } from "./markdown.js";

export function reportSummary(model: ReportModel): string {
  const { period } = model;
  const context = [
    model.strategyName && `**${inert(model.strategyName, 120)}**`,
    inert(model.repo, 140),
    `${period.from} to ${period.to} (${inert(period.timezone, 60)})`,
  ]
    .filter(Boolean)
    .join(" · ");
  const calm =
    !model.unaligned.alert &&
    !model.problems.some((p) => p.drift) &&
    model.problems.some((p) => p.intended !== null) &&
    model.tally.merged > 0
      ? "Every problem is within its drift threshold of the intended share."
      : null;
  const notice = model.notice ? alert("NOTE", [inert(model.notice, 500)]) : null;
  return blocks(context, notice, [headline(model), calm].filter(Boolean).join(" "), warnings(model));
}

/** "**120 pull requests (24 author-weeks) shipped** in October 2026; **45% served the strategy** (↑ 3 pts on the previous month)." */
export function headline(model: ReportModel): string {
  const { tally, period } = model;
  if (tally.merged === 0) return `**No pull requests were merged** into the default branch in ${period.title}.`;
  const prs = plural(tally.merged, "pull request");
  const aw = tally.authorWeeks === undefined ? null : plural(Math.round(tally.authorWeeks * 10) / 10, "author-week");
  const shipped = model.measure === "author_weeks" && aw ? `${aw} of work (${prs})` : aw ? `${prs} (${aw})` : prs;
  const of = model.measure === "author_weeks" ? " of the author-weeks" : "";
  return `**${shipped} shipped** in ${period.title}; **${percent(1 - model.unaligned.held)}${of} served the strategy**${alignedChange(model)}.`;
}

/**
 * The call-out: too much unaligned work, then each drifting problem, largest gap first. The headline
 * already gave the shares, so the unaligned line says what the figure means rather than repeating it.
 */
function warnings(model: ReportModel): string | null {
  const lines: string[] = [];
  if (model.unaligned.alert) {
    const weeks =
      model.measure === "author_weeks" && model.unaligned.authorWeeks !== null
        ? `${num(Math.round(model.unaligned.authorWeeks * 10) / 10)} author-weeks, `
        : "";
    lines.push(
      `**Unaligned work reached the alert threshold** (\`unaligned_alert\`): ${weeks}${plural(model.unaligned.merged, "pull request")} served no problem. ` +
        "Either the strategy misses work that matters, or work is going where the strategy does not point.",
    );
  }
  const gap = (p: ProblemReport) => Math.abs(p.held - (p.intended ?? p.held));
  const drifting = model.problems.filter((p) => p.drift).sort((a, b) => gap(b) - gap(a));
  for (const p of drifting.slice(0, 5)) lines.push(`**${inert(p.title, 120)}** drifted: ${gapPhrase(model, p)}.`);
  if (drifting.length > 5) lines.push(`…and ${plural(drifting.length - 5, "more problem")} drifted (see the table).`);
  return lines.length
    ? alert(
        "WARNING",
        lines.flatMap((l, i) => (i === 0 ? [l] : ["", l])),
      )
    : null;
}

/** "20% of shipped work against 40% intended (20 points under)". */
function gapPhrase(model: ReportModel, p: ProblemReport): string {
  const gap = (p.held - (p.intended ?? p.held)) * 100;
  const what = model.measure === "author_weeks" ? "author-weeks" : "shipped work";
  return `${percent(p.held)} of ${what} against ${percentOrDash(p.intended)} intended (${points(gap)} ${gap < 0 ? "under" : "over"})`;
}

/** " (↑ 5 pts on last month)" from the unaligned change: aligned work moves the other way. */
function alignedChange(model: ReportModel): string {
  const c = model.unaligned.change;
  return c === null ? "" : ` (${pointsChange(-c)} on the previous month)`;
}
