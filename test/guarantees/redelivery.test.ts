/**
 * One outcome per event, however it arrives: a redelivery (same delivery id) is handled once, events
 * for the same item never interleave, and a create that failed with a server error but happened is not
 * made a second time (the retry plugin is ON in those tests, as in production).
 */
import { generateKeyPairSync } from "node:crypto";
import { Probot, ProbotOctokit } from "probot";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { assertNoPendingMocks, setupNock } from "../fixtures/probot.js";
import { STRATEGY } from "../fixtures/strategies.js";
import { RepoFake } from "../fixtures/github-fake/one-repo.js";
import { APP, commentEvent, issueEvent, liveProbot, NOW, pullRequestEvent, testProbot } from "./helpers.js";

const RELIABILITY = "strategy: reliability";
const posts = (fake: RepoFake, path: RegExp) => fake.requests.filter((r) => r.method === "POST" && path.test(r.path));
const appComments = (fake: RepoFake, number: number) => fake.commentsOn(number).filter((c) => c.author === APP.login);

function pullRequestFake() {
  const fake = new RepoFake({ strategy: STRATEGY }).serve();
  fake.repoLabels.add(RELIABILITY);
  fake.item(2).files = ["infra/main.tf"];
  return fake;
}

describe("the same delivery twice", () => {
  beforeEach(setupNock);
  afterEach(assertNoPendingMocks);

  it("one after the other: handled once", async () => {
    const probot = testProbot();
    const fake = new RepoFake({ strategy: STRATEGY }).serve();
    const event = issueEvent("opened");
    await probot.receive(event);
    await probot.receive(event);
    expect(fake.item(1).labels).toEqual([RELIABILITY]);
    expect(fake.writes().map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /repos/Codertocat/Hello-World/labels",
      "POST /repos/Codertocat/Hello-World/issues/1/labels",
    ]);
  });

  it("both at once: handled once", async () => {
    const probot = testProbot();
    const fake = pullRequestFake();
    const event = pullRequestEvent("opened");
    await Promise.all([probot.receive(event), probot.receive(structuredClone(event))]);
    expect(appComments(fake, 2)).toHaveLength(1);
    expect(fake.checks).toHaveLength(1);
    expect(posts(fake, /issues\/2\/labels$/)).toHaveLength(1);
  });

  it("a delivery that failed is handled in full when it is redelivered", async () => {
    const probot = testProbot();
    const fake = pullRequestFake();
    fake.fault = (r) => (r.path.endsWith("/check-runs") ? { status: 502 } : undefined);
    const event = pullRequestEvent("opened");
    await expect(probot.receive(event)).rejects.toThrow();
    expect(fake.checks).toHaveLength(0);
    fake.fault = () => undefined;
    await probot.receive(event);
    expect(fake.checks).toHaveLength(1);
    expect(appComments(fake, 2)).toHaveLength(1);
  });
});

describe("two events for one item at once", () => {
  beforeEach(setupNock);
  afterEach(assertNoPendingMocks);

  it("a pull request opened and edited at the same moment: one comment, one check, one label", async () => {
    const probot = testProbot();
    const fake = pullRequestFake();
    await Promise.all([probot.receive(pullRequestEvent("opened")), probot.receive(pullRequestEvent("edited"))]);
    expect(appComments(fake, 2)).toHaveLength(1);
    expect(fake.checks.map((c) => c.name)).toEqual(["Strategy alignment"]);
    expect(fake.item(2).labels).toEqual([RELIABILITY]);
  });

  it("five events for one pull request and one for another, all at once: each pull request has one comment and one check", async () => {
    const probot = testProbot();
    const fake = pullRequestFake();
    fake.item(3).files = ["docs/readme.md"];
    const actions = ["opened", "edited", "synchronize", "labeled", "reopened"];
    await Promise.all([
      ...actions.map((a) => probot.receive(pullRequestEvent(a))),
      probot.receive(
        pullRequestEvent("opened", {
          number: 3,
          head: { ...pullRequestEvent("opened").payload.pull_request.head, sha: "3".repeat(40) },
        }),
      ),
    ]);
    expect(appComments(fake, 2)).toHaveLength(1);
    expect(appComments(fake, 3)).toHaveLength(1);
    expect(fake.checks.map((c) => c.headSha).sort()).toHaveLength(2);
  });

  it("an issue opened while a person labels it: one strategy label, and the person's label stays", async () => {
    const probot = testProbot();
    const fake = new RepoFake({ strategy: STRATEGY }).serve();
    fake.repoLabels.add(RELIABILITY);
    fake.addLabel(1, "bug");
    await Promise.all([
      probot.receive(issueEvent("opened")),
      probot.receive(issueEvent("labeled", { labels: fake.labelsOf(1) })),
    ]);
    expect(fake.item(1).labels).toEqual(["bug", RELIABILITY]);
  });
});

describe("a create that answered 500 but happened", () => {
  beforeEach(setupNock);
  afterEach(assertNoPendingMocks);

  // The request-level version, without retries, is in test/app/pull-requests.test.ts
  // ("looks again after a create that failed with 500 but happened: one comment").
  it("the progress comment: looked for again, not posted twice, even with retries on", async () => {
    const probot = liveProbot();
    const fake = pullRequestFake();
    let failed = false;
    fake.fault = (r) =>
      r.method === "POST" && r.path.endsWith("/issues/2/comments") && !failed
        ? ((failed = true), { status: 500, happened: true })
        : undefined;
    await probot.receive(pullRequestEvent("opened"));
    expect(posts(fake, /issues\/2\/comments$/)).toHaveLength(1);
    expect(appComments(fake, 2)).toHaveLength(1);
  });

  it("the check run: not created twice; the delivery fails, and its redelivery updates the run that exists", async () => {
    const probot = liveProbot();
    const fake = pullRequestFake();
    let failed = false;
    fake.fault = (r) =>
      r.method === "POST" && r.path.endsWith("/check-runs") && !failed
        ? ((failed = true), { status: 500, happened: true })
        : undefined;
    const event = pullRequestEvent("opened");
    await expect(probot.receive(event)).rejects.toThrow();
    expect(fake.checks).toHaveLength(1);
    await probot.receive(event);
    expect(fake.checks).toHaveLength(1);
    expect(posts(fake, /check-runs$/)).toHaveLength(1);
  });

  it("a command's reply: not posted twice", async () => {
    const probot = liveProbot();
    const fake = new RepoFake({ strategy: STRATEGY }).serve();
    fake.roles.set("octocat", "write");
    let failed = false;
    fake.fault = (r) =>
      r.method === "POST" && r.path.endsWith("/issues/1/comments") && !failed
        ? ((failed = true), { status: 500, happened: true })
        : undefined;
    await expect(probot.receive(commentEvent("/strategy explain"))).rejects.toThrow();
    expect(appComments(fake, 1)).toHaveLength(1);
  });

  it("labels: creating one that now exists, or adding one already there, is harmless to retry", async () => {
    const probot = liveProbot();
    const fake = new RepoFake({ strategy: STRATEGY }).serve();
    const failed = new Set<string>();
    fake.fault = (r) =>
      r.method === "POST" && !failed.has(r.path) ? (failed.add(r.path), { status: 502, happened: true }) : undefined;
    await probot.receive(issueEvent("opened"));
    expect(fake.item(1).labels).toEqual([RELIABILITY]);
    expect([...fake.repoLabels]).toEqual([RELIABILITY]);
  });
});

describe("two replicas, each with its own memory", () => {
  beforeEach(setupNock);
  afterEach(assertNoPendingMocks);

  /** A second copy of the app, loaded afresh: its guards and caches are not shared with the first. */
  async function replica() {
    vi.resetModules();
    const { createApp } = (await import("../../src/index.js")) as typeof import("../../src/index.js");
    const probot = new Probot({
      appId: 1,
      privateKey: generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({
        type: "pkcs1",
        format: "pem",
      }) as string,
      Octokit: ProbotOctokit.defaults((o: any) => ({ ...o, retry: { enabled: false }, throttle: { enabled: false } })),
      logLevel: "fatal",
    });
    await probot.load(createApp({ now: () => NOW }));
    return probot;
  }

  /** Both replicas handle an event for the same pull request at once, then the next event arrives. */
  async function raceThenNext() {
    const [a, b] = [testProbot(), await replica()];
    const fake = pullRequestFake();
    await Promise.all([a.receive(pullRequestEvent("opened")), b.receive(pullRequestEvent("edited"))]);
    expect(fake.item(2).labels).toEqual([RELIABILITY]);
    fake.item(2).files = ["docs/readme.md"];
    await a.receive(pullRequestEvent("synchronize", { title: "Docs", body: "", labels: fake.labelsOf(2) }));
    return fake;
  }

  it("handling one pull request at the same moment: one label, and one comment once the next event comes", async () => {
    const fake = await raceThenNext();
    expect(appComments(fake, 2)).toHaveLength(1);
  });

  // Both replicas create a `Strategy alignment` run and check runs cannot be deleted: the next event
  // brings every run of the name on the commit in step.
  it("...and every Strategy alignment run on the commit says the same after the next event", async () => {
    const fake = await raceThenNext();
    const runs = fake.checks.filter((c) => c.name === "Strategy alignment");
    expect(new Set(runs.map((c) => c.output.summary)).size).toBe(1);
  });
});
