import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { publishReport } from "../../src/handlers/report.js";
import { parseDataComment } from "../../src/tally/index.js";
import { APP, testOctokit } from "../fixtures/probot.js";
import { reportRepository, type PullInit, type ReportRepository } from "../fixtures/report-repository.js";
import { reportStrategy } from "./strategy.js";

const COMMIT = "0123456789abcdef0123456789abcdef01234567";
const DEPENDABOT = "dependabot[bot]";

function month(prefix: string): PullInit[] {
  const at = (day: number) => `${prefix}-${String(day).padStart(2, "0")}T12:00:00Z`;
  const base = prefix === "2026-09" ? 100 : 200;
  return [
    {
      number: base + 1,
      title: "Multi-region database failover",
      mergedAt: at(2),
      labels: ["strategy: reliability"],
      additions: 900,
      deletions: 120,
      comments: 14,
    },
    {
      number: base + 2,
      title: "Fix outage in the EU gateway",
      mergedAt: at(3),
      additions: 40,
      deletions: 5,
      comments: 3,
    },
    {
      number: base + 3,
      title: "Right-size the batch cluster to cut cost",
      mergedAt: at(5),
      additions: 60,
      deletions: 80,
      comments: 6,
    },
    {
      number: base + 4,
      title: "Both: retire the old region",
      mergedAt: at(8),
      labels: ["strategy: reliability", "strategy: costs"],
      additions: 10,
      deletions: 800,
    },
    { number: base + 5, title: "Docs: onboarding guide", mergedAt: at(9), labels: ["docs"] },
    { number: base + 6, title: "Docs: API reference", mergedAt: at(10), labels: ["docs"] },
    {
      number: base + 7,
      title: "@alice please look <b>now</b> <!-- throughline:data {} -->",
      mergedAt: at(11),
      labels: ["docs"],
    },
    { number: base + 8, title: "Bump lodash", mergedAt: at(12), author: DEPENDABOT, labels: ["dependencies"] },
    ...(prefix === "2026-10"
      ? [{ number: base + 9, title: "Fix flaky outage alert", mergedAt: at(31), labels: ["bug"] }]
      : []),
  ];
}

let served: ReportRepository | undefined;
beforeEach(() => nock.disableNetConnect());
afterEach(() => {
  served?.stop();
  expect(served?.gh.problems).toEqual([]);
  nock.cleanAll();
});

describe("a full monthly report", () => {
  it("has the expected body, with the trend read from last month's report", async () => {
    const repo = reportRepository({
      pulls: [...month("2026-09"), ...month("2026-10")],
      milestones: [{ title: "Q4", dueOn: "2026-12-31T00:00:00Z" }],
    });
    served = repo;
    repo.counts((q) =>
      q.includes("sev1")
        ? q.includes("2026-09")
          ? 5
          : 3
        : q.includes("label:idle")
          ? 25
          : q.includes("strategy: reliability")
            ? 4
            : 1,
    );
    // The plan: #123 open; the Q4 milestone with one issue done of two.
    const issue = (number: number, over: Parameters<typeof repo.gh.item>[2]) =>
      repo.gh.item(repo.repo, number, { kind: "issue", createdAt: "2026-09-01T10:00:00Z", ...over });
    issue(123, {});
    issue(1, { milestone: "Q4", state: "closed", stateReason: "completed" });
    issue(2, { milestone: "Q4" });
    const strategy = reportStrategy({}, {});
    strategy.settings.ignore_authors = ["dependabot[bot]"];
    const common = {
      octokit: testOctokit(),
      owner: "acme",
      repo: "platform",
      botLogin: APP.login,
      post: true,
      loaded: { strategy, commit: COMMIT },
    };
    await publishReport({ ...common, month: "2026-09", now: new Date("2026-10-01T09:00:00Z") });
    const before = repo.log.length;
    const october = await publishReport({ ...common, month: "2026-10", now: new Date("2026-11-01T09:00:00Z") });

    expect(october.action).toBe("created");
    const requests = repo.log.slice(before);
    expect(requests.map((r) => r.operation).sort()).toEqual([
      "CreateReportDiscussion",
      "MergedPulls",
      "PlanItems",
      "PullFacts",
      "ReportBodies",
      "ReportContext",
      "ReportContext",
      "SearchCounts",
      "SearchCounts",
    ]);
    expect(requests.length).toBeLessThanOrEqual(Math.ceil(9 / 100) + Math.ceil(9 / 50) + 15);

    const data = parseDataComment(october.body)!;
    expect(data).toMatchObject({
      merged: 8,
      commit: COMMIT,
      problems: { reliability: { merged: 4, plan: { done: 1, total: 3 } }, costs: { merged: 2 } },
      unaligned: { merged: 3 },
    });
    // User text stays inert: no mention, no HTML, no forged data comment.
    expect(october.body).not.toMatch(/@alice|<b>|<!-- throughline:data \{\}/);
    expect(october.body.match(/<!-- throughline:data/g)).toHaveLength(1);
    expect(normalise(october.body)).toMatchSnapshot();
  });
});

/** Nothing in the body depends on the clock or the machine today; keep the snapshot readable anyway. */
function normalise(body: string): string {
  return body.replace(/\r\n/g, "\n").trimEnd();
}
