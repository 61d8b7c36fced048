import { describe, expect, it } from "vitest";
import { createTallier, tallyItems, type CountedItem } from "../../src/tally/index.js";
import { strategy, withSettings } from "./strategy.js";

const item = (author: string, ...problems: string[]): CountedItem => ({ author, problems });

describe("tallyItems", () => {
  it.each([
    {
      name: "an empty month: every problem at 0, no NaN",
      items: [],
      expected: { merged: 0, reliability: [0, 0], costs: [0, 0], dx: [0, 0], unaligned: [0, 0] },
    },
    {
      name: "a single aligned item",
      items: [item("ada", "reliability")],
      expected: { merged: 1, reliability: [1, 1], costs: [0, 0], dx: [0, 0], unaligned: [0, 0] },
    },
    {
      name: "an item serving two problems counts in both and is split in half",
      items: [item("ada", "reliability", "costs"), item("bob", "reliability")],
      expected: { merged: 2, reliability: [2, 0.75], costs: [1, 0.25], dx: [0, 0], unaligned: [0, 0] },
    },
    {
      name: "unaligned work is its own row",
      items: [item("ada", "reliability"), item("bob"), item("cy"), item("dee", "dx")],
      expected: { merged: 4, reliability: [1, 0.25], costs: [0, 0], dx: [1, 0.25], unaligned: [2, 0.5] },
    },
    {
      name: "ignored authors are not counted, whatever their case",
      items: [item("Dependabot[bot]", "costs"), item("renovate[bot]"), item("ada", "reliability")],
      expected: { merged: 1, reliability: [1, 1], costs: [0, 0], dx: [0, 0], unaligned: [0, 0] },
    },
    {
      name: "ids the strategy does not define are dropped; an item left with none is unaligned",
      items: [item("ada", "retired-problem"), item("bob", "retired-problem", "dx"), item("cy", "dx", "dx")],
      expected: { merged: 3, reliability: [0, 0], costs: [0, 0], dx: [2, 2 / 3], unaligned: [1, 1 / 3] },
    },
  ])("$name", ({ items, expected }) => {
    const s = withSettings({ ignore_authors: ["dependabot[bot]", "RENOVATE[bot]"] });
    const tally = tallyItems(s, items);
    expect(tally.merged).toBe(expected.merged);
    for (const id of ["reliability", "costs", "dx"] as const) {
      expect(tally.problems[id]!.merged, id).toBe(expected[id][0]);
      expect(tally.problems[id]!.share, id).toBeCloseTo(expected[id][1]!, 12);
    }
    expect(tally.unaligned.merged).toBe(expected.unaligned[0]);
    expect(tally.unaligned.share).toBeCloseTo(expected.unaligned[1]!, 12);
    expect(tally.approximate).toBeUndefined();
  });

  it("makes shares and the unaligned row sum to 1", () => {
    const items = [
      item("a", "reliability", "costs", "dx"),
      item("b", "costs"),
      item("c"),
      item("d", "dx", "reliability"),
    ];
    const tally = tallyItems(strategy(), items);
    const sum = Object.values(tally.problems).reduce((acc, p) => acc + p.share, tally.unaligned.share);
    expect(sum).toBeCloseTo(1, 12);
  });
});

describe("createTallier", () => {
  it("gives the same figures page by page as all at once", () => {
    const items = [item("a", "reliability"), item("b", "costs", "dx"), item("c"), item("d", "dx")];
    const tallier = createTallier(strategy());
    tallier.add(items[0]!);
    tallier.add(items[1]!);
    expect(tallier.result().merged).toBe(2);
    tallier.add(items[2]!);
    tallier.add(items[3]!);
    expect(tallier.result()).toEqual(tallyItems(strategy(), items));
  });
});

describe("author-weeks", () => {
  const at = (author: string, mergedAt: string, ...problems: string[]): CountedItem => ({ author, mergedAt, problems });

  it("counts each author's ISO week once, shared by that week's split pull requests", () => {
    const tally = tallyItems(strategy(), [
      // ada, week 2026-W41 (Mon 5 Oct to Sun 11 Oct): ten small fixes, one a week of work.
      ...Array.from({ length: 10 }, (_, i) => at("ada", `2026-10-0${5 + (i % 5)}T10:00:00Z`, "reliability")),
      // bob, the same week: one large change, also one author-week.
      at("bob", "2026-10-06T10:00:00Z", "costs"),
      // ada again the next week (Monday 12 October): one for costs and dx, one unaligned.
      at("Ada", "2026-10-12T09:00:00Z", "costs", "dx"),
      at("ada", "2026-10-18T23:59:59Z"),
    ]);
    expect(tally.authorWeeks).toBe(3);
    expect(tally.problems.reliability!.authorWeeks).toBeCloseTo(1, 12);
    expect(tally.problems.costs!.authorWeeks).toBeCloseTo(1 + 0.25, 12);
    expect(tally.problems.dx!.authorWeeks).toBeCloseTo(0.25, 12);
    expect(tally.unaligned.authorWeeks).toBeCloseTo(0.5, 12);
    expect(tally.problems.reliability!.shareAuthorWeeks).toBeCloseTo(1 / 3, 12);
    // By pull requests the ten fixes dominate; by author-weeks they weigh what bob's one change does.
    expect(tally.problems.reliability!.share).toBeCloseTo(10 / 13, 12);
    const sum = Object.values(tally.problems).reduce(
      (acc, p) => acc + (p.shareAuthorWeeks ?? 0),
      tally.unaligned.shareAuthorWeeks ?? 0,
    );
    expect(sum).toBeCloseTo(1, 12);
  });

  it("reads weeks in the report's time zone", () => {
    // Sunday 11 October 23:30 UTC is Monday 12 October in Tokyo: two weeks there, one in UTC.
    const items = [at("ada", "2026-10-11T23:30:00Z", "dx"), at("ada", "2026-10-10T12:00:00Z", "dx")];
    expect(tallyItems(strategy(), items).authorWeeks).toBe(1);
    expect(tallyItems(withSettings({ report: { timezone: "Asia/Tokyo" } }), items).authorWeeks).toBe(2);
  });

  it("leaves ignored authors out, and is 0 in an empty month", () => {
    const s = withSettings({ ignore_authors: ["renovate[bot]"] });
    expect(tallyItems(s, [at("renovate[bot]", "2026-10-05T00:00:00Z", "dx")]).authorWeeks).toBe(0);
    expect(tallyItems(s, []).problems.dx!.shareAuthorWeeks).toBe(0);
  });
});
