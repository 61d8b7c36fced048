import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseDataComment } from "../../src/tally/index.js";
import { BOT } from "../report/fake-github.js";
import { serveOrg } from "../report/fake-org.js";
import { ORG_STRATEGY, organisation } from "../report/organisation-fixture.js";
import { cli } from "./helpers.js";

function strategyFile() {
  nock("https://api.github.com")
    .get("/repos/acme/.github/contents/strategy.yml")
    .reply(200, {
      type: "file",
      path: "strategy.yml",
      sha: "b1",
      encoding: "base64",
      content: Buffer.from(ORG_STRATEGY).toString("base64"),
    })
    .get("/repos/acme/.github/commits")
    .query({ path: "strategy.yml", per_page: "1" })
    .reply(200, [{ sha: "d".repeat(40) }]);
}

describe("throughline report --org", () => {
  beforeEach(() => nock.disableNetConnect());
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    expect(pending).toEqual([]);
  });

  it("prints the organisation report, and posts it to the .github repository with --post", async () => {
    const org = organisation();
    serveOrg(org);
    strategyFile();
    const dry = await cli(["report", "--org", "acme", "--month", "2026-10", "--as", BOT.login]);
    expect(dry.code).toBe(0);
    expect(parseDataComment(dry.stdout)).toMatchObject({
      scope: "organisation",
      merged: 9,
      repositories: { api: { merged: 4 }, web: { merged: 4 } },
    });
    expect(dry.stdout).toContain("acme, 3 repositories");
    expect(org.home.discussions).toEqual([]);

    strategyFile();
    const posted = await cli(["report", "--org", "acme", "--month", "2026-10", "--as", BOT.login, "--post"]);
    expect(posted.code).toBe(0);
    expect(org.home.discussions.map((d) => d.title)).toEqual(["Strategy alignment: October 2026"]);
    expect(posted.out).toEqual([
      `Strategy alignment: October 2026: created https://github.com/acme/.github/discussions/${org.home.discussions[0].number}`,
    ]);
  });

  it("takes --repo or --org, not both", async () => {
    const run = await cli(["report", "--org", "acme", "--repo", "acme/api"]);
    expect(run.code).toBe(2);
    expect(run.err[0]).toBe("throughline report: give --repo or --org, not both");
  });
});
