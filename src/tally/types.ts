/** Shipped-work figures for one period: counts and split shares (fractions that sum to 1 with unaligned). */
export interface ProblemFigures {
  /** Pull requests serving the problem (one serving two problems counts in both). */
  merged: number;
  /** The split share of all shipped work, as a fraction 0..1. */
  share: number;
}

export interface Tally {
  /** All shipped pull requests in the period. */
  merged: number;
  problems: Record<string, ProblemFigures>;
  unaligned: ProblemFigures;
  /** True when shares were estimated from counts rather than split item by item. */
  approximate?: boolean;
}
