import { describe, expect, it } from "vitest";
import { tallyFromCounts } from "../../src/tally/index.js";
import { strategy } from "./strategy.js";

describe("tallyFromCounts", () => {
  it("is exact when per-problem counts add up to the aligned count", () => {
    const tally = tallyFromCounts(strategy(), { merged: 10, problems: { reliability: 4, costs: 2 }, aligned: 6 });
    expect(tally).toEqual({
      merged: 10,
      problems: {
        reliability: { merged: 4, share: 0.4 },
        costs: { merged: 2, share: 0.2 },
        dx: { merged: 0, share: 0 },
      },
      unaligned: { merged: 4, share: 0.4 },
    });
  });

  it("apportions the aligned share by count and says so when items serve several problems", () => {
    // 5 aligned pull requests carry 6 labels: one serves two problems, which counts cannot place.
    const tally = tallyFromCounts(strategy(), { merged: 10, problems: { reliability: 4, costs: 2 }, aligned: 5 });
    expect(tally.approximate).toBe(true);
    expect(tally.problems.reliability).toEqual({ merged: 4, share: 0.5 * (4 / 6) });
    expect(tally.problems.costs!.share).toBeCloseTo(0.5 * (2 / 6), 12);
    expect(tally.unaligned).toEqual({ merged: 5, share: 0.5 });
    const sum = Object.values(tally.problems).reduce((acc, p) => acc + p.share, tally.unaligned.share);
    expect(sum).toBeCloseTo(1, 12);
  });

  it("gives zeros, not NaN, for an empty month", () => {
    const tally = tallyFromCounts(strategy(), { merged: 0, problems: {}, aligned: 0 });
    expect(tally).toEqual({
      merged: 0,
      problems: { reliability: { merged: 0, share: 0 }, costs: { merged: 0, share: 0 }, dx: { merged: 0, share: 0 } },
      unaligned: { merged: 0, share: 0 },
    });
  });

  it("never lets the aligned count exceed what merged", () => {
    // Two searches run a moment apart can disagree; the unaligned row must not go negative.
    const tally = tallyFromCounts(strategy(), { merged: 3, problems: { reliability: 4 }, aligned: 4 });
    expect(tally.unaligned).toEqual({ merged: 0, share: 0 });
  });
});
