/**
 * One repository's trouble stays in that repository: a strategy that is invalid, missing, inherited from
 * nowhere or unreadable changes nothing for another repository's events, handled at the same time by
 * the same process. (For the monthly job: test/schedule/run.test.ts, "goes on with the other
 * repositories and installations when one fails".)
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { assertNoPendingMocks, setupNock } from "../fixtures/probot.js";
import { INVALID_STRATEGY, STRATEGY } from "../fixtures/strategies.js";
import { FakeGitHub } from "../fixtures/github-fake/index.js";
import { RepoFake } from "../fixtures/github-fake/one-repo.js";
import { issueEvent, pullRequestEvent, testProbot } from "./helpers.js";

const RELIABILITY = "strategy: reliability";

function twoRepositories(broken: string | null) {
  const github = new FakeGitHub({ autoCreateItems: true });
  const good = new RepoFake({ owner: "acme", repo: "good", strategy: STRATEGY, github }).serve();
  const bad = new RepoFake({ owner: "acme", repo: "bad", strategy: broken, github }).serve();
  for (const fake of [good, bad]) fake.item(2).files = ["infra/main.tf"];
  return { github, good, bad };
}

function pullRequestIn(repo: string, action = "opened") {
  const event = pullRequestEvent(action);
  event.payload.repository = {
    ...event.payload.repository,
    name: repo,
    full_name: `acme/${repo}`,
    owner: { ...event.payload.repository.owner, login: "acme" },
  };
  return event;
}

/** Issues #1-#5 and pull request #2 in each repository, all at once, interleaved. */
async function burst(probot: ReturnType<typeof testProbot>) {
  const events = ["bad", "good"].flatMap((repo) => [
    ...Array.from({ length: 5 }, (_, i) => issueEvent("opened", { number: 10 + i }, { owner: "acme", repo })),
    pullRequestIn(repo),
  ]);
  return Promise.allSettled(events.map((e) => probot.receive(e)));
}

function expectGoodDone(good: RepoFake) {
  for (let i = 10; i < 15; i++) expect(good.item(i).labels).toEqual([RELIABILITY]);
  expect(good.item(2).labels).toEqual([RELIABILITY]);
  expect(good.commentsOn(2)).toHaveLength(1);
  expect(good.checks.map((c) => c.conclusion)).toEqual(["success"]);
}

describe("one repository's broken strategy, another's events", () => {
  beforeEach(setupNock);
  afterEach(assertNoPendingMocks);

  it("invalid in one: its issues are left alone and its pull request says why; the other is handled in full", async () => {
    const probot = testProbot();
    const { good, bad } = twoRepositories(INVALID_STRATEGY);
    const outcomes = await burst(probot);
    expect(outcomes.every((o) => o.status === "fulfilled")).toBe(true);
    expectGoodDone(good);
    expect(bad.requests.some((r) => r.method === "POST" && /\/issues\/1\d\/labels$/.test(r.path))).toBe(false);
    expect(bad.commentsOn(2)[0]!.body).toMatch(/used twice/);
  });

  it("missing in one: nothing happens there; the other is handled in full", async () => {
    const probot = testProbot();
    const { good, bad } = twoRepositories(null);
    await burst(probot);
    expectGoodDone(good);
    expect(bad.writes()).toEqual([]);
  });

  it("inherited from a repository that has none: an error there only", async () => {
    const probot = testProbot();
    const { github, good, bad } = twoRepositories(
      "version: 1\nextends: acme/nowhere\nproblems:\n  - id: x\n    title: X\n",
    );
    const nowhere = new RepoFake({ owner: "acme", repo: "nowhere", strategy: null, github }).serve();
    await burst(probot);
    expectGoodDone(good);
    expect(bad.commentsOn(2)[0]!.body).toMatch(/acme\/nowhere has no strategy file/);
    expect(nowhere.writes()).toEqual([]);
  });

  it("unreadable in one (GitHub failing for it): its events fail, the other's all succeed", async () => {
    const probot = testProbot();
    const { good, bad } = twoRepositories(STRATEGY);
    bad.fault = () => ({ status: 500 });
    const outcomes = await burst(probot);
    expect(outcomes.filter((o) => o.status === "rejected")).toHaveLength(6);
    expectGoodDone(good);
  });

  it("the same file in both, then broken in one: the other keeps its rules", async () => {
    const probot = testProbot();
    const { good, bad } = twoRepositories(STRATEGY);
    await probot.receive(issueEvent("opened", { number: 1 }, { owner: "acme", repo: "good" }));
    bad.strategy = INVALID_STRATEGY;
    await probot.receive(issueEvent("opened", { number: 1 }, { owner: "acme", repo: "bad" }));
    await probot.receive(issueEvent("opened", { number: 3 }, { owner: "acme", repo: "good" }));
    expect(good.item(3).labels).toEqual([RELIABILITY]);
    expect(bad.item(1).labels).toEqual([]);
  });
});
