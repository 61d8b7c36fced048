import { describe, expect, it } from "vitest";
import { fillCountQuery, metricProgress, monthPeriod } from "../../src/tally/index.js";

describe("metricProgress", () => {
  it.each([
    // baseline, current, target, progress
    { name: "down is better, part way", baseline: 6, current: 4, target: 1, progress: 0.4 },
    { name: "down is better, reached", baseline: 6, current: 1, target: 1, progress: 1 },
    { name: "down is better, beyond the target", baseline: 6, current: 0, target: 1, progress: 1.2 },
    { name: "down is better, moved the wrong way", baseline: 6, current: 9, target: 1, progress: -0.6 },
    { name: "up is better, part way", baseline: 50, current: 80, target: 100, progress: 0.6 },
    { name: "up is better, beyond the target", baseline: 50, current: 150, target: 100, progress: 2 },
    { name: "up is better, not moved", baseline: 50, current: 50, target: 100, progress: 0 },
    { name: "unknown baseline", baseline: null, current: 4, target: 1, progress: null },
    { name: "unknown current", baseline: 6, current: null, target: 1, progress: null },
    { name: "baseline undefined", baseline: undefined, current: 4, target: 1, progress: null },
    { name: "a level to hold, held", baseline: 0, current: 0, target: 0, progress: 1 },
    { name: "a level to hold, lost", baseline: 0, current: 2, target: 0, progress: 0 },
  ])("$name", ({ baseline, current, target, progress }) => {
    const result = metricProgress(baseline, current, target);
    if (progress === null) expect(result).toBeNull();
    else expect(result).toBeCloseTo(progress, 12);
  });
});

describe("fillCountQuery", () => {
  it("puts the period's search range wherever {period} appears", () => {
    expect(fillCountQuery("is:issue label:sev1 created:{period}", monthPeriod("2026-10", "UTC"))).toBe(
      "is:issue label:sev1 created:2026-10-01..2026-10-31",
    );
    expect(fillCountQuery("created:{period} -closed:{period}", monthPeriod("2026-03", "America/New_York"))).toBe(
      "created:2026-03-01T00:00:00-05:00..2026-03-31T23:59:59-04:00 -closed:2026-03-01T00:00:00-05:00..2026-03-31T23:59:59-04:00",
    );
    expect(fillCountQuery("is:pr label:flaky", monthPeriod("2026-10", "UTC"))).toBe("is:pr label:flaky");
  });
});
