/** Plan progress per problem: done of total, each entry, entries that name nothing flagged. */
import type { PlanEntryReport, ReportModel } from "../tally/report-model.js";
import { num, percent } from "./format.js";
import { inert } from "../text/inert.js";
import { fitLines } from "./limits.js";

/** With `compact`, only each problem's totals and its missing entries (what needs fixing) are listed. */
export function reportPlan(model: ReportModel, opts: { compact: boolean; budget: number }): string | null {
  const withPlan = model.problems.filter((p) => p.plan && p.plan.entries.length > 0);
  if (withPlan.length === 0) return null;
  const lines: string[] = [];
  for (const p of withPlan) {
    const plan = p.plan!;
    const ratio = plan.done !== null && plan.total ? ` (${percent(plan.done / plan.total)})` : "";
    lines.push(`**${inert(p.title, 120)}**: ${num(plan.done)} of ${num(plan.total)} plan issues done${ratio}.`, "");
    const entries = opts.compact ? plan.entries.filter((e) => e.missing) : plan.entries;
    const where = model.organisation ? "in the repositories reported on" : "in this repository";
    lines.push(...entries.slice(0, 25).map((e) => entryLine(e, where)));
    if (entries.length > 25) lines.push(`- …and ${entries.length - 25} more entries.`);
    lines.push("");
  }
  const kept = fitLines(lines, opts.budget - 20, (n) => `\n…and ${n} more lines left out to fit GitHub's size limit.`);
  return `### Plan\n\n${kept.join("\n").trim()}`;
}

function entryLine(e: PlanEntryReport, where: string): string {
  const title = inert(e.title, 120);
  if (e.missing) return `- ⚠️ ${title}: ${refPhrase(e)} does not exist ${where}, so it counts nothing.`;
  const finished = e.total !== null && e.total > 0 && e.done !== null && e.done >= e.total;
  const mark = finished ? "✅" : "⏳";
  const count =
    e.kind === "issue" ? (e.state ? `, ${inert(e.state, 20)}` : "") : `: ${num(e.done)} of ${num(e.total)} done`;
  const due = e.due ? `, due ${inert(e.due, 30)}` : "";
  return `- ${mark} ${title}: ${refPhrase(e)}${count}${due}`;
}

/** "#123", "milestone “Q4”", "label “sre”". An issue number is written plainly so GitHub links it. */
function refPhrase(e: PlanEntryReport): string {
  if (e.kind === "issue")
    return /^([A-Za-z0-9._-]+\/)?([A-Za-z0-9._-]+)?#\d+$/.test(e.ref) ? e.ref : `issue ${inert(e.ref, 30)}`;
  return `${e.kind} “${inert(e.ref, 120)}”`;
}
