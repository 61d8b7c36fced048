import { describe, expect, it } from "vitest";
import type { MergedPull } from "../../src/github/merged-pulls.js";
import { servedBy, SUGGESTION_SAMPLE, tallyShipped } from "../../src/handlers/report-shipped.js";
import { reportStrategy } from "./strategy.js";

const pull = (over: Partial<MergedPull>): MergedPull => ({
  number: 1,
  title: "Change",
  url: "https://github.com/acme/platform/pull/1",
  body: "",
  branch: "feature",
  mergedAt: "2026-10-05T00:00:00Z",
  author: "alice",
  labels: [],
  milestone: null,
  additions: 1,
  deletions: 1,
  comments: 0,
  reviews: 0,
  closedIssues: 0,
  files: [],
  filesComplete: true,
  ...over,
});

describe("which problems a merged pull request served", () => {
  const strategy = reportStrategy({}, {});
  const withUnalignedLabel = reportStrategy();
  withUnalignedLabel.settings.unaligned_label = "unaligned";

  it.each([
    [
      "its strategy labels, whatever the rules say",
      strategy,
      pull({ labels: ["Strategy: Costs"], title: "Fix outage" }),
      ["costs"],
    ],
    ["the rules when it has no strategy label", strategy, pull({ title: "Fix outage in eu-west" }), ["reliability"]],
    ["the rules on the body too", strategy, pull({ body: "Cuts hosting cost" }), ["costs"]],
    ["the rules' label matches", strategy, pull({ labels: ["bug"] }), ["reliability"]],
    ["nothing when the rules match nothing", strategy, pull({ title: "Refactor" }), []],
    [
      "nothing when the app labelled it unaligned",
      withUnalignedLabel,
      pull({ labels: ["unaligned"], title: "Fix outage" }),
      [],
    ],
    ["an explicit Serves: line", strategy, pull({ body: "Serves: none", title: "Fix outage" }), []],
  ])("is %s", (_, s, p, want) => {
    expect(servedBy(s, p)).toEqual(want);
  });

  it("counts a pull request once when shifting search pages return it twice", async () => {
    async function* twice() {
      yield [pull({ number: 1, labels: ["strategy: costs"] })];
      yield [pull({ number: 1, labels: ["strategy: costs"] }), pull({ number: 2, title: "Refactor" })];
    }
    const { tally } = await tallyShipped(strategy, twice());
    expect(tally.merged).toBe(2);
  });
});

describe("tallying shipped work page by page", () => {
  async function* pages(n: number, per = 100) {
    for (let start = 0; start < n; start += per) {
      yield Array.from({ length: Math.min(per, n - start) }, (_, k) => {
        const i = start + k;
        return pull({
          number: i + 1,
          title: i % 2 ? `Refactor ${i}` : `Fix outage ${i}`,
          additions: i,
          author: i % 7 === 0 ? "dependabot[bot]" : "alice",
        });
      });
    }
  }

  it("keeps only a bounded handful of items, however many pull requests", async () => {
    const strategy = reportStrategy();
    strategy.settings.ignore_authors = ["dependabot[bot]"];
    const shipped = await tallyShipped(strategy, pages(5000));
    const counted = 5000 - Math.ceil(5000 / 7);
    expect(shipped.tally.merged).toBe(counted);
    // Ten notable candidates per problem and unaligned, and samples of unaligned and aligned work for suggestions.
    expect(shipped.items.length).toBeLessThanOrEqual(10 * 3 + 2 * SUGGESTION_SAMPLE);
    expect(shipped.items.some((i) => i.author === "dependabot[bot]")).toBe(false);
    // The most notable (largest) reliability items are kept though they came last; #4999 is dependabot's.
    const reliability = shipped.items.filter((i) => i.problems.includes("reliability")).map((i) => i.number);
    expect(reliability.sort((a, b) => b - a).slice(0, 5)).toEqual([4997, 4995, 4993, 4991, 4989]);
    expect(shipped.notes).toEqual([expect.stringContaining("first 1,000 of")]);
  });
});
