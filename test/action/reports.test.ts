import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PublishParams, Published } from "../../src/handlers/report.js";
import { api, mockGraphQL, mockStrategyFile, REPO_PATH } from "../fixtures/github.js";
import { assertNoPendingMocks, setupNock } from "../fixtures/probot.js";
import { INVALID_STRATEGY, STRATEGY } from "../fixtures/strategies.js";
import { reportRepository } from "../fixtures/report-repository.js";
import { runWith, workflowEnv } from "./helpers.js";

/** Records what would be published; `existing` months already have a report, `fail` ones cannot be written. */
function recorder(existing: string[] = [], fail: string[] = []) {
  const calls: Omit<PublishParams, "octokit" | "loaded">[] = [];
  const publish = async ({ octokit: _o, loaded: _l, ...p }: PublishParams): Promise<Published> => {
    calls.push(p);
    if (fail.includes(p.month)) throw new Error("Discussions are unavailable");
    const title = `Strategy alignment: ${p.month}`;
    return existing.includes(p.month)
      ? { title, body: "…", action: "updated", url: "https://github.com/d/1" }
      : { title, body: "…", action: "created", url: "https://github.com/d/2" };
  };
  return { calls, publish };
}

const SCHEDULE = { schedule: "0 9 1 * *" };

describe("schedule and workflow_dispatch post the monthly reports", () => {
  beforeEach(() => {
    setupNock();
  });
  afterEach(assertNoPendingMocks);

  it.each(["schedule", "workflow_dispatch"])(
    "on %s: the previous month, brought to its final figures, then the current month",
    async (event) => {
      mockStrategyFile(api(), STRATEGY);
      const { calls, publish } = recorder(["2026-10"]);
      const { code, lines } = await runWith(workflowEnv(event, event === "schedule" ? SCHEDULE : { inputs: {} }), {
        publish,
      });
      expect(code).toBe(0);
      expect(calls.map(({ month, post, ifMissing }) => ({ month, post, ifMissing }))).toEqual([
        { month: "2026-10", post: true, ifMissing: undefined },
        { month: "2026-11", post: true, ifMissing: undefined },
      ]);
      expect(
        calls.every(
          (c) => c.owner === "Codertocat" && c.repo === "Hello-World" && c.botLogin === "github-actions[bot]",
        ),
      ).toBe(true);
      expect(lines).toEqual([
        "Strategy alignment: 2026-10: updated (https://github.com/d/1)",
        "Strategy alignment: 2026-11: posted (https://github.com/d/2)",
      ]);
    },
  );

  it("reads the months in the strategy's time zone", async () => {
    mockStrategyFile(api(), `${STRATEGY}  report: { timezone: Pacific/Kiritimati }\n`);
    const { calls, publish } = recorder();
    // 20:00 UTC on 30 November is already 1 December at UTC+14.
    await runWith(workflowEnv("schedule", SCHEDULE), { publish, now: () => new Date("2026-11-30T20:00:00Z") });
    expect(calls.map((c) => c.month)).toEqual(["2026-11", "2026-12"]);
  });

  it("still refreshes the current month when the previous one fails, and then exits non-zero", async () => {
    mockStrategyFile(api(), STRATEGY);
    const { calls, publish } = recorder([], ["2026-10"]);
    const { code, lines } = await runWith(workflowEnv("schedule", SCHEDULE), { publish });
    expect(code).toBe(1);
    expect(calls.map((c) => c.month)).toEqual(["2026-10", "2026-11"]);
    expect(lines[0]).toBe("::error::The report for 2026-10 could not be written: Discussions are unavailable");
  });

  it("fails with the file's errors when the strategy is invalid", async () => {
    mockStrategyFile(api(), INVALID_STRATEGY);
    const { calls, publish } = recorder();
    const { code, lines } = await runWith(workflowEnv("schedule", SCHEDULE), { publish });
    expect(code).toBe(1);
    expect(calls).toEqual([]);
    expect(lines[0]).toMatch(
      /^::error::strategy\.yml is not valid, so no report was posted:%0Astrategy\.yml:5:\d+ problems\[1\]\.id: /,
    );
  });

  it("posts nothing, successfully, in a repository without a strategy", async () => {
    const scope = api();
    scope.get(`${REPO_PATH}/contents/strategy.yml`).reply(404, {});
    mockGraphQL(scope, "LocateStrategy", { data: { local: {}, org: null } });
    // The setup issue was opened on an earlier run (test/action/setup.test.ts opens it).
    const setUp = { __typename: "Bot", login: "github-actions" };
    const repository = {
      isArchived: false,
      hasIssuesEnabled: true,
      defaultBranchRef: null,
      labels: null,
      object: null,
    };
    const search = { nodes: [{ id: "I_1", number: 7, title: "Set up Throughline", state: "OPEN", author: setUp }] };
    mockGraphQL(scope, "SetupContext", { data: { repository, search } });
    const { calls, publish } = recorder();
    const { code, lines } = await runWith(workflowEnv("schedule", SCHEDULE), { publish });
    expect(code).toBe(0);
    expect(calls).toEqual([]);
    expect(lines[0]).toMatch(/^::notice::Codertocat\/Hello-World has no strategy file/);
  });
});

describe("the monthly reports through the real report pipeline", () => {
  beforeEach(() => {
    setupNock();
  });
  afterEach(assertNoPendingMocks);

  it("keeps exactly one report per month: a second run writes nothing new", async () => {
    // What GitHub reports as the author of what the workflow token writes: github-actions[bot].
    const repo = reportRepository({
      owner: "Codertocat",
      name: "Hello-World",
      files: { "strategy.yml": STRATEGY },
      pulls: [
        { number: 7, title: "Fix the checkout outage", mergedAt: "2026-10-03T10:00:00Z" },
        { number: 8, title: "Cut idle spend", mergedAt: "2026-11-12T10:00:00Z" },
      ],
      options: { app: { id: 2, slug: "github-actions" } },
    });
    repo.repo.branchTarget = false;
    repo.repo.history.set("strategy.yml", [
      { oid: "c".repeat(40), committedDate: "2026-09-01T10:00:00Z", message: "Strategy", text: STRATEGY },
    ]);
    const log = () => repo.log;

    const first = await runWith(workflowEnv("schedule", SCHEDULE));
    expect(first.code).toBe(0);
    expect(repo.discussions.map((d) => d.title)).toEqual([
      "Strategy alignment: October 2026",
      "Strategy alignment: November 2026",
    ]);
    expect(first.lines).toEqual([
      expect.stringMatching(
        /^Strategy alignment: October 2026: posted \(https:\/\/github\.com\/Codertocat\/Hello-World\/discussions\/\d+\)$/,
      ),
      expect.stringMatching(/^Strategy alignment: November 2026: posted /),
    ]);

    const writes = () => log().filter((r) => /^(Create|Update)/.test(r.operation)).length;
    const before = writes();
    const second = await runWith(workflowEnv("schedule", SCHEDULE));
    expect(second.code).toBe(0);
    expect(writes()).toBe(before);
    expect(repo.discussions).toHaveLength(2);
    expect(second.lines.map((l) => l.replace(/ \(.*\)$/, ""))).toEqual([
      "Strategy alignment: October 2026: already up to date",
      "Strategy alignment: November 2026: already up to date",
    ]);
    expect(repo.gh.problems).toEqual([]);
    repo.stop();
  });
});
