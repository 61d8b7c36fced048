import { describe, expect, it } from "vitest";
import {
  changeSize,
  isBump,
  isVendoring,
  notableByProblem,
  notableItems,
  notableKeeper,
  uncountedFile,
} from "../../src/tally/notable.js";
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

describe("notableKeeper", () => {
  it("keeps, as items stream past, what notableItems picks from all of them, per key", () => {
    const items = Array.from({ length: 300 }, (_, i) =>
      shipped(i + 1, {
        additions: (i * 37) % 500,
        deletions: (i * 11) % 40,
        comments: i % 9,
        closedIssues: i % 23 === 0 ? 1 : 0,
        title: i % 17 === 0 ? `Bump serde to 1.${i}` : `Change ${i}`,
        problems: [["reliability"], ["costs"], ["reliability", "costs"], []][i % 4]!,
      }),
    );
    const keeper = notableKeeper(5);
    for (const item of items) keeper.add(item, item.problems.length === 0 ? [""] : item.problems);
    const kept = keeper.items();
    const picked = ["reliability", "costs", ""].flatMap((key) =>
      notableItems(
        items.filter((i) => (key === "" ? i.problems.length === 0 : i.problems.includes(key))),
        5,
      ).map((i) => i.number),
    );
    expect(picked).toHaveLength(15);
    expect(kept.map((i) => i.number).sort((a, b) => a - b)).toEqual(picked.sort((a, b) => a - b));
    // Five per key, an item under two keys kept under each.
    expect(kept).toHaveLength(15);
    expect(kept.some((i) => i.title.startsWith("Bump"))).toBe(false);
    expect(notableKeeper(0).items()).toEqual([]);
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

describe("what makes work notable", () => {
  it("never lists dependency or version bumps, nor vendoring, however large", () => {
    const items = [
      shipped(1, { title: "Update Rust crate tokio to v1.50.0", author: "renovate[bot]", additions: 9000 }),
      shipped(2, { title: "Bump version to 0.11.15", additions: 700, deletions: 600, comments: 3 }),
      shipped(3, { title: "chore(deps): bump serde from 1.0.1 to 1.0.2", additions: 50 }),
      shipped(4, { title: "Vendor packse scenarios and serve them from memory", additions: 8291, deletions: 3456 }),
      shipped(5, { title: "Sync Python 3.13.14 and 3.14.6", additions: 9652 }),
      shipped(6, { title: "Refresh lockfile", files: ["Cargo.lock", "package-lock.json"], additions: 4000 }),
      shipped(7, { title: "Update string marker ordering semantics", additions: 40, deletions: 10 }),
      shipped(8, { title: "Bump `cyclonedx-bom` to remove duplicate crates", additions: 30 }),
    ];
    expect(notableItems(items).map((i) => i.number)).toEqual([7]);
  });

  it("weighs issues closed, discussion and reviews, and size without lock, vendored, generated or snapshot files", () => {
    const big = shipped(1, {
      changes: [
        { path: "Cargo.lock", additions: 5000, deletions: 4000 },
        { path: "crates/uv/tests/snapshots/a.snap", additions: 3000, deletions: 0 },
        { path: "third_party/lib/x.c", additions: 9000, deletions: 0 },
        { path: "src/sysconfig/generated_mappings.rs", additions: 2000, deletions: 0 },
        { path: "src/lib.rs", additions: 3, deletions: 1 },
      ],
      additions: 19003,
      deletions: 4001,
    });
    const discussed = shipped(2, { additions: 40, deletions: 10, comments: 6, reviews: 4 });
    const closing = shipped(3, { additions: 20, deletions: 5, closedIssues: 2 });
    expect(changeSize(big)).toBe(4);
    expect(notableItems([big, discussed, closing]).map((i) => i.number)).toEqual([2, 3, 1]);
    // Paths without lines per file: the total is scaled by the share of files that count.
    expect(changeSize(shipped(4, { files: ["Cargo.lock", "src/a.rs"], additions: 100, deletions: 0 }))).toBe(50);
  });

  it("lists an item under two problems at most", () => {
    const wide = shipped(1, { problems: ["reliability", "costs", "dx"], comments: 30 });
    const groups = notableByProblem([wide, shipped(2, { problems: ["dx"] })], ["reliability", "costs", "dx"]);
    expect(groups.get("reliability")?.map((i) => i.number)).toEqual([1]);
    expect(groups.get("costs")?.map((i) => i.number)).toEqual([1]);
    expect(groups.get("dx")?.map((i) => i.number)).toEqual([2]);
  });

  it("tells lock, vendored, generated and snapshot files apart from the code people write", () => {
    expect(
      [
        "pnpm-lock.yaml",
        "vendor/x/y.go",
        "src/__generated__/types.ts",
        "test/__snapshots__/a.test.ts.snap",
        "src/main.rs",
      ].map(uncountedFile),
    ).toEqual(["lock", "vendored", "generated", "snapshot", null]);
    expect(
      isBump({ title: "Update the resolver to prefer the lowest version", author: "ada", files: ["src/resolver.rs"] }),
    ).toBe(false);
    expect(isVendoring({ title: "Vendor the OpenSSL headers", files: [] })).toBe(true);
  });
});
