/** The most notable shipped items per problem (and unaligned), linked, titles inert, a few each, with what made them notable. */
import type { ReportModel, ShippedItem } from "../tally/report-model.js";
import { inert } from "../text/inert.js";
import { changeSize } from "../tally/notable.js";
import { plural } from "./format.js";
import { link } from "./links.js";

const PER_PROBLEM = 5;

export function reportNotable(model: ReportModel): string | null {
  const groups = [
    ...model.problems.map((p) => ({ title: inert(p.title, 120), items: p.notable })),
    { title: "Unaligned", items: model.unaligned.notable },
  ].filter((g) => g.items.length > 0);
  if (groups.length === 0) return null;
  const parts = groups.map((g) => {
    const lines = g.items.slice(0, PER_PROBLEM).map(itemLine);
    const more = g.items.length - PER_PROBLEM;
    if (more > 0) lines.push(`- …and ${more} more`);
    return `**${g.title}**\n\n${lines.join("\n")}`;
  });
  return `### Notable shipped work\n\n${parts.join("\n\n")}`;
}

function itemLine(item: ShippedItem): string {
  const n = Number.isInteger(item.number) ? item.number : 0;
  const repo = item.repo ? inert(item.repo, 100) : "";
  const why = reasons(item);
  return `- ${link(`${repo}#${n}`, item.url)} ${inert(item.title, 120)}${why ? ` (${why})` : ""}`;
}

/** What made it notable: "closes 2 issues, 14 comments and reviews, 1,200 lines". */
function reasons(item: ShippedItem): string {
  const talk = (item.comments ?? 0) + (item.reviews ?? 0);
  const size = Math.round(changeSize(item));
  return [
    item.closedIssues ? `closes ${plural(item.closedIssues, "issue")}` : "",
    talk > 0
      ? plural(talk, item.reviews ? "comment or review" : "comment", item.reviews ? "comments and reviews" : "comments")
      : "",
    size > 0 ? `${plural(size, "line")} changed` : "",
  ]
    .filter(Boolean)
    .join(", ");
}
