import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseDataComment } from "../../src/tally/index.js";
import { assertNoPendingMocks, setupNock } from "../fixtures/probot.js";
import { STRATEGY } from "../fixtures/strategies.js";
import { reportRepository, type ReportRepository } from "../fixtures/report-repository.js";
import { runWith, workflowEnv } from "./helpers.js";

describe("the Action in the owner's .github repository", () => {
  let served: ReportRepository | undefined;
  beforeEach(setupNock);
  afterEach(() => {
    served?.stop();
    assertNoPendingMocks();
    expect(served?.gh.problems).toEqual([]);
  });

  it("reports that repository's own work, and says at the report's top and in the run why it is not the organisation report", async () => {
    // acme/.github on the fake GitHub; what the workflow token writes is authored by github-actions[bot].
    const repo = reportRepository({
      name: ".github",
      files: { "strategy.yml": STRATEGY },
      pulls: [{ number: 4, title: "Docs", mergedAt: "2026-10-05T10:00:00Z" }],
      options: { app: { id: 2, slug: "github-actions" } },
    });
    served = repo;
    repo.repo.branchTarget = false;
    repo.repo.history.set("strategy.yml", [
      { oid: "c".repeat(40), committedDate: "2026-09-01T10:00:00Z", message: "Strategy", text: STRATEGY },
    ]);
    const log = () => repo.log;

    const { code, lines } = await runWith(
      workflowEnv("schedule", { schedule: "0 9 1 * *" }, { GITHUB_REPOSITORY: "acme/.github" }),
    );

    expect(code).toBe(0);
    expect(lines[0]).toMatch(
      /^::notice::This report covers the \.github repository's own pull requests only: it was made by the GitHub Action/,
    );
    expect(lines[0]).toContain("throughline report --org OWNER --post");
    // Nothing organisation-wide was attempted: no listing of the owner's repositories, no search across them.
    expect(log().map((r) => r.operation)).not.toContain("OrgRepositories");
    expect(
      log()
        .filter((r) => r.operation === "MergedPulls")
        .map((r) => r.variables.q0),
    ).toEqual([
      expect.stringMatching(/^repo:acme\/\.github is:pr is:merged base:main /),
      expect.stringMatching(/^repo:acme\/\.github is:pr is:merged base:main /),
    ]);
    const october = repo.discussions.find((d) => d.title === "Strategy alignment: October 2026")!;
    expect(october.body).toContain("> [!NOTE]\n> This report covers the .github repository's own pull requests only");
    const data = parseDataComment(october.body)!;
    expect(data.merged).toBe(1);
    expect(data.scope).toBeUndefined();
  });
});
