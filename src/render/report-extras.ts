/** The report's later sections: suggested rules, strategy versions and the method note. */
import type { ReportModel } from "../tally/report-model.js";
import { num, plural, shortSha } from "./format.js";
import { inert } from "../text/inert.js";
import { code, fenced } from "./markdown.js";

const SUGGESTIONS = 5;

export function reportSuggestions(model: ReportModel): string | null {
  if (model.suggestions.length === 0) return null;
  const title = (id: string) => inert(model.problems.find((p) => p.id === id)?.title ?? id, 120);
  const items = model.suggestions.slice(0, SUGGESTIONS).map((s) => {
    const rule = `${s.rule} “${inert(s.value, 120)}” would have recognised ${num(s.captured)} of them`;
    if (s.problem) {
      const why = `${num(s.alike.serving)} of the ${plural(s.alike.items, "aligned pull request")} it also matches serve it`;
      return `- ${rule}. It would serve **${title(s.problem)}**: ${why}.\n\n${indent(fenced("yaml", s.yaml))}`;
    }
    const alike =
      s.alike.items === 0
        ? "no aligned pull request matches it"
        : `the ${plural(s.alike.items, "aligned pull request")} it matches serve no one problem`;
    return `- ${rule}, but ${alike}: this looks like work outside the strategy. Is that intended? If the work matters, it may need a problem of its own.`;
  });
  return [
    "### Suggestions",
    `${plural(model.unaligned.merged, "pull request")} served no problem. Rules that would have recognised some of them, each with the problem whose work it shares:`,
    items.join("\n\n"),
  ].join("\n\n");
}

export function renderReportVersions(model: ReportModel): string | null {
  if (model.versions.length < 2) return null;
  const lines = model.versions.map((v) => `- ${sha(v.commit)} from ${inert(v.from, 30)}`);
  return `### Strategy versions\n\nThe strategy file changed during the month. Versions in force:\n\n${lines.join("\n")}`;
}

/** What counts and how, so a reader can trust (or question) the figures. `left` names trimmed sections. */
export function reportMethod(model: ReportModel, left: string[]): string {
  const { period } = model;
  const lines = [
    `Shipped work is pull requests merged into the default branch from ${period.from} to ${period.to} (${inert(period.timezone, 60)}), ` +
      "leaving out authors listed in `ignore_authors`. A pull request serving several problems is split evenly among them; " +
      "one serving none is unaligned. Changes are against the previous month, in percentage points.",
    `Strategy file at ${model.commit ? sha(model.commit) : "an unknown commit"}.`,
  ];
  if (model.tally.approximate)
    lines.push("Shares are approximate: estimated from counts rather than split item by item.");
  const notes = model.notes.slice(0, 20).map((n) => `- ${inert(n, 300)}`);
  if (left.length > 0) notes.push(`- Left out to fit GitHub's size limit: ${left.join(", ")}.`);
  return ["### Method", lines.join(" "), notes.join("\n")].filter((s) => s.length > 0).join("\n\n");
}

function sha(commit: string): string {
  return /^[0-9a-f]{7,64}$/i.test(commit) ? code(shortSha(commit)) : inert(commit, 40);
}

/** Indents a block so it stays inside the list item above it. */
function indent(text: string): string {
  return text
    .split("\n")
    .map((l) => `  ${l}`)
    .join("\n");
}
