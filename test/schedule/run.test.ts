import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PublishParams, Published } from "../../src/handlers/report.js";
import { createDeps } from "../../src/index.js";
import { runDueReports, startSchedule, type LoadForSchedule } from "../../src/schedule/index.js";
import { reportStrategy } from "../report/strategy.js";
import { reportRepository } from "../fixtures/report-repository.js";
import { mockInstallations, schedulerProbot } from "./app.js";

const TIMEZONES: Record<string, string> = {
  paris: "Europe/Paris",
  tokyo: "Asia/Tokyo",
  utc: "UTC",
  broken: "UTC",
  failing: "UTC",
};

/** Repositories named after their time zone have a valid strategy; "none" has none; "broken" cannot be read. */
const load: LoadForSchedule = async (_octokit, { repo }) => {
  if (repo === "broken") throw new Error("GitHub answered 502 for the strategy file");
  const timezone = TIMEZONES[repo];
  return timezone ? { status: "ok", strategy: reportStrategy({ timezone }), commit: null } : { status: "missing" };
};

function recorder(failFor: string[] = []) {
  const calls: Pick<PublishParams, "owner" | "repo" | "month" | "ifMissing" | "botLogin">[] = [];
  const publish = async (p: PublishParams): Promise<Published> => {
    calls.push({ owner: p.owner, repo: p.repo, month: p.month, ifMissing: p.ifMissing, botLogin: p.botLogin });
    if (failFor.includes(p.repo)) throw new Error("Discussions answered 403");
    return { title: `Strategy alignment: ${p.month}`, body: "", action: p.ifMissing ? "skipped" : "created" };
  };
  return { calls, publish };
}

const at = (iso: string) => new Date(iso);

beforeEach(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe("the monthly job", () => {
  it("posts the previous month at 09:00 on the 1st in each repository's time zone", async () => {
    mockInstallations({ acme: ["paris", "tokyo", "utc", "none"] });
    const app = schedulerProbot();
    const { calls, publish } = recorder();

    // 07:30 to 08:30 UTC on 1 November: 09:00 in Paris (08:00 UTC) falls in it; Tokyo's was at 00:00 UTC.
    await runDueReports({ app, now: at("2026-11-01T08:30:00Z"), since: at("2026-11-01T07:30:00Z"), load, publish });
    expect(calls).toEqual([
      { owner: "acme", repo: "paris", month: "2026-10", ifMissing: false, botLogin: "throughline[bot]" },
    ]);

    calls.length = 0;
    await runDueReports({ app, now: at("2026-11-01T09:30:00Z"), since: at("2026-11-01T08:30:00Z"), load, publish });
    expect(calls.map((c) => [c.repo, c.month])).toEqual([["utc", "2026-10"]]);

    calls.length = 0;
    await runDueReports({ app, now: at("2026-11-01T00:30:00Z"), since: at("2026-10-31T23:30:00Z"), load, publish });
    expect(calls.map((c) => [c.repo, c.month])).toEqual([["tokyo", "2026-10"]]);
  });

  it("on start-up posts last month's report late when it is missing", async () => {
    mockInstallations({ acme: ["paris", "none", "utc"] });
    const { calls, publish } = recorder();
    await runDueReports({ app: schedulerProbot(), now: at("2026-11-03T12:00:00Z"), since: null, load, publish });
    expect(calls.map((c) => [c.repo, c.month, c.ifMissing])).toEqual([
      ["paris", "2026-10", true],
      ["utc", "2026-10", true],
    ]);
  });

  it("goes on with the other repositories and installations when one fails", async () => {
    mockInstallations({ acme: ["broken", "failing", "paris"], globex: 500, initech: ["utc"] });
    const { calls, publish } = recorder(["failing"]);
    const outcomes = await runDueReports({
      app: schedulerProbot(),
      now: at("2026-11-03T12:00:00Z"),
      since: null,
      load,
      publish,
    });
    expect(outcomes).toEqual([
      { repo: "acme/broken", error: "GitHub answered 502 for the strategy file" },
      { repo: "acme/failing", error: "Discussions answered 403" },
      { repo: "acme/paris", month: "2026-10", action: "skipped", url: undefined },
      { repo: "globex/*", error: expect.stringContaining("Server Error") },
      { repo: "initech/utc", month: "2026-10", action: "skipped", url: undefined },
    ]);
    expect(calls.map((c) => c.repo)).toEqual(["failing", "paris", "utc"]);
  });

  it("with a fake clock: catches up on start, then posts when the schedule fires, retrying failures late", async () => {
    mockInstallations({ acme: ["failing", "paris"] });
    let clock = at("2026-10-31T10:00:00Z");
    const { calls, publish } = recorder(["failing"]);
    const app = schedulerProbot();
    const deps = createDeps(app, { now: () => clock });
    const schedule = startSchedule({ app, deps, cron: "0 0 1 1 *", load, publish });
    try {
      await schedule.started;
      // On start-up: September's reports, posted if missing.
      expect(calls.map((c) => [c.repo, c.month, c.ifMissing])).toEqual([
        ["failing", "2026-09", true],
        ["paris", "2026-09", true],
      ]);
      calls.length = 0;
      clock = at("2026-11-01T08:00:00Z");
      await schedule.tick();
      // Paris fired; the repository that failed is caught up late.
      expect(calls.map((c) => [c.repo, c.month, c.ifMissing])).toEqual([
        ["failing", "2026-09", true],
        ["paris", "2026-10", false],
      ]);
    } finally {
      schedule.stop();
    }
  });

  it("posts a real report through GitHub when the schedule fires", async () => {
    // The fake GitHub: the app installed on acme, which has the one repository.
    const repo = reportRepository({ pulls: [{ number: 1, title: "Fix outage", mergedAt: "2026-10-20T10:00:00Z" }] });
    const loadPlatform: LoadForSchedule = async () => ({ status: "ok", strategy: reportStrategy(), commit: "abc" });
    const outcomes = await runDueReports({
      app: schedulerProbot(),
      now: at("2026-11-01T09:00:00Z"),
      since: at("2026-11-01T08:00:00Z"),
      load: loadPlatform,
    });
    expect(outcomes).toEqual([
      { repo: "acme/platform", month: "2026-10", action: "created", url: expect.stringContaining("/discussions/") },
    ]);
    expect(repo.discussions.map((d) => d.title)).toEqual(["Strategy alignment: October 2026"]);
    expect(repo.gh.problems).toEqual([]);
    repo.stop();
  });
});
