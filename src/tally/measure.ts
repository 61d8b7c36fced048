/**
 * The effort measure in use (`settings.report.measure`): which share `share`, drift and the headline are
 * held against. Pull requests are always known; author-weeks only where the items were read one by one, so
 * a figure without them falls back to pull requests and says so (`measuredBy`).
 */
import type { Measure, ProblemFigures, Tally } from "./types.js";

/** Whether the tally carries author-weeks. */
export const hasAuthorWeeks = (tally: Tally): boolean => tally.authorWeeks !== undefined;

/** The measure a tally's shares are read in: the one asked for, or pull requests when it lacks author-weeks. */
export function measuredBy(tally: Tally, measure: Measure): Measure {
  return measure === "author_weeks" && hasAuthorWeeks(tally) ? "author_weeks" : "pull_requests";
}

/** The share of one row in `measure` (already resolved with measuredBy). */
export function shareIn(figures: ProblemFigures | undefined, measure: Measure): number {
  if (!figures) return 0;
  return measure === "author_weeks" ? (figures.shareAuthorWeeks ?? 0) : figures.share;
}

/** The total effort of the period in `measure`: pull requests or author-weeks. */
export function totalIn(tally: Tally, measure: Measure): number {
  return measure === "author_weeks" ? (tally.authorWeeks ?? 0) : tally.merged;
}
