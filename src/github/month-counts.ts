/**
 * The month-so-far figures for the pull-request comment at a flat cost: a handful of search counts
 * (aliases inside the one pull-request query), never a walk through the month's pull requests.
 */
import type { Strategy } from "../strategy/schema.js";

export interface CountsScope {
  owner: string;
  repo: string;
  defaultBranch: string;
  /** A GitHub search range for the month, e.g. 2026-11-01..2026-11-30. */
  range: string;
}

/** GitHub search names a bot author `app/<slug>`. */
export function authorQualifier(login: string): string {
  const bot = /^(.+)\[bot\]$/i.exec(login);
  return bot ? `app/${bot[1]}` : login;
}

const quoted = (label: string) => `"${label.replace(/"/g, "")}"`;

export function countQueries(strategy: Strategy, scope: CountsScope): Record<string, string> {
  const excluded = strategy.settings.ignore_authors.map((a) => ` -author:${authorQualifier(a)}`).join("");
  const base = `repo:${scope.owner}/${scope.repo} is:pr is:merged base:${scope.defaultBranch} merged:${scope.range}${excluded}`;
  const queries: Record<string, string> = {
    total: base,
    aligned: `${base} label:${strategy.problems.map((p) => quoted(p.label)).join(",")}`,
  };
  for (const [i, p] of strategy.problems.entries()) queries[`p${i}`] = `${base} label:${quoted(p.label)}`;
  return queries;
}

/** The answer to countFields: each alias `count_<name>` with its search's count. */
export type MonthCounts = Partial<Record<`count_${string}`, { issueCount: number } | null>>;

/** GraphQL fields: one aliased `search { issueCount }` per query. */
export function countFields(queries: Record<string, string>): string {
  return Object.entries(queries)
    .map(([alias, q]) => `count_${alias}: search(type: ISSUE, first: 0, query: ${JSON.stringify(q)}) { issueCount }`)
    .join("\n  ");
}

export function countsFrom(strategy: Strategy, data: MonthCounts) {
  const read = (alias: string) => data[`count_${alias}`]?.issueCount ?? 0;
  const problems: Record<string, number> = {};
  for (const [i, p] of strategy.problems.entries()) problems[p.id] = read(`p${i}`);
  const merged = read("total");
  const aligned = read("aligned");
  // Merged pull requests of the month with no strategy label (nor the unaligned label) yet.
  const unlabelled = Math.max(0, merged - aligned - (strategy.settings.unaligned_label ? read("unalignedLabel") : 0));
  return { merged, aligned, problems, unlabelled };
}
