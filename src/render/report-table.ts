/** The per-problem table: merged pull requests, split share against intended, change, issues closed. */
import type { ReportModel } from "../tally/report-model.js";
import { num, percent, percentOrDash, pointsChange } from "./format.js";
import { inert } from "./inert.js";
import { table } from "./markdown.js";

export function reportTable(model: ReportModel): string {
  const rows = model.problems.map((p) => [
    inert(p.title, 120),
    num(p.merged),
    `${percent(p.share)}${p.drift ? " ⚠️" : ""}`,
    percentOrDash(p.intended),
    pointsChange(p.change),
    num(p.issuesClosed),
  ]);
  const u = model.unaligned;
  rows.push(["_Unaligned_", num(u.merged), `${percent(u.share)}${u.alert ? " ⚠️" : ""}`, "—", pointsChange(u.change), "—"]);
  const intended = model.problems.reduce((sum, p) => sum + (p.intended ?? 0), 0);
  rows.push(["**All shipped work**", `**${num(model.tally.merged)}**`, model.tally.merged > 0 ? "100%" : "—", intended > 0 ? percent(intended) : "—", "", ""]);
  return [
    table(
      ["Problem", "Merged PRs", "Share", "Intended", "vs last month", "Issues closed"],
      rows,
      ["left", "right", "right", "right", "right", "right"],
    ),
    "",
    "A pull request serving several problems counts in each of their rows, and its share is split evenly among them, so shares add up to 100%.",
  ].join("\n");
}
