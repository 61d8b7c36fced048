import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { publishReport, type PublishParams } from "../../src/handlers/report.js";
import { parseDataComment } from "../../src/tally/index.js";
import { APP, testOctokit } from "../fixtures/probot.js";
import {
  reportRepository,
  type PullInit,
  type ReportRepository,
  type ReportRepositoryInit,
} from "../fixtures/report-repository.js";
import { reportStrategy } from "./strategy.js";

const COMMIT = "0123456789abcdef0123456789abcdef01234567";

function run({ repo }: ReportRepository, over: Partial<PublishParams> = {}) {
  return publishReport({
    octokit: testOctokit(),
    owner: repo.owner,
    repo: repo.name,
    month: "2026-10",
    loaded: { strategy: reportStrategy(), commit: COMMIT },
    botLogin: APP.login,
    post: true,
    now: new Date("2026-11-01T09:00:00Z"),
    ...over,
  });
}

const pull = (number: number, mergedAt: string, over: Partial<PullInit> = {}): PullInit => ({
  number,
  title: `Change ${number}`,
  mergedAt,
  ...over,
});

let served: ReportRepository[] = [];

/** acme/platform on the fake GitHub, which must not be asked anything it does not model. */
function fakeRepo(init: ReportRepositoryInit = {}): ReportRepository {
  const repository = reportRepository(init);
  served.push(repository);
  return repository;
}

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
  for (const { gh, stop } of served) {
    stop();
    expect(gh.problems).toEqual([]);
  }
  served = [];
  nock.cleanAll();
});

describe("publishReport", () => {
  it("searches the month's bounds in the report's time zone", async () => {
    const repo = fakeRepo({
      pulls: [
        pull(1, "2026-09-30T21:30:00Z"), // 23:30 on 30 September in Paris: before the month
        pull(2, "2026-09-30T22:30:00Z"), // 00:30 on 1 October in Paris
        pull(3, "2026-10-31T22:30:00Z"), // 23:30 on 31 October in Paris (winter time, UTC+1)
        pull(4, "2026-10-31T23:30:00Z"), // 00:30 on 1 November in Paris: after the month
      ],
    });
    const strategy = reportStrategy({ timezone: "Europe/Paris" });
    const result = await run(repo, { loaded: { strategy, commit: COMMIT } });

    const range = "2026-10-01T00:00:00+02:00..2026-10-31T23:59:59+01:00";
    const searches = repo.log.filter((r) => r.operation === "MergedPulls").map((r) => r.variables.q0);
    expect(searches).toEqual([`repo:acme/platform is:pr is:merged base:main merged:${range} sort:created-asc`]);
    const counts = repo.log.filter((r) => r.operation === "SearchCounts").flatMap((r) => Object.values(r.variables));
    expect(counts).toContain(
      `repo:acme/platform is:issue is:closed reason:completed closed:${range} label:"strategy: reliability"`,
    );
    expect(counts).toContain(`repo:acme/platform is:issue label:sev1 created:${range}`);
    const data = parseDataComment(result.body)!;
    expect(data.merged).toBe(2);
    expect(data.period).toEqual({ from: "2026-10-01", to: "2026-10-31", timezone: "Europe/Paris" });
  });

  it("reports an empty month with zero figures", async () => {
    const repo = fakeRepo();
    const result = await run(repo);
    expect(result.action).toBe("created");
    expect(result.body).toContain("No pull requests were merged");
    const data = parseDataComment(result.body)!;
    expect(data).toMatchObject({
      merged: 0,
      unaligned: { merged: 0, share: 0 },
      problems: { reliability: { merged: 0, share: 0 }, costs: { merged: 0, share: 0 } },
    });
    // The context is read again after creating, to catch a concurrent run's report.
    expect(repo.log.map((r) => r.operation).sort()).toEqual([
      "CreateReportDiscussion",
      "MergedPulls",
      "PlanItems",
      "ReportContext",
      "ReportContext",
      "SearchCounts",
      "SearchCounts",
    ]);
  });

  it("posts to an issue when Discussions are off, and updates that issue next time", async () => {
    const repo = fakeRepo({ discussionsEnabled: false, pulls: [pull(1, "2026-10-05T10:00:00Z")] });
    const first = await run(repo);
    expect(first).toMatchObject({ action: "created", title: "Strategy alignment: October 2026" });
    expect(repo.issues.map((i) => i.title)).toEqual(["Strategy alignment: October 2026"]);
    expect(repo.log.some((r) => r.operation.includes("Discussion"))).toBe(false);

    repo.pull(pull(repo.repo.nextNumber(), "2026-10-06T10:00:00Z"));
    const second = await run(repo);
    expect(second.action).toBe("updated");
    expect(repo.issues).toHaveLength(1);
    expect(parseDataComment(repo.issues[0]!.body)!.merged).toBe(2);
  });

  it.each([
    [
      "the configured category",
      "Reports",
      [
        ["DIC_r", "Reports"],
        ["DIC_a", "Announcements"],
      ],
      "DIC_r",
    ],
    [
      "Announcements when the configured one is missing",
      "Reports",
      [
        ["DIC_g", "General"],
        ["DIC_a", "Announcements"],
      ],
      "DIC_a",
    ],
    [
      "General without Announcements",
      "Reports",
      [
        ["DIC_q", "Q&A"],
        ["DIC_g", "General"],
      ],
      "DIC_g",
    ],
    [
      "the first category otherwise",
      "Reports",
      [
        ["DIC_i", "Ideas"],
        ["DIC_q", "Q&A"],
      ],
      "DIC_i",
    ],
  ])("posts in %s", async (_, category, categories, expected) => {
    const repo = fakeRepo({
      categories: categories.map(([id, name]) => ({ id: id!, name: name!, slug: name!.toLowerCase() })),
    });
    await run(repo, { loaded: { strategy: reportStrategy({ category }), commit: COMMIT } });
    expect(repo.discussions.map((d) => d.categoryId)).toEqual([expected]);
  });

  it("keeps one Discussion per month: a second run updates it, an unchanged one writes nothing", async () => {
    const repo = fakeRepo({ pulls: [pull(1, "2026-10-05T10:00:00Z", { labels: ["strategy: costs"] })] });
    expect((await run(repo)).action).toBe("created");
    repo.pull(pull(repo.repo.nextNumber(), "2026-10-07T10:00:00Z", { labels: ["bug"] }));
    const second = await run(repo);
    expect(second.action).toBe("updated");
    expect(repo.discussions).toHaveLength(1);
    expect(parseDataComment(repo.discussions[0]!.body)!.problems.reliability!.merged).toBe(1);

    const before = repo.log.length;
    const third = await run(repo);
    expect(third.action).toBe("unchanged");
    expect(
      repo.log.slice(before).some((r) => r.operation.startsWith("Create") || r.operation.startsWith("Update")),
    ).toBe(false);
    expect(repo.discussions).toHaveLength(1);
  });

  it("leaves a person's Discussion with the same title alone and writes its own", async () => {
    const repo = fakeRepo();
    const mine = structuredClone(
      repo.gh.discussion(repo.repo, {
        id: "D_person",
        number: 7,
        title: "Strategy alignment: October 2026",
        body: "My notes",
        createdAt: "2026-10-02T00:00:00Z",
        author: "alice",
      }),
    );
    expect((await run(repo)).action).toBe("created");
    repo.pull(pull(1, "2026-10-05T10:00:00Z"));
    expect((await run(repo)).action).toBe("updated");
    expect(repo.discussions).toHaveLength(2);
    expect(repo.discussions[0]).toEqual({ ...mine });
    expect(repo.discussions[1]!.author).toEqual(APP.login);
    expect(parseDataComment(repo.discussions[1]!.body)!.merged).toBe(1);
  });

  it.each([
    ["Discussion", true],
    ["issue", false],
  ])("leaves one %s when a concurrent run created its report first", async (_, discussionsEnabled) => {
    const repo = fakeRepo({ discussionsEnabled });
    const posts = () => (discussionsEnabled ? repo.discussions : repo.issues);
    // Another replica's report lands while this run gathers its figures.
    repo.gh.beforeWrite = (request) => {
      if (!request.operation?.startsWith("Create") || posts().length > 0) return;
      const other = {
        id: "X_other",
        number: 1,
        title: "Strategy alignment: October 2026",
        body: "other",
        createdAt: "2026-11-01T09:00:00Z",
        author: APP.login,
      };
      if (discussionsEnabled) repo.gh.discussion(repo.repo, other);
      else repo.gh.item(repo.repo, 1, { ...other, kind: "issue" });
    };
    const result = await run(repo);
    expect(result).toMatchObject({ action: "updated", url: expect.stringMatching(/\/1$/) });
    const open = discussionsEnabled ? repo.discussions : repo.issues.filter((i) => i.state === "open");
    expect(open.map((p) => p.id)).toEqual(["X_other"]);
    expect(open[0]!.body).toBe(result.body);
  });

  it("reads Discussions as empty when GitHub refuses them, and posts an issue", async () => {
    const repo = fakeRepo({ discussionsEnabled: false });
    repo.repo.discussionsRefused = true;
    expect((await run(repo)).action).toBe("created");
    expect(repo.issues).toHaveLength(1);
  });

  it("does nothing when asked only for a missing report and it exists", async () => {
    const repo = fakeRepo();
    await run(repo);
    const before = repo.log.length;
    const again = await run(repo, { ifMissing: true });
    expect(again.action).toBe("skipped");
    expect(repo.log.slice(before).map((r) => r.operation)).toEqual(["ReportContext"]);
  });

  it("brings up to date, when asked only for a missing report, one written before the month ended", async () => {
    const repo = fakeRepo();
    await run(repo, { now: new Date("2026-10-28T09:00:00Z") });
    repo.discussions[0]!.createdAt = "2026-10-28T09:00:00Z";
    const late = await run(repo, { ifMissing: true });
    expect(late.action).toBe("updated");
    expect(repo.discussions).toHaveLength(1);
    expect(repo.discussions[0]!.body).not.toContain("The month is not over yet");
  });

  it("renders without writing in a dry run", async () => {
    const repo = fakeRepo();
    const result = await run(repo, { post: false });
    expect(result.action).toBe("dry-run");
    expect(result.body).toContain("<!-- throughline:data");
    expect(repo.log.some((r) => r.operation.startsWith("Create"))).toBe(false);
    expect(repo.discussions).toEqual([]);
  });

  it("reads the trend from the app's earlier reports", async () => {
    const repo = fakeRepo({
      pulls: [
        pull(1, "2026-09-03T10:00:00Z", { labels: ["strategy: reliability"] }),
        pull(2, "2026-09-04T10:00:00Z"),
        pull(3, "2026-10-03T10:00:00Z", { labels: ["strategy: reliability"] }),
      ],
    });
    repo.counts((q) => (q.includes("sev1") ? (q.includes("2026-09") ? 5 : 3) : 0));
    await run(repo, { month: "2026-09" });
    const september = repo.discussions[0]!;
    const october = await run(repo);
    expect(repo.log.filter((r) => r.operation === "ReportBodies").at(-1)!.variables.ids).toEqual([september.id]);
    expect(parseDataComment(october.body)!.problems.reliability).toMatchObject({ merged: 1, share: 1 });
    // Reliability went from 50% to 100% of shipped work; September's counted reading is its history.
    expect(october.body).toMatch(/\| \[Reliability\]\([^)]+\) \| 1 \| 100% ⚠️ \| 1 \| 100% \| 40% \| ↑ 50 pts \|/);
    expect(october.body).toMatch(/\| Sev-1 incidents \| 6 → 3 → 1 incidents \| 60% \| Sep 2026: 5 \|/);
  });

  it("counts metrics, and a count GitHub rejects becomes that metric's error while the others count", async () => {
    const repo = fakeRepo();
    repo.counts((q) => (q.includes("label:idle") ? "Invalid search query: label:idle" : q.includes("sev1") ? 4 : 0));
    const result = await run(repo);
    const data = parseDataComment(result.body)!;
    expect(data.problems.reliability!.metrics![0]).toEqual({
      name: "Sev-1 incidents",
      baseline: 6,
      current: 4,
      target: 1,
      progress: 0.4,
    });
    expect(data.problems.reliability!.metrics![1]).toMatchObject({ name: "Uptime", current: 99.5 });
    expect(data.problems.costs!.metrics![0]).toEqual({
      name: "Idle instances",
      baseline: 40,
      current: null,
      target: 10,
      progress: null,
    });
    expect(result.body).toContain("Invalid search query");
    // Closed issues, then both metrics together; that answer was nulled as a whole, so the metric that was
    // not itself rejected was asked again alone.
    const countRequests = repo.log.filter((r) => r.operation === "SearchCounts").map((r) => Object.values(r.variables));
    expect(countRequests.map((q) => q.length)).toEqual([2, 2, 1]);
    expect(countRequests[2]![0]).toContain("sev1");
  });

  it("flags a plan entry that does not exist and counts the rest once each", async () => {
    const repo = fakeRepo({
      milestones: [
        { title: "Q4", dueOn: "2026-12-31T00:00:00Z" },
        { title: "Q4 stretch", dueOn: null },
      ],
    });
    const issue = (number: number, milestone: string, reason: "completed" | "not_planned" | null) =>
      repo.gh.item(repo.repo, number, {
        kind: "issue",
        milestone,
        state: reason ? "closed" : "open",
        stateReason: reason,
        createdAt: "2026-09-01T10:00:00Z",
      });
    // #123 is named by the plan and is in the milestone too.
    issue(123, "Q4", "completed");
    issue(1, "Q4", "completed");
    issue(2, "Q4", null);
    issue(3, "Q4", "not_planned");
    issue(9, "Q4 stretch", null);
    const result = await run(repo);
    expect(parseDataComment(result.body)!.problems.reliability!.plan).toEqual({ done: 2, total: 3 });
    expect(result.body).toMatch(/Chaos drills: #999 does not exist in this repository/);
  });
});
