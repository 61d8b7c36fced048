import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseDataComment } from "../../src/tally/index.js";
import { STRATEGY } from "../fixtures/strategies.js";
import { APP } from "../fixtures/probot.js";
import { reportRepository, type ReportRepository } from "../fixtures/report-repository.js";
import { cli } from "./helpers.js";

const COMMIT = "0123456789abcdef0123456789abcdef01234567";
const ARGS = ["report", "--repo", "acme/platform", "--month", "2026-10", "--as", APP.login];

let served: ReportRepository | undefined;

/** acme/platform on the fake GitHub with three merged pull requests; the strategy file's commit comes from REST. */
function repository(): ReportRepository {
  const repo = reportRepository({
    files: { "strategy.yml": STRATEGY },
    pulls: [
      { number: 1, title: "Fix the checkout outage", mergedAt: "2026-10-03T10:00:00Z" },
      { number: 2, title: "Cut idle spend", mergedAt: "2026-10-12T10:00:00Z" },
      { number: 3, title: "Update the README", mergedAt: "2026-10-20T10:00:00Z" },
    ],
  });
  repo.repo.branchTarget = false;
  repo.repo.history.set("strategy.yml", [
    { oid: COMMIT, committedDate: "2026-09-01T10:00:00Z", message: "Strategy", text: STRATEGY },
  ]);
  served = repo;
  return repo;
}

describe("throughline report", () => {
  beforeEach(() => nock.disableNetConnect());
  afterEach(() => {
    const problems = served?.gh.problems ?? [];
    served?.stop();
    served = undefined;
    expect(problems).toEqual([]);
    const pending = nock.pendingMocks();
    nock.cleanAll();
    expect(pending).toEqual([]);
  });

  it("prints the month's report as Markdown and posts nothing without --post", async () => {
    const repo = repository();
    const run = await cli(ARGS);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^<!-- throughline:report -->\n/);
    expect(run.stdout).toContain("**3 pull requests (3 author-weeks) shipped** in October 2026");
    expect(parseDataComment(run.stdout)).toMatchObject({
      commit: COMMIT,
      merged: 3,
      problems: { reliability: { merged: 1 }, costs: { merged: 1 } },
      unaligned: { merged: 1 },
    });
    expect(run.err).toEqual(["Strategy alignment: October 2026: dry run, nothing posted (pass --post to post it)"]);
    expect(repo.log.map((r) => r.operation).filter((op) => op.startsWith("Create") || op.startsWith("Update"))).toEqual(
      [],
    );
    expect(repo.discussions).toEqual([]);
  });

  it("posts it with --post, in the Announcements category", async () => {
    const repo = repository();
    const run = await cli([...ARGS, "--post"]);
    expect(run.code).toBe(0);
    expect(repo.discussions).toHaveLength(1);
    expect(repo.discussions[0]).toMatchObject({
      title: "Strategy alignment: October 2026",
      categoryId: "DIC_announcements",
    });
    expect(run.out).toEqual([
      `Strategy alignment: October 2026: created https://github.com/acme/platform/discussions/${repo.discussions[0]!.number}`,
    ]);
  });

  it("refuses a month that is not YYYY-MM", async () => {
    const run = await cli(["report", "--repo", "acme/platform", "--month", "October"]);
    expect(run.code).toBe(2);
    expect(run.err[0]).toBe('throughline report: --month must be YYYY-MM, not "October"');
  });
});
