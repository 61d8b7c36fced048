/**
 * The report's figures as JSON in a hidden comment at its end (docs/contract.md §5), so later reports read
 * their trends from it and other tools can too. The shape is a contract: keys are only ever added.
 */
import type { ReportModel, RepositoryFigures } from "./report-model.js";

export interface DataMetric {
  name: string;
  baseline: number | null;
  current: number | null;
  target: number;
  progress: number | null;
}

export interface DataProblem {
  merged: number;
  share: number;
  /** Author-weeks spent on it, and their share (null when the report could not know them). */
  author_weeks?: number | null;
  share_author_weeks?: number | null;
  /** Present when the strategy defines metrics for the problem. */
  metrics?: DataMetric[];
  /** Present when the strategy defines a plan for the problem. */
  plan?: { done: number | null; total: number | null };
  /** Present (true) only when the share drifts from the intended share. */
  drift?: true;
}

export interface ReportData {
  version: 1;
  period: { from: string; to: string; timezone: string };
  commit: string | null;
  merged: number;
  /** All author-weeks of the period (null when unknown). */
  author_weeks?: number | null;
  /** Which measure `share`, drift and the headline were held against (`settings.report.measure`). */
  measure?: "pull_requests" | "author_weeks";
  problems: Record<string, DataProblem>;
  unaligned: { merged: number; share: number; author_weeks?: number | null; share_author_weeks?: number | null };
  /** An organisation report's: "organisation". */
  scope?: "organisation";
  /** An organisation report's figures by repository name (without the owner): counts as above. */
  repositories?: Record<string, DataRepository>;
  /** Repositories in scope whose figures did not fit in the comment (the smallest), when any. */
  repositories_left_out?: number;
}

export interface DataRepository {
  merged: number;
  /** Per problem id: pull requests serving it; ids with none are left out when the whole would not fit. */
  problems: Record<string, number>;
  unaligned: number;
}

/** The room the repositories may take in the data comment, so the report stays within GitHub's limit. */
export const DATA_REPOSITORIES_BUDGET = 30_000;

export const DATA_MARKER = "throughline:data";

export function reportData(model: ReportModel): ReportData {
  const problems: Record<string, DataProblem> = {};
  for (const p of model.problems) {
    const entry: DataProblem = { merged: p.merged, share: p.share, ...weeksOf(model.tally.problems[p.id]) };
    if (p.metrics.length > 0) {
      entry.metrics = p.metrics.map((m) => ({
        name: m.name,
        baseline: m.baseline,
        current: m.current,
        target: m.target,
        progress: m.progress,
      }));
    }
    if (p.plan) entry.plan = { done: p.plan.done, total: p.plan.total };
    if (p.drift) entry.drift = true;
    problems[p.id] = entry;
  }
  const data: ReportData = {
    version: 1,
    period: { from: model.period.from, to: model.period.to, timezone: model.period.timezone },
    commit: model.commit,
    merged: model.tally.merged,
    author_weeks: round(model.tally.authorWeeks),
    measure: model.measure,
    problems,
    unaligned: { merged: model.unaligned.merged, share: model.unaligned.share, ...weeksOf(model.tally.unaligned) },
  };
  if (model.organisation)
    Object.assign(data, { scope: "organisation" }, dataRepositories(model.organisation.repositories));
  return data;
}

/**
 * Every repository in scope with its counts. Should a very large organisation not fit, first the zero
 * counts per problem are left out (absent means none), then the smallest repositories, counted in
 * `repositories_left_out`.
 */
function dataRepositories(
  repositories: RepositoryFigures[],
): Pick<ReportData, "repositories" | "repositories_left_out"> {
  const entry = (r: RepositoryFigures, zeros: boolean): DataRepository => ({
    merged: r.merged,
    problems: Object.fromEntries(Object.entries(r.problems).filter(([, n]) => zeros || n > 0)),
    unaligned: r.unaligned,
  });
  const size = (all: Record<string, DataRepository>) => JSON.stringify(all).length;
  const full = Object.fromEntries(repositories.map((r) => [r.name, entry(r, true)]));
  if (size(full) <= DATA_REPOSITORIES_BUDGET) return { repositories: full };
  const compact = Object.fromEntries(repositories.map((r) => [r.name, entry(r, false)]));
  if (size(compact) <= DATA_REPOSITORIES_BUDGET) return { repositories: compact };
  const largest = [...repositories].sort((a, b) => b.merged - a.merged || a.name.localeCompare(b.name));
  const kept: Record<string, DataRepository> = {};
  let used = 2;
  let count = 0;
  for (const r of largest) {
    const compacted = entry(r, false);
    const cost = JSON.stringify({ [r.name]: compacted }).length;
    if (used + cost > DATA_REPOSITORIES_BUDGET) break;
    kept[r.name] = compacted;
    used += cost;
    count += 1;
  }
  const sorted = Object.fromEntries(Object.entries(kept).sort(([a], [b]) => a.localeCompare(b)));
  return { repositories: sorted, repositories_left_out: repositories.length - count };
}

/** Author-weeks are sums of fractions: kept to four decimals, plenty for trends and small in the comment. */
const round = (value: number | undefined): number | null =>
  value === undefined ? null : Math.round(value * 1e4) / 1e4;

function weeksOf(figures: { authorWeeks?: number; shareAuthorWeeks?: number } | undefined) {
  return { author_weeks: round(figures?.authorWeeks), share_author_weeks: figures?.shareAuthorWeeks ?? null };
}

/**
 * `<!-- throughline:data {...} -->`. User text (metric names) could hold "-->" and end the comment early,
 * or "<" and open markup, so <, > and & are written as JSON unicode escapes: same value, inert in HTML.
 */
export function dataComment(model: ReportModel): string {
  const json = JSON.stringify(reportData(model)).replace(
    /[<>&]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  return `<!-- ${DATA_MARKER} ${json} -->`;
}
