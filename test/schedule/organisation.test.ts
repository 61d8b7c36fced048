import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runDueReports } from "../../src/schedule/index.js";
import { parseDataComment } from "../../src/tally/index.js";
import { FakeGitHub } from "../fixtures/github-fake/index.js";
import { EXTENDING, INDEPENDENT, ORG_STRATEGY } from "../fixtures/organisation.js";
import { schedulerProbot } from "./app.js";

let stop: (() => void) | undefined;
beforeEach(() => nock.disableNetConnect());
afterEach(() => {
  stop?.();
  nock.cleanAll();
});

describe("the monthly job in an organisation", () => {
  it("posts one organisation report, in .github, covering the repositories that inherit or extend its strategy", async () => {
    const gh = new FakeGitHub({ app: { id: 1, slug: "throughline" }, now: new Date("2026-11-01T09:30:00Z") });
    const home = gh.addRepository({ owner: "acme", name: ".github", files: { "strategy.yml": ORG_STRATEGY } });
    const api = gh.addRepository({ owner: "acme", name: "api" });
    const web = gh.addRepository({ owner: "acme", name: "web", files: { ".github/strategy.yml": EXTENDING } });
    const mobile = gh.addRepository({ owner: "acme", name: "mobile", files: { "strategy.yml": INDEPENDENT } });
    const merged = (day: number) => ({
      mergedAt: `2026-10-${day}T10:00:00Z`,
      state: "closed" as const,
      createdAt: `2026-10-${day}T09:00:00Z`,
    });
    gh.item(api, 1, { title: "Retry payments", labels: ["strategy: reliability"], ...merged(10) });
    gh.item(api, 2, { title: "Refactor", ...merged(11) });
    gh.item(web, 1, { title: "Invoice page", labels: ["billing"], ...merged(12) });
    gh.item(mobile, 1, { title: "Crash fix", labels: ["strategy: reliability"], ...merged(13) });
    gh.item(home, 1, { title: "Outage runbook", ...merged(14) });
    stop = gh.intercept();

    // The hour in which 09:00 UTC on 1 November falls: every repository's schedule fires.
    const outcomes = await runDueReports({
      app: schedulerProbot(),
      now: new Date("2026-11-01T09:30:00Z"),
      since: new Date("2026-11-01T08:30:00Z"),
    });

    expect(outcomes.filter((o) => o.error)).toEqual([]);
    expect(gh.problems).toEqual([]);
    const reports = [home, api, web, mobile].flatMap((r) =>
      r.discussions.map((d) => ({ repo: r.name, title: d.title, data: parseDataComment(d.body)! })),
    );
    const organisation = reports.filter((r) => r.data.scope === "organisation");
    expect(organisation.map((r) => [r.repo, r.title])).toEqual([[".github", "Strategy alignment: October 2026"]]);
    expect(organisation[0]!.data).toMatchObject({
      merged: 4,
      problems: { reliability: { merged: 2 }, costs: { merged: 1 } },
      unaligned: { merged: 1 },
      repositories: {
        ".github": { merged: 1, problems: { reliability: 1, costs: 0 }, unaligned: 0 },
        api: { merged: 2, problems: { reliability: 1, costs: 0 }, unaligned: 1 },
        web: { merged: 1, problems: { reliability: 0, costs: 1 }, unaligned: 0 },
      },
    });
    // The other repositories keep their own reports.
    expect(
      reports
        .filter((r) => r.data.scope === undefined)
        .map((r) => r.repo)
        .sort(),
    ).toEqual(["api", "mobile", "web"]);
  });
});
