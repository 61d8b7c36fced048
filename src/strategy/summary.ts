/**
 * The `Strategy file` check's success summary: what the strategy defines, at a glance, so a reviewer can
 * see that the file says what they meant.
 */
import { inert } from "../text/inert.js";
import type { Problem, Strategy } from "./schema.js";

const RULES = [
  ["labels", "label", "labels"],
  ["keywords", "keyword", "keywords"],
  ["patterns", "pattern", "patterns"],
  ["paths", "path", "paths"],
  ["branches", "branch", "branches"],
  ["milestones", "milestone", "milestones"],
  ["authors", "author", "authors"],
] as const;

export function summarizeStrategy(s: Strategy): string {
  const count = s.problems.length === 1 ? "1 problem" : `${s.problems.length} problems`;
  const heading = [s.name ? `**${inert(s.name, 100)}**` : "**Strategy**", s.status, count];
  if (s.effective?.from || s.effective?.until)
    heading.push(`in force ${s.effective.from ?? "…"} to ${s.effective.until ?? "…"}`);
  const planned = s.problems.reduce((sum, p) => sum + (p.share ?? 0), 0);
  return [
    heading.join(" · "),
    "",
    "| Problem | Label | Intended share | Recognised by | Metrics | Plan |",
    "| --- | --- | ---: | --- | ---: | ---: |",
    ...s.problems.map(row),
    "",
    planned > 0 ? `Intended shares add up to ${format(planned)}%.` : "No intended shares are set.",
    settingsLine(s),
  ].join("\n");
}

function row(p: Problem): string {
  const share = p.share === undefined ? "–" : `${format(p.share)}%`;
  const cells = [
    `${inert(p.title, 80)} (\`${p.id}\`)`,
    inert(p.label, 50),
    share,
    rules(p),
    String(p.metrics.length),
    String(p.plan.length),
  ];
  return `| ${cells.join(" | ")} |`;
}

function rules(p: Problem): string {
  const parts = RULES.flatMap(([key, one, many]) => {
    const n = p.match[key].length;
    return n === 0 ? [] : [`${n} ${n === 1 ? one : many}`];
  });
  return parts.length === 0 ? "explicit choices only" : parts.join(", ");
}

function settingsLine(s: Strategy): string {
  const { check, comment, report } = s.settings;
  const checkWord = check === "off" ? "off" : check === "warn" ? "warns" : "required";
  return `Alignment check ${checkWord}; progress comment ${comment ? "on" : "off"}; monthly report in ${inert(report.category, 60)} at \`${report.schedule}\` (${inert(report.timezone, 60)}).`;
}

function format(n: number): string {
  return String(Math.round(n * 10) / 10);
}
