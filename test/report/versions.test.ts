/**
 * The strategy file's versions in the monthly report, through publishReport: one query names the commit
 * in force, the versions in force during a month that changed them, and the typed readings of months
 * that have no report.
 */
import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { publishReport } from "../../src/handlers/report.js";
import { parseStrategy } from "../../src/strategy/index.js";
import { parseDataComment } from "../../src/tally/index.js";
import type { Discussion, FileCommit } from "../fixtures/github-fake/index.js";
import { APP, testOctokit } from "../fixtures/probot.js";
import { reportRepository, type ReportRepository, type ReportRepositoryInit } from "../fixtures/report-repository.js";

/** The report tests' strategy as a file, in Paris time, with Uptime typed as `uptime`. */
function fileText(uptime: number): string {
  return `version: 1
name: Platform strategy 2026
problems:
  - id: reliability
    title: Reliability
    share: 40
    match: { labels: [bug], keywords: [outage] }
    metrics:
      - { name: Sev-1 incidents, unit: incidents, baseline: 6, target: 1, count: "is:issue label:sev1 created:{period}" }
      - { name: Uptime, unit: "%", baseline: 99, target: 99.9, current: ${uptime} }
    plan:
      - { title: Multi-region failover, issue: 123 }
  - id: costs
    title: Hosting costs
    share: 20
    match: { keywords: [cost] }
settings:
  report: { timezone: Europe/Paris }
`;
}

const sha = (c: string) => c.repeat(40);
const version = (c: string, committedDate: string, text: string | null): FileCommit => ({
  oid: sha(c),
  committedDate,
  message: `Strategy ${c}`,
  text,
});
const SOURCE = { owner: "acme", repo: "platform", path: "strategy.yml" };

/** A September report the app wrote, whose data comment recorded Uptime at 99.4. */
const september: Partial<Discussion> & Pick<Discussion, "title"> = {
  id: "D_sep",
  number: 40,
  title: "Strategy alignment: September 2026",
  createdAt: "2026-10-01T07:00:00Z",
  author: APP.login,
  body: `Report\n\n<!-- throughline:data ${JSON.stringify({
    version: 1,
    period: { from: "2026-09-01", to: "2026-09-30", timezone: "Europe/Paris" },
    commit: sha("b"),
    merged: 0,
    problems: {
      reliability: {
        merged: 0,
        share: 0,
        metrics: [{ name: "Uptime", baseline: 99, current: 99.4, target: 99.9, progress: 0.44 }],
      },
      costs: { merged: 0, share: 0 },
    },
    unaligned: { merged: 0, share: 0 },
  })} -->`,
};

let served: ReportRepository | undefined;

/** acme/platform on the fake GitHub: the strategy file's commits (newest first), its earlier reports. */
function fakeRepo({
  versions,
  discussions = [],
  ...init
}: ReportRepositoryInit & { versions?: FileCommit[]; discussions?: (typeof september)[] } = {}): ReportRepository {
  const repo = reportRepository(init);
  served = repo;
  if (versions) repo.repo.history.set("strategy.yml", versions);
  for (const d of discussions) repo.gh.discussion(repo.repo, d);
  return repo;
}

function publish(repo: ReportRepository, now = "2026-11-01T09:00:00Z") {
  const newest = repo.repo.history.get("strategy.yml")?.[0]?.text ?? fileText(99.5);
  const parsed = parseStrategy(newest, "strategy.yml");
  if (!parsed.ok) throw new Error("the newest test version is invalid");
  return publishReport({
    octokit: testOctokit(),
    owner: "acme",
    repo: "platform",
    month: "2026-10",
    loaded: { strategy: parsed.strategy, commit: null, source: SOURCE },
    botLogin: APP.login,
    post: true,
    now: new Date(now),
  });
}

const uptimeRow = (body: string) => body.split("\n").find((l) => l.startsWith("| Reliability | Uptime |"));

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
  served?.stop();
  expect(served?.gh.problems).toEqual([]);
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});

describe("the strategy file's versions in the report", () => {
  it("lists the two versions in force when the file changed mid-month, dated in Paris, for no more requests than before", async () => {
    const repo = fakeRepo({
      discussions: [september],
      pulls: [{ number: 1, title: "Fix the checkout outage", mergedAt: "2026-10-03T10:00:00Z" }],
      versions: [
        version("c", "2026-10-14T22:30:00Z", fileText(99.5)), // 00:30 on 15 October in Paris
        version("b", "2026-08-31T21:30:00Z", fileText(99.3)), // 23:30 on 31 August in Paris
        version("a", "2026-06-10T10:00:00Z", fileText(99.1)),
      ],
    });
    const result = await publish(repo);

    expect(result.body).toContain(
      "### Strategy versions\n\nThe strategy file changed during the month. Versions in force:\n\n- `bbbbbbb` from 2026-08-31\n- `ccccccc` from 2026-10-15",
    );
    expect(result.body).toContain(
      "- strategy.yml changed during the month; the figures use the version in force at its end (ccccccc).",
    );
    expect(parseDataComment(result.body)!.commit).toBe(sha("c"));
    // September's report says what was reported then; June to August come from the file.
    expect(uptimeRow(result.body)).toContain("| Jun 2026: 99.1 · Jul 2026: 99.1 · Aug 2026: 99.3 · Sep 2026: 99.4 |");

    // The snapshot test's full publish, given the commit, takes these 9 requests; finding the commit took
    // one more (a REST request, which would show in this list). The history query is that one.
    const log = repo.log;
    const history = log.filter((r) => r.operation === "StrategyHistory");
    expect(history.map((r) => r.variables)).toEqual([{ owner: "acme", repo: "platform", path: "strategy.yml" }]);
    expect(log.map((r) => r.operation).sort()).toEqual([
      "CreateReportDiscussion",
      "MergedPulls",
      "PlanItems",
      "PullFacts",
      "ReportBodies",
      "ReportContext",
      "ReportContext",
      "SearchCounts",
      "SearchCounts",
      "StrategyHistory",
    ]);
    expect(log.length).toBeLessThanOrEqual(Math.ceil(1 / 100) + 15);
  });

  it("lists no versions when the file did not change in the month", async () => {
    const repo = fakeRepo({
      versions: [
        version("b", "2026-09-20T10:00:00Z", fileText(99.5)),
        version("a", "2026-06-10T10:00:00Z", fileText(99.1)),
      ],
    });
    const result = await publish(repo);
    expect(result.body).not.toContain("### Strategy versions");
    expect(result.body).not.toMatch(/figures use/);
    expect(parseDataComment(result.body)!.commit).toBe(sha("b"));
    expect(uptimeRow(result.body)).toContain("| Jun 2026: 99.1 · Jul 2026: 99.1 · Aug 2026: 99.1 · Sep 2026: 99.5 |");
  });

  it("says when the figures use a version newer than the month's end", async () => {
    const repo = fakeRepo({
      versions: [
        version("d", "2026-11-05T10:00:00Z", fileText(99.6)),
        version("b", "2026-09-20T10:00:00Z", fileText(99.5)),
      ],
    });
    const result = await publish(repo, "2026-11-06T09:00:00Z");
    expect(result.body).toContain(
      "- The figures use strategy.yml as it is now (ddddddd, committed 2026-11-05), which is newer than the month; bbbbbbb was in force when the month ended.",
    );
    expect(parseDataComment(result.body)!.commit).toBe(sha("d"));
  });

  it("skips an invalid old version with a note, reading the valid one before it", async () => {
    const repo = fakeRepo({
      versions: [
        version("c", "2026-09-20T10:00:00Z", fileText(99.5)),
        version("x", "2026-07-20T10:00:00Z", "version: 1\nproblems: []\n"),
        version("a", "2026-06-10T10:00:00Z", fileText(99.1)),
      ],
    });
    const result = await publish(repo);
    expect(result.body).toMatch(
      /\n- strategy\.yml at xxxxxxx \(committed 2026-07-20\) is not valid \(line \d+: [^\n]+\); its metric readings are left out of the history\.\n/,
    );
    expect(uptimeRow(result.body)).toContain("| Jun 2026: 99.1 · Jul 2026: 99.1 · Aug 2026: 99.1 · Sep 2026: 99.5 |");
  });

  it.each([
    ["gives no history for the file", {}],
    ["cannot answer the history query", { strategyHistoryError: "Something went wrong" }],
  ])("asks for the commit on its own when GitHub %s", async (_, over) => {
    const repo = fakeRepo();
    // REST's list of commits names it; GraphQL shows no history for the file, or fails.
    repo.repo.history.set("strategy.yml", [version("f", "2026-09-20T10:00:00Z", fileText(99.5))]);
    if ("strategyHistoryError" in over) repo.repo.historyError = over.strategyHistoryError;
    else repo.repo.branchTarget = false;
    const result = await publish(repo);
    expect(repo.log.filter((r) => r.operation === "GET /repos/acme/platform/commits")).toHaveLength(1);
    expect(parseDataComment(result.body)!.commit).toBe(sha("f"));
    expect(result.body).not.toContain("### Strategy versions");
    if ("strategyHistoryError" in over)
      expect(result.body).toContain("- The strategy file's history could not be read from GitHub (");
  });
});
