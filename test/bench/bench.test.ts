/**
 * The quick benchmark, run as a test so it cannot rot: its request counts must meet the targets.
 * Counts only; no assertion here depends on how fast the machine is.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { missedTargets, QUICK, runBench } from "../../bench/suite.js";
import { ORGANISATION_BUDGET } from "../../bench/scale.js";
import { eventsTable, resultsMarkdown, type Results } from "../../bench/table.js";

let results: Results;

beforeAll(async () => {
  results = await runBench(QUICK);
}, 120_000);

const steady = (event: string) => results.events.find((e) => e.event === event && e.phase === "steady")!;

describe("requests per event (steady state)", () => {
  it.each([
    ["issues.opened", 2, Infinity],
    ["issues.edited", 2, Infinity],
    ["pull_request.opened", 6, 4],
    ["pull_request.synchronize", 6, 4],
    ["pull_request.closed (merged)", 6, 4],
    ["pull_request.edited (no change)", 6, 4],
  ])("%s: at most %i requests, %i paced", (event, total, paced) => {
    const count = steady(event);
    expect(count.total).toBeLessThanOrEqual(total);
    expect(count.paced).toBeLessThanOrEqual(paced);
    expect(count.withinTarget).toBe(true);
  });

  it("re-reads the cached strategy with a free conditional request", () => {
    for (const e of results.events.filter((x) => x.phase === "steady" && !x.event.startsWith("push"))) {
      expect(e.requests[0], e.event).toBe("GET /contents/strategy.yml 304");
      expect(e.free, e.event).toBe(1);
    }
  });

  it("makes at least the writes each event needs, in both states", () => {
    expect(results.events).toHaveLength(16);
    for (const e of results.events) expect(e.writes, `${e.event} (${e.phase})`).toBeGreaterThanOrEqual(e.floor);
  });
});

describe("the monthly report", () => {
  it("costs at most ⌈N/100⌉ + ⌈U/50⌉ + 15 requests and counts every pull request", () => {
    const [report] = results.reports;
    expect(report).toMatchObject({ n: 100, u: 60 });
    expect(report!.requests).toBeLessThanOrEqual(Math.ceil(100 / 100) + Math.ceil(60 / 50) + 15);
    expect(report!.operations.MergedPulls).toBe(1);
    expect(report!.operations.PullFacts).toBe(2);
    expect(report!.action).toBe("created");
  });
});

describe("reports at scale, each in its own process", () => {
  const run = (scope: string, unlabelled: string) =>
    results.scale.find((s) => s.scope === scope && s.unlabelled === unlabelled)!;

  it("a repository month of unlabelled pull requests costs at most ⌈N/100⌉ + ⌈U/50⌉ + 15, plus one per pull request over 100 files", () => {
    const r = run("repository", "all");
    expect(r).toMatchObject({ n: 1000, u: 1000, big: 2 });
    expect(r.budget).toBe(10 + 20 + 15 + 2);
    expect(r.requests).toBeLessThanOrEqual(r.budget);
    expect(r.operations.PullFacts).toBe(20);
    expect(r.operations.PullFilesPages).toBeLessThanOrEqual(2);
    expect(r.operations.MergedPulls).toBeLessThanOrEqual(10 + 1);
    expect(r.withinBudget).toBe(true);
  });

  it("a fully labelled repository month costs at most ⌈N/100⌉ + 15 and reads no facts", () => {
    const r = run("repository", "none");
    expect(r).toMatchObject({ n: 1000, u: 0, budget: 10 + 15, formula: "⌈N/100⌉+15" });
    expect(r.requests).toBeLessThanOrEqual(r.budget);
    expect(r.operations.PullFacts).toBeUndefined();
  });

  it("a fully labelled organisation month costs at most ⌈N/100⌉ + ⌈R/100⌉ + 20 and reads no facts", () => {
    const r = run("organisation", "none");
    expect(r).toMatchObject({ n: 1000, repositories: 30, u: 0 });
    expect(r.budget).toBe(10 + 1 + 20);
    expect(r.requests).toBeLessThanOrEqual(r.budget);
    expect(r.operations.PullFacts).toBeUndefined();
    expect(r.operations.OrgRepositories).toBe(1);
  });

  it("an organisation month with unlabelled pull requests adds ⌈U/50⌉ for their facts", () => {
    const r = run("organisation", "fifth");
    expect(r).toMatchObject({ n: 1000, repositories: 30, u: 200 });
    expect(r.budget).toBe(10 + 1 + 20 + 4);
    expect(r.operations.PullFacts).toBe(4);
    expect(r.requests).toBeLessThanOrEqual(r.budget);
    expect(r.requests - r.operations.PullFacts!).toBeLessThanOrEqual(10 + 1 + 20);
  });

  it("prints each budget and how the organisation's is extended", () => {
    const text = resultsMarkdown(results);
    expect(text).toContain("⌈N/100⌉+⌈U/50⌉+15+B");
    expect(text).toContain(ORGANISATION_BUDGET);
    expect(
      missedTargets({ ...results, scale: [{ ...run("organisation", "none"), requests: 99, withinBudget: false }] }),
    ).toEqual(["organisation report of 1000 over 30: 99 requests, budget 31"]);
  });
});

describe("core throughput and handler overhead", () => {
  it("tallies every pull request of the pages", () => {
    expect(results.core.items).toBe(QUICK.items);
    expect(results.core.ratio).toBeGreaterThan(0);
  });

  it("compares the app with a bare app making the same requests", () => {
    expect(results.overhead).toMatchObject({ events: QUICK.events, appRequests: 5, bareRequests: 5 });
  });
});

describe("the printed results", () => {
  it("say all targets are met, and name a missed one when there is one", () => {
    expect(missedTargets(results)).toEqual([]);
    expect(resultsMarkdown(results)).not.toContain("**NO**");
    const over = { ...steady("pull_request.opened"), total: 9, withinTarget: false };
    expect(missedTargets({ ...results, events: [over] })).toEqual([
      "pull_request.opened (steady): 9 requests, 4 paced",
    ]);
    expect(eventsTable([over])).toContain("OVER TARGET");
    // A cold event over target is shown, but is no steady-state miss.
    const cold = results.events.find((e) => e.event === "pull_request.opened" && e.phase === "cold")!;
    expect(eventsTable([cold])).toContain(cold.withinTarget ? "yes" : "no (cold)");
    expect(missedTargets({ ...results, events: [{ ...cold, withinTarget: false }] })).toEqual([]);
  });
});
