import { describe, expect, it } from "vitest";
import { notableByProblem, notableItems } from "../../src/tally/index.js";
import { shipped } from "./items.js";

describe("notableItems", () => {
  it("ranks by size and discussion on a log scale, newest first on ties, capped", () => {
    const items = [
      shipped(1, { additions: 10, deletions: 5 }),
      shipped(2, { additions: 20000, deletions: 0 }), // a generated change: big but undiscussed
      shipped(3, { additions: 300, deletions: 100, comments: 40 }),
      shipped(4, { additions: 10, deletions: 5, mergedAt: "2026-10-30T00:00:00Z" }),
      shipped(5),
    ];
    expect(notableItems(items, 4).map((i) => i.number)).toEqual([3, 2, 4, 1]);
    expect(notableItems(items).map((i) => i.number)).toEqual([3, 2, 4, 1, 5]);
    expect(notableItems(items, 0)).toEqual([]);
  });
});

describe("notableByProblem", () => {
  it("groups by every problem served, with unaligned items under the empty id", () => {
    const items = [
      shipped(1, { problems: ["reliability", "costs"], comments: 3 }),
      shipped(2, { problems: ["reliability"] }),
      shipped(3, { problems: [] }),
    ];
    const groups = notableByProblem(items, ["reliability", "costs", "dx"]);
    expect(groups.get("reliability")?.map((i) => i.number)).toEqual([1, 2]);
    expect(groups.get("costs")?.map((i) => i.number)).toEqual([1]);
    expect(groups.get("dx")).toEqual([]);
    expect(groups.get("")?.map((i) => i.number)).toEqual([3]);
  });
});
