/**
 * One report per repository and month, however often and from wherever the monthly job runs: twice,
 * late (catching up on start-up), on two replicas at the same moment, or alongside `/strategy report`.
 * The real job (runDueReports) and the real report (publishReport) against an in-memory GitHub.
 */
import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { publishReport } from "../../src/handlers/report.js";
import { runDueReports, type LoadForSchedule } from "../../src/schedule/index.js";
import { FakeGitHub, type Repository } from "../fixtures/github-fake/index.js";
import { APP, testOctokit } from "../fixtures/probot.js";
import { reportStrategy } from "../report/strategy.js";
import { schedulerProbot } from "../schedule/app.js";

const load: LoadForSchedule = async () => ({ status: "ok", strategy: reportStrategy(), commit: null });
const FIRED = { since: new Date("2026-11-01T08:30:00Z"), now: new Date("2026-11-01T09:30:00Z") }; // 09:00 UTC on the 1st
const LATE = { since: null, now: new Date("2026-11-04T12:00:00Z") }; // start-up, three days after

const pull = (number: number) => ({
  title: `Fix outage ${number}`,
  mergedAt: `2026-10-0${number}T10:00:00Z`,
  state: "closed" as const,
  labels: ["bug"],
});
const ownReports = (repo: Repository) => repo.discussions.filter((d) => d.author === APP.login && d.state === "open");
const openIssues = (repo: Repository) =>
  [...repo.items.values()].filter((i) => i.kind === "issue" && i.state === "open");

/** acme/platform with two pull requests merged in October, the app installed on it. */
function setup(discussionsEnabled = true) {
  const gh = new FakeGitHub({ now: FIRED.now });
  const repo = gh.addRepository({ owner: "acme", name: "platform", discussionsEnabled });
  for (const n of [1, 2]) gh.item(repo, n, { ...pull(n), createdAt: `2026-09-2${n}T10:00:00Z` });
  gh.install(1, "acme", [repo]);
  gh.intercept();
  const log = gh.log;
  return { repo, log, creates: () => log.filter((r) => r.operation?.startsWith("Create")).length };
}

beforeEach(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe("the monthly report, once per month", () => {
  it("the job running twice for the same firing: one Discussion, the second run writes nothing", async () => {
    const { repo, log } = setup();
    const app = schedulerProbot();
    const first = await runDueReports({ app, ...FIRED, load });
    const writesBefore = log.filter((r) => /^(Create|Update|Delete)/.test(r.operation ?? "")).length;
    const second = await runDueReports({ app, ...FIRED, load });
    expect([first[0]!.action, second[0]!.action]).toEqual(["created", "unchanged"]);
    expect(log.filter((r) => /^(Create|Update|Delete)/.test(r.operation ?? "")).length).toBe(writesBefore);
    expect(repo.discussions.map((d) => d.title)).toEqual(["Strategy alignment: October 2026"]);
  });

  it("late: posted on start-up when missing, skipped when it is there", async () => {
    const { repo } = setup();
    const app = schedulerProbot();
    const [late] = await runDueReports({ app, ...LATE, load });
    const [again] = await runDueReports({ app, ...LATE, load });
    expect([late!.action, again!.action]).toEqual(["created", "skipped"]);
    expect(repo.discussions).toHaveLength(1);
  });

  it.each([
    ["Discussion", true],
    ["issue (Discussions off)", false],
  ])("two replicas firing at the same moment: one %s", async (_kind, discussionsEnabled) => {
    const { repo, creates } = setup(discussionsEnabled);
    const outcomes = await Promise.all([
      runDueReports({ app: schedulerProbot(), ...FIRED, load }),
      runDueReports({ app: schedulerProbot(), ...FIRED, load }),
    ]);
    // Both really raced (each created one); the later one gave way.
    expect(creates()).toBe(2);
    expect(
      outcomes
        .flat()
        .map((o) => o.action)
        .sort(),
    ).toEqual(["created", "updated"]);
    const open = discussionsEnabled ? ownReports(repo) : openIssues(repo);
    expect(open).toHaveLength(1);
    expect(outcomes.flat().every((o) => o.url === outcomes[0][0]!.url)).toBe(true);
  });

  it("the job and /strategy report at once: one Discussion", async () => {
    const { repo } = setup();
    const command = publishReport({
      octokit: testOctokit(),
      owner: "acme",
      repo: "platform",
      month: "2026-10",
      loaded: { strategy: reportStrategy(), commit: null },
      botLogin: APP.login,
      post: true,
      now: FIRED.now,
    });
    await Promise.all([runDueReports({ app: schedulerProbot(), ...FIRED, load }), command]);
    expect(ownReports(repo)).toHaveLength(1);
  });

  it("three replicas and a late start-up at once: still one", async () => {
    const { repo } = setup();
    await Promise.all([
      runDueReports({ app: schedulerProbot(), ...FIRED, load }),
      runDueReports({ app: schedulerProbot(), ...FIRED, load }),
      runDueReports({ app: schedulerProbot(), ...FIRED, load }),
      runDueReports({ app: schedulerProbot(), ...LATE, load }),
    ]);
    expect(ownReports(repo)).toHaveLength(1);
  });
});
