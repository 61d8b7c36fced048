import { describe, expect, it } from "vitest";
import { buildReport, monthPeriod, tallyItems, type ReportInput, type Tally } from "../../src/tally/index.js";
import { shipped } from "./items.js";
import { strategy } from "./strategy.js";

const s = strategy({
  problems: [
    {
      id: "reliability",
      title: "Reliability",
      share: 40,
      metrics: [
        { name: "Sev-1 incidents", unit: "incidents", baseline: 6, target: 1, current: 4 },
        { name: "Flaky tests", baseline: 10, target: 0, count: "is:issue label:flaky created:{period}" },
        { name: "Pages", baseline: 20, target: 5, count: "label:page created:{period}" },
      ],
      plan: [{ title: "Failover", issue: 1 }],
    },
    { id: "costs", title: "Hosting costs", share: 20 },
  ],
  settings: { ignore_authors: ["dependabot[bot]"] },
});

const items = [
  shipped(1, { problems: ["reliability"], comments: 9 }),
  shipped(2, { problems: ["reliability", "costs"] }),
  shipped(3, { files: ["billing/a.ts"] }),
  shipped(4, { files: ["billing/b.ts"] }),
  shipped(5, { author: "dependabot[bot]", files: ["billing/lock.json"] }),
];

const sept: Tally = {
  merged: 10,
  problems: { reliability: { merged: 5, share: 0.5 }, costs: { merged: 1, share: 0.1 } },
  unaligned: { merged: 4, share: 0.4 },
};

const input = (overrides: Partial<ReportInput> = {}): ReportInput => ({
  strategy: s,
  repo: "acme/platform",
  period: monthPeriod("2026-10", "Europe/Paris"),
  commit: "f".repeat(40),
  tally: tallyItems(s, items),
  issuesClosed: { reliability: 3 },
  readings: { reliability: [undefined, { value: 4 }, { value: null, error: "GitHub rejected the query" }] },
  history: {
    reliability: {
      "Sev-1 incidents": [
        { key: "2026-09", value: 5 },
        { key: "2026-10", value: 4 },
      ],
    },
  },
  plans: { reliability: [{ exists: true, number: 1, state: "open", stateReason: null }] },
  previous: [
    { key: "2026-10", tally: sept }, // an earlier version of this very report: not a previous month
    { key: "2026-09", tally: sept },
    { key: "2026-08", tally: sept },
  ],
  items,
  ...overrides,
});

describe("buildReport", () => {
  it("assembles the problems' rows", () => {
    const model = buildReport(input());
    expect(model.period).toEqual({
      key: "2026-10",
      title: "October 2026",
      from: "2026-10-01",
      to: "2026-10-31",
      timezone: "Europe/Paris",
    });
    expect(model.strategyName).toBe("Platform strategy 2026");
    const [reliability, costs] = model.problems;
    expect(reliability).toMatchObject({
      id: "reliability",
      label: "strategy: reliability",
      intended: 0.4,
      merged: 2,
      share: 0.375,
      drift: false,
      issuesClosed: 3,
    });
    expect(reliability!.change).toBeCloseTo(-12.5, 9);
    expect(costs).toMatchObject({
      intended: 0.2,
      merged: 1,
      share: 0.125,
      drift: false,
      issuesClosed: null,
      plan: null,
    });
    expect(costs!.change).toBeCloseTo(2.5, 9);
    expect(reliability!.plan).toMatchObject({ done: 0, total: 1 });
    expect(reliability!.notable.map((i) => i.number)).toEqual([1, 2]);
  });

  it("takes typed readings from the file and counted ones from the edge, with progress and earlier readings", () => {
    const [reliability] = buildReport(input()).problems;
    expect(reliability!.metrics).toEqual([
      {
        name: "Sev-1 incidents",
        unit: "incidents",
        baseline: 6,
        current: 4,
        target: 1,
        progress: 0.4,
        history: [{ key: "2026-09", value: 5 }],
      },
      { name: "Flaky tests", baseline: 10, current: 4, target: 0, progress: 0.6, history: [] },
      {
        name: "Pages",
        baseline: 20,
        current: null,
        target: 5,
        progress: null,
        history: [],
        error: "GitHub rejected the query",
      },
    ]);
  });

  it("gives the unaligned row, its alert, and rule suggestions without ignored authors", () => {
    const model = buildReport(input());
    expect(model.unaligned).toMatchObject({ merged: 2, share: 0.5, alert: true });
    expect(model.unaligned.change).toBeCloseTo(10, 9);
    expect(model.unaligned.notable.map((i) => i.number)).toEqual([4, 3]);
    expect(model.suggestions.map((x) => [x.rule, x.value, x.captured])).toEqual([["paths", "billing/**", 2]]);
  });

  it("keeps only earlier months, oldest first, and has no change without the previous month", () => {
    const model = buildReport(input({ previous: [{ key: "2026-08", tally: sept }] }));
    expect(model.previous.map((p) => p.key)).toEqual(["2026-08"]);
    expect(model.problems[0]!.change).toBeNull();
    expect(model.unaligned.change).toBeNull();
    expect(buildReport(input()).previous.map((p) => p.key)).toEqual(["2026-08", "2026-09"]);
  });

  it("makes unknown what the edge did not gather", () => {
    const model = buildReport(
      input({ readings: undefined, plans: undefined, issuesClosed: undefined, items: undefined, previous: undefined }),
    );
    const [reliability] = model.problems;
    expect(reliability!.issuesClosed).toBeNull();
    expect(reliability!.metrics[1]).toMatchObject({ current: null, progress: null, error: "the count was not taken" });
    expect(reliability!.plan).toMatchObject({ done: null, total: null });
    expect(reliability!.notable).toEqual([]);
    expect(model.suggestions).toEqual([]);
    expect(model.versions).toEqual([]);
    expect(model.notes).toEqual([]);
  });
});
