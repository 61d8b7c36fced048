import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { publishReport } from "../../src/handlers/report.js";
import { parseDataComment } from "../../src/tally/index.js";
import { APP, testOctokit } from "../fixtures/probot.js";
import { reportRepository, type PullInit, type ReportRepository } from "../fixtures/report-repository.js";
import { reportStrategy } from "./strategy.js";

const OCTOBER = Date.parse("2026-10-01T00:00:00Z");
const MONTH_MS = 31 * 86_400_000;

/**
 * n pull requests: every fifth labelled reliability, the next costs, the next both; of the rest, those
 * numbered 3 mod 10 say "outage" in the title (judged by the rules, as if merged before the app).
 */
function pulls(n: number, mergedAt: (i: number) => number): PullInit[] {
  return Array.from({ length: n }, (_, i) => {
    const labels =
      [["strategy: reliability"], ["strategy: costs"], ["strategy: reliability", "strategy: costs"]][i % 5] ?? [];
    const title = labels.length === 0 && i % 10 === 3 ? `Fix outage ${i}` : `Change ${i}`;
    return { number: i + 1, title, labels, mergedAt: new Date(mergedAt(i)).toISOString() };
  });
}

function expected(n: number) {
  let reliability = 0;
  let costs = 0;
  for (let i = 0; i < n; i++) {
    if (i % 5 === 0 || i % 5 === 2 || i % 10 === 3) reliability += 1;
    if (i % 5 === 1 || i % 5 === 2) costs += 1;
  }
  let unaligned = 0;
  for (let i = 0; i < n; i++) if ((i % 5 === 3 || i % 5 === 4) && i % 10 !== 3) unaligned += 1;
  return { reliability, costs, unaligned };
}

let served: ReportRepository | undefined;

async function report(all: PullInit[]) {
  // Nothing edits the pull requests in place: the fake may keep them indexed by merge time.
  const repo = reportRepository({ pulls: all, options: { searchIndex: true } });
  served = repo;
  const result = await publishReport({
    octokit: testOctokit(),
    owner: "acme",
    repo: "platform",
    month: "2026-10",
    loaded: { strategy: reportStrategy(), commit: null },
    botLogin: APP.login,
    post: true,
    now: new Date("2026-11-01T09:00:00Z"),
  });
  return { data: parseDataComment(result.body)!, log: repo.log };
}

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
  served?.stop();
  expect(served?.gh.problems).toEqual([]);
  nock.cleanAll();
});

describe("a month with more merged pull requests than one search returns", () => {
  it.each([
    ["spread evenly", 2500, (i: number) => OCTOBER + Math.floor((i * MONTH_MS) / 2500)],
    [
      "mostly on the last day",
      2500,
      (i: number) => (i < 1500 ? OCTOBER + 30 * 86_400_000 + i * 1000 : OCTOBER + i * 1_000_000),
    ],
    ["spread evenly, ten thousand", 10_000, (i: number) => OCTOBER + Math.floor((i * MONTH_MS) / 10_000)],
  ])("gives exact totals when %s (%i)", async (_, n, at) => {
    const all = (k: number) => pulls(k, at);
    const { data, log } = await report(all(n));
    const want = expected(n);
    expect(data.merged).toBe(n);
    expect(data.problems.reliability!.merged).toBe(want.reliability);
    expect(data.problems.costs!.merged).toBe(want.costs);
    expect(data.unaligned.merged).toBe(want.unaligned);
    expect(data.problems.reliability!.share + data.problems.costs!.share + data.unaligned.share).toBeCloseTo(1, 10);
    // No search window was read past GitHub's 1,000 results.
    const pages = log.filter((r) => r.operation === "MergedPulls");
    const reads = pages.flatMap((r) =>
      Object.keys(r.variables)
        .filter((k) => k.startsWith("q"))
        .map((k) => Number(r.variables[`after${k.slice(1)}`] ?? 0) + r.variables[`n${k.slice(1)}`]),
    );
    expect(Math.max(...reads)).toBeLessThanOrEqual(1000);
    // One page per 100 pull requests, plus the first look at the whole month; the facts of those without a
    // strategy label, 50 a request.
    const unlabelled = all(n).filter((p) => p.labels!.length === 0).length;
    expect(pages.length).toBeLessThanOrEqual(Math.ceil(n / 100) + 1);
    expect(log.filter((r) => r.operation === "PullFacts")).toHaveLength(Math.ceil(unlabelled / 50));
    expect(log.length).toBeLessThanOrEqual(Math.ceil(n / 100) + Math.ceil(unlabelled / 50) + 15);
  });
});
