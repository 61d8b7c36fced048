/**
 * The month-so-far figures of the pull-request comment, from search result counts alone (a handful of
 * queries whatever the month's size) instead of reading every merged pull request.
 */
import type { Strategy } from "../strategy/schema.js";
import type { Tally } from "./types.js";

export interface SearchCounts {
  /** Merged pull requests in the period (ignored authors already excluded by the query). */
  merged: number;
  /** Per problem id: merged pull requests carrying its label. */
  problems: Record<string, number>;
  /** Merged pull requests carrying at least one strategy label. */
  aligned: number;
}

/**
 * When the per-problem counts add up to `aligned`, no pull request serves two problems and the split is
 * exact. Otherwise some serve several and counts cannot tell which, so the aligned share is apportioned
 * by count and the tally is marked approximate.
 */
export function tallyFromCounts(strategy: Strategy, counts: SearchCounts): Tally {
  const merged = Math.max(0, counts.merged);
  const aligned = Math.min(Math.max(0, counts.aligned), merged);
  const perProblem = strategy.problems.map((p) => [p.id, Math.max(0, counts.problems[p.id] ?? 0)] as const);
  const sum = perProblem.reduce((acc, [, n]) => acc + n, 0);
  const exact = sum === aligned;
  const share = (n: number) => {
    if (merged === 0) return 0;
    if (exact) return n / merged;
    return sum === 0 ? 0 : (aligned / merged) * (n / sum);
  };
  const tally: Tally = {
    merged,
    problems: Object.fromEntries(perProblem.map(([id, n]) => [id, { merged: n, share: share(n) }])),
    unaligned: { merged: merged - aligned, share: merged === 0 ? 0 : (merged - aligned) / merged },
  };
  if (!exact) tally.approximate = true;
  return tally;
}
