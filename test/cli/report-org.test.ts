import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseDataComment } from "../../src/tally/index.js";
import { ORG_STRATEGY, organisation } from "../fixtures/organisation.js";
import { APP } from "../fixtures/probot.js";
import { cli } from "./helpers.js";

let stop: (() => void) | undefined;

/** The organisation on the fake GitHub; the strategy file's commit comes from REST (no history in GraphQL). */
function served() {
  const org = organisation();
  org.home.branchTarget = false;
  org.home.history.set("strategy.yml", [
    { oid: "d".repeat(40), committedDate: "2026-09-01T10:00:00Z", message: "Strategy", text: ORG_STRATEGY },
  ]);
  stop = org.gh.intercept();
  return org;
}

describe("throughline report --org", () => {
  beforeEach(() => nock.disableNetConnect());
  afterEach(() => {
    stop?.();
    const pending = nock.pendingMocks();
    nock.cleanAll();
    expect(pending).toEqual([]);
  });

  it("prints the organisation report, and posts it to the .github repository with --post", async () => {
    const { gh, home } = served();
    const dry = await cli(["report", "--org", "acme", "--month", "2026-10", "--as", APP.login]);
    expect(dry.code).toBe(0);
    expect(parseDataComment(dry.stdout)).toMatchObject({
      scope: "organisation",
      merged: 9,
      repositories: { api: { merged: 4 }, web: { merged: 4 } },
    });
    expect(dry.stdout).toContain("acme, 3 repositories");
    expect(home.discussions).toEqual([]);

    const posted = await cli(["report", "--org", "acme", "--month", "2026-10", "--as", APP.login, "--post"]);
    expect(posted.code).toBe(0);
    expect(gh.problems).toEqual([]);
    expect(home.discussions.map((d) => d.title)).toEqual(["Strategy alignment: October 2026"]);
    expect(posted.out).toEqual([
      `Strategy alignment: October 2026: created https://github.com/acme/.github/discussions/${home.discussions[0]!.number}`,
    ]);
  });

  it("takes --repo or --org, not both", async () => {
    const run = await cli(["report", "--org", "acme", "--repo", "acme/api"]);
    expect(run.code).toBe(2);
    expect(run.err[0]).toBe("throughline report: give --repo or --org, not both");
  });
});
