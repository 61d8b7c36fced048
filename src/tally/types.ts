/** Shipped-work figures for one period: counts and split shares (fractions that sum to 1 with unaligned). */
export interface ProblemFigures {
  /** Pull requests serving the problem (one serving two problems counts in both). */
  merged: number;
  /** The split share of all shipped work, as a fraction 0..1. */
  share: number;
  /** Author-weeks spent on the problem (see Tally.authorWeeks); absent when not known (counts, old data). */
  authorWeeks?: number;
  /** The problem's share of all author-weeks, 0..1; absent when not known. */
  shareAuthorWeeks?: number;
}

/** The effort measures a strategy's `share`, drift and the report's headline can be held against. */
export type Measure = "pull_requests" | "author_weeks";

export interface Tally {
  /** All shipped pull requests in the period. */
  merged: number;
  /**
   * Author-weeks: each distinct pair of an author and an ISO week in which they merged pull requests in the
   * period is one unit, shared among problems and unaligned in proportion to that author's split pull
   * requests of that week. Absent when not known (the comment's counts, data written before it existed).
   */
  authorWeeks?: number;
  problems: Record<string, ProblemFigures>;
  unaligned: ProblemFigures;
  /** True when shares were estimated from counts rather than split item by item. */
  approximate?: boolean;
}
