/**
 * The per-problem table: merged pull requests and author-weeks with their split shares, the intended
 * share, change and issues closed. Each problem links to the search listing its merged pull requests.
 */
import type { ReportModel } from "../tally/report-model.js";
import { num, percent, percentOrDash, pointsChange } from "./format.js";
import { inert } from "../text/inert.js";
import { labelQualifier, link, mergedSearchUrl, notAuthorQualifier, orgMergedSearchUrl } from "./links.js";
import { table } from "./markdown.js";

/** Author-weeks are sums of fractions: one decimal is enough to read. */
const weeks = (value: number | null) => (value === null ? "—" : num(Math.round(value * 10) / 10));
const shareOrDash = (value: number | null) => (value === null ? "—" : percent(value));

export function reportTable(model: ReportModel): string {
  const byWeeks = model.measure === "author_weeks";
  const flag = (held: boolean, on: boolean) => (held && on ? " ⚠️" : "");
  const search = model.search;
  const searchLink = (text: string, qualifiers: string[]) =>
    search
      ? link(
          text,
          model.organisation?.qualifier
            ? orgMergedSearchUrl(model.organisation.qualifier, search.range, [
                ...qualifiers,
                ...search.excludeAuthors.map(notAuthorQualifier),
              ])
            : mergedSearchUrl(model.repo, search.base, search.range, [
                ...qualifiers,
                ...search.excludeAuthors.map(notAuthorQualifier),
              ]),
        )
      : text;
  const title = (text: string, label: string) => searchLink(text, [labelQualifier(label)]);
  const rows = model.problems.map((p) => [
    title(inert(p.title, 120), p.label),
    num(p.merged),
    `${percent(p.share)}${flag(!byWeeks, p.drift)}`,
    weeks(p.authorWeeks),
    `${shareOrDash(p.shareAuthorWeeks)}${flag(byWeeks, p.drift)}`,
    percentOrDash(p.intended),
    pointsChange(p.change),
    num(p.issuesClosed),
  ]);
  const u = model.unaligned;
  rows.push([
    "_Unaligned_",
    num(u.merged),
    `${percent(u.share)}${flag(!byWeeks, u.alert)}`,
    weeks(u.authorWeeks),
    `${shareOrDash(u.shareAuthorWeeks)}${flag(byWeeks, u.alert)}`,
    "—",
    pointsChange(u.change),
    "—",
  ]);
  const intended = model.problems.reduce((sum, p) => sum + (p.intended ?? 0), 0);
  const shipped = model.tally.merged > 0;
  const all = searchLink("All shipped work", []);
  rows.push([
    `**${all}**`,
    `**${num(model.tally.merged)}**`,
    shipped ? "100%" : "—",
    `**${weeks(model.tally.authorWeeks ?? null)}**`,
    shipped && model.tally.authorWeeks !== undefined ? "100%" : "—",
    intended > 0 ? percent(intended) : "—",
    "",
    "",
  ]);
  const held = byWeeks ? "Shares of author-weeks are" : "Shares of pull requests are";
  return [
    table(
      [
        "Problem",
        "Merged PRs",
        "Share of PRs",
        "Author-weeks",
        "Share of author-weeks",
        "Intended",
        "vs last month",
        "Issues closed",
      ],
      rows,
      ["left", "right", "right", "right", "right", "right", "right", "right"],
    ),
    "",
    "A pull request serving several problems counts in each of their rows, and its share is split evenly among them, so shares add up to 100%. " +
      "An author-week is one person's week with merged work, shared among what they merged that week. " +
      `${held} held against the intended share (\`settings.report.measure\`). Each problem links to its merged pull requests on GitHub.`,
  ].join("\n");
}
