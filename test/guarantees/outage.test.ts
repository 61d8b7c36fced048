/**
 * GitHub answering 502, resetting connections, or not answering at all, for a while: each request is
 * retried a bounded number of times (the retry plugin, ON here as in production, with waits shrunk to
 * milliseconds); an event that still cannot finish fails visibly (the delivery rejects, the error is
 * logged) and a later event or redelivery completes the work. The process stays up: no rejection
 * escapes unhandled.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { api, mockAuth, mockStrategyFile, REPO_PATH } from "../fixtures/github.js";
import { assertNoPendingMocks, setupNock } from "../fixtures/probot.js";
import { STRATEGY } from "../fixtures/strategies.js";
import { RepoFake } from "../fixtures/github-fake/one-repo.js";
import { issueEvent, liveProbot, pullRequestEvent, type LogLine } from "./helpers.js";

const RELIABILITY = "strategy: reliability";
const escaped: unknown[] = [];
const onUnhandled = (reason: unknown) => void escaped.push(reason);

beforeEach(() => {
  setupNock();
  escaped.length = 0;
  process.on("unhandledRejection", onUnhandled);
});
afterEach(async () => {
  // Give any stray promise a turn to reject before judging.
  await new Promise((resolve) => setTimeout(resolve, 20));
  process.off("unhandledRejection", onUnhandled);
  expect(escaped).toEqual([]);
  assertNoPendingMocks();
});

/** GitHub down for the first `n` requests (any request), then up. */
function downFor(fake: RepoFake, n: number, status = 502) {
  let failed = 0;
  fake.fault = () => (failed < n ? (failed++, { status }) : undefined);
  return () => failed;
}

describe("GitHub failing for a while", () => {
  it("a few 502s: retried, and the event completes", async () => {
    const probot = liveProbot();
    const fake = new RepoFake({ strategy: STRATEGY }).serve();
    const failures = downFor(fake, 3);
    await probot.receive(issueEvent("opened"));
    expect(failures()).toBe(3);
    expect(fake.item(1).labels).toEqual([RELIABILITY]);
  });

  it("502s on the pull-request query (GraphQL) and on writes: retried, one comment, one check", async () => {
    const probot = liveProbot();
    const fake = new RepoFake({ strategy: STRATEGY }).serve();
    fake.item(2).files = ["infra/main.tf"];
    let n = 0;
    fake.fault = (r) =>
      (r.path === "/graphql" || r.method === "POST" ? n++ : 99) % 2 === 0 && n < 8 ? { status: 502 } : undefined;
    await probot.receive(pullRequestEvent("opened"));
    expect(fake.commentsOn(2)).toHaveLength(1);
    expect(fake.checks).toHaveLength(1);
    expect(fake.item(2).labels).toEqual([RELIABILITY]);
  });

  it("down longer than the retries: the delivery fails and is logged, then its redelivery completes", async () => {
    const log: LogLine[] = [];
    const probot = liveProbot({ log });
    const fake = new RepoFake({ strategy: STRATEGY }).serve();
    downFor(fake, 4); // the first attempt and all three retries
    const event = issueEvent("opened");
    await expect(probot.receive(event)).rejects.toThrow();
    expect(fake.requests).toHaveLength(4);
    expect(log.some((l) => l.level === "error")).toBe(true);
    expect(fake.writes()).toEqual([]);
    await probot.receive(event);
    expect(fake.item(1).labels).toEqual([RELIABILITY]);
  });

  it("twenty events during an outage: each fails on its own, none takes the process down, all complete once redelivered", async () => {
    const probot = liveProbot();
    const fake = new RepoFake({ strategy: STRATEGY }).serve();
    downFor(fake, 1_000);
    const events = Array.from({ length: 20 }, (_, i) => issueEvent("opened", { number: i + 1 }));
    const outcomes = await Promise.allSettled(events.map((e) => probot.receive(e)));
    expect(outcomes.every((o) => o.status === "rejected")).toBe(true);
    fake.fault = () => undefined;
    await Promise.all(events.map((e) => probot.receive(e)));
    for (let i = 1; i <= 20; i++) expect(fake.item(i).labels).toEqual([RELIABILITY]);
  });
});

describe("connections that fail or hang", () => {
  it.each(["ECONNRESET", "ETIMEDOUT", "EAI_AGAIN"])("%s: retried, and the event completes", async (code) => {
    const probot = liveProbot();
    const scope = mockAuth(api());
    scope.get(`${REPO_PATH}/contents/strategy.yml`).replyWithError({ code, message: code });
    mockStrategyFile(scope, STRATEGY);
    scope.get(`${REPO_PATH}/labels/strategy%3A%20reliability`).reply(200, {});
    scope.post(`${REPO_PATH}/issues/1/labels`).reply(200, []);
    await probot.receive(issueEvent("opened"));
  });

  it("an answer that does not come in time: that attempt is given up and retried", async () => {
    const probot = liveProbot({ timeoutMs: 100 });
    const scope = mockAuth(api());
    scope.get(`${REPO_PATH}/contents/strategy.yml`).delay(2_000).reply(200, {});
    mockStrategyFile(scope, STRATEGY);
    scope.get(`${REPO_PATH}/labels/strategy%3A%20reliability`).reply(200, {});
    scope.post(`${REPO_PATH}/issues/1/labels`).reply(200, []);
    const started = Date.now();
    await probot.receive(issueEvent("opened"));
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("GitHub not answering at all: four attempts, then the delivery fails, within bounded time", async () => {
    const log: LogLine[] = [];
    const probot = liveProbot({ timeoutMs: 50, log });
    const scope = mockAuth(api());
    scope.get(`${REPO_PATH}/contents/strategy.yml`).times(4).delay(1_000).reply(200, {});
    await expect(probot.receive(issueEvent("opened"))).rejects.toThrow();
    expect(log.some((l) => l.level === "error")).toBe(true);
  });
});
