/**
 * An organisation report's own sections: shipped work by repository, the repositories that carry each
 * problem, those with the most unaligned work, and the repositories left out (and why).
 */
import type { OrganisationReport, ReportModel, RepositoryFigures } from "../tally/report-model.js";
import { carriers, mostUnaligned } from "../tally/organisation.js";
import { listJoin, num, percent, plural } from "./format.js";
import { inert } from "../text/inert.js";
import { table } from "./markdown.js";

/** Rows of the repository table; the rest are summed up in one line (every figure is in the data comment). */
export const REPOSITORY_ROWS = 40;
const LEFT_OUT_NAMES = 30;

const TIES: Record<RepositoryFigures["tie"], string> = {
  organisation: "the strategy's home",
  inherits: "inherits",
  extends: "extends",
};

export function reportRepositories(model: ReportModel): string | null {
  const org = model.organisation;
  if (!org) return null;
  const shown = [...org.repositories].sort((a, b) => b.merged - a.merged || a.name.localeCompare(b.name));
  const rows = shown
    .slice(0, REPOSITORY_ROWS)
    .map((r) => [
      inert(r.name, 100),
      TIES[r.tie],
      num(r.merged),
      ...model.problems.map((p) => (r.merged === 0 ? "—" : percent(r.shares[p.id] ?? 0))),
      r.merged === 0 ? "—" : percent(r.unalignedShare),
    ]);
  const headers = [
    "Repository",
    "Strategy",
    "Merged PRs",
    ...model.problems.map((p) => inert(p.title, 40)),
    "Unaligned",
  ];
  const parts = [
    "### Shipped work by repository",
    table(headers, rows, ["left", "left", ...headers.slice(2).map(() => "right" as const)]),
  ];
  const rest = shown.slice(REPOSITORY_ROWS);
  if (rest.length > 0) {
    const merged = rest.reduce((sum, r) => sum + r.merged, 0);
    parts.push(
      `…and ${plural(rest.length, "more repository", "more repositories")} with ${plural(merged, "pull request")} between them (each is in the report's data).`,
    );
  }
  parts.push(
    "Shares are of each repository's own shipped work; a repository that extends the strategy judges its pull requests by its own rules added to the organisation's.",
  );
  return parts.join("\n\n");
}

export function reportCarriers(model: ReportModel): string | null {
  const org = model.organisation;
  if (!org || model.tally.merged === 0) return null;
  const lines = model.problems.map((p) => {
    const top = carriers(org.repositories, p.id);
    if (top.length === 0) return `- **${inert(p.title, 120)}**: no pull request served it.`;
    const names = top.map((r) => {
      const served = r.problems[p.id] ?? 0;
      return `${inert(r.name, 100)} (${num(served)}, ${percent(p.merged === 0 ? 0 : served / p.merged)})`;
    });
    return `- **${inert(p.title, 120)}**: ${listJoin(names)}`;
  });
  const unaligned = mostUnaligned(org.repositories).map(
    (r) => `${inert(r.name, 100)} (${plural(r.unaligned, "pull request")}, ${percent(r.unalignedShare)} of its work)`,
  );
  return [
    "### Where each problem's work happens",
    "The repositories with the most pull requests serving each problem (and their part of that problem's pull requests):",
    lines.join("\n"),
    "### Most unaligned work",
    unaligned.length > 0 ? unaligned.map((l) => `- ${l}`).join("\n") : "Every pull request served a problem.",
  ].join("\n\n");
}

export function reportLeftOut(org: OrganisationReport | undefined): string | null {
  if (!org || org.leftOut.length === 0) return null;
  const lines = org.leftOut.slice(0, LEFT_OUT_NAMES).map((r) => `- ${inert(r.name, 100)}: ${inert(r.reason, 300)}`);
  if (org.leftOut.length > LEFT_OUT_NAMES)
    lines.push(`- …and ${plural(org.leftOut.length - LEFT_OUT_NAMES, "more repository", "more repositories")}`);
  return ["### Repositories not in this report", lines.join("\n")].join("\n\n");
}
