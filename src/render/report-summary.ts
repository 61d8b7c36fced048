/** The report's head: what a leader reads in a minute. Never trimmed. */
import type { ProblemReport, ReportModel } from "../tally/report-model.js";
import { percent, percentOrDash, plural, points, pointsChange } from "./format.js";
import { inert } from "./inert.js";
import { blocks } from "./limits.js";
import { alert } from "./markdown.js";

export function reportSummary(model: ReportModel): string {
  const { tally, period } = model;
  const context = [model.strategyName && `**${inert(model.strategyName, 120)}**`, inert(model.repo, 140), `${period.from} to ${period.to} (${inert(period.timezone, 60)})`]
    .filter(Boolean)
    .join(" · ");
  const headline =
    tally.merged === 0
      ? `**No pull requests were merged** into the default branch in ${period.title}.`
      : `**${plural(tally.merged, "pull request")} shipped** in ${period.title}; **${percent(1 - model.unaligned.share)} served the strategy**${alignedChange(model)}.`;
  const biggest = biggestDrift(model.problems);
  const driftLine = biggest
    ? `Biggest drift: **${inert(biggest.title, 120)}**, ${gapPhrase(biggest)}.`
    : model.problems.some((p) => p.intended !== null) && tally.merged > 0
      ? "Every problem is within its drift threshold of the intended share."
      : null;
  return blocks(context, [headline, driftLine].filter(Boolean).join(" "), warnings(model));
}

/** The alert call-out, when shipped work drifted from the plan or too much of it served nothing. */
function warnings(model: ReportModel): string | null {
  const lines: string[] = [];
  if (model.unaligned.alert) {
    lines.push(
      `**${percent(model.unaligned.share)} of shipped work served no problem** (${plural(model.unaligned.merged, "pull request")}). ` +
        "Either the strategy misses work that matters, or work is going where the strategy does not point.",
    );
  }
  const drifting = model.problems.filter((p) => p.drift);
  for (const p of drifting.slice(0, 5)) lines.push(`**${inert(p.title, 120)}** drifted: ${gapPhrase(p)}.`);
  if (drifting.length > 5) lines.push(`…and ${plural(drifting.length - 5, "more problem")} drifted (see the table).`);
  return lines.length ? alert("WARNING", lines.flatMap((l, i) => (i === 0 ? [l] : ["", l]))) : null;
}

/** The drifting problem furthest from its intended share. */
function biggestDrift(problems: ProblemReport[]): ProblemReport | undefined {
  const gap = (p: ProblemReport) => Math.abs(p.share - (p.intended ?? p.share));
  return problems.filter((p) => p.drift && p.intended !== null).sort((a, b) => gap(b) - gap(a))[0];
}

/** "20% of shipped work against 40% intended (20 points under)". */
function gapPhrase(p: ProblemReport): string {
  const gap = (p.share - (p.intended ?? p.share)) * 100;
  return `${percent(p.share)} of shipped work against ${percentOrDash(p.intended)} intended (${points(gap)} ${gap < 0 ? "under" : "over"})`;
}

/** " (↑ 5 pts on last month)" from the unaligned change: aligned work moves the other way. */
function alignedChange(model: ReportModel): string {
  const c = model.unaligned.change;
  return c === null ? "" : ` (${pointsChange(-c)} on the previous month)`;
}
