/**
 * Rate limits, with the app's client (src/github/client.ts) and the throttling and retry plugins ON:
 * the app waits as long as GitHub asks, retries at most twice, then the event fails visibly (the
 * delivery rejects and the error is logged). Waits are shrunk: one second GitHub asks for is 1 ms here
 * (the log still says the seconds GitHub asked for), except where the test measures the wait.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MAX_RATE_LIMIT_RETRIES } from "../../src/github/client.js";
import { api, mockAuth, mockGraphQL, mockStrategyFile, REPO_PATH } from "../fixtures/github.js";
import { assertNoPendingMocks, setupNock } from "../fixtures/probot.js";
import { contextAnswer } from "../fixtures/pull-requests.js";
import { STRATEGY } from "../fixtures/strategies.js";
import { issueEvent, liveProbot, pullRequestEvent, record, writes, type LogLine } from "./helpers.js";

const PRIMARY = { message: "API rate limit exceeded for installation ID 1." };
const SECONDARY = {
  message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
};
const resetIn = (seconds: number) => String(Math.floor(Date.now() / 1000) + seconds);
const strategyContent = {
  type: "file",
  path: "strategy.yml",
  sha: "blob1",
  encoding: "base64",
  content: Buffer.from(STRATEGY).toString("base64"),
};

/** The strategy file answered with `limited` (status, body, headers) `times` times, then for real; the attempts' times. */
function limitedStrategyFile(
  scope: ReturnType<typeof api>,
  times: number,
  limited: () => [number, object, Record<string, string>],
) {
  const at: number[] = [];
  scope
    .get(`${REPO_PATH}/contents/strategy.yml`)
    .times(times)
    .reply(() => (at.push(Date.now()), limited()));
  return at;
}

/** The writes labelling a new issue by keyword needs once the file is read. */
function labelWrites(scope: ReturnType<typeof api>) {
  scope.get(`${REPO_PATH}/labels/strategy%3A%20reliability`).reply(200, {});
  scope.post(`${REPO_PATH}/issues/1/labels`, { labels: ["strategy: reliability"] }).reply(200, []);
}

const errors = (log: LogLine[]) => log.filter((l) => l.level === "error").map((l) => l.text);
const warnings = (log: LogLine[]) => log.filter((l) => l.level === "warn").map((l) => l.text);

describe("rate limits", () => {
  beforeEach(setupNock);
  afterEach(assertNoPendingMocks);

  it("primary (403, x-ratelimit-remaining: 0): waits until the reset, then carries on", async () => {
    const log: LogLine[] = [];
    const probot = liveProbot({ log });
    const scope = mockAuth(api());
    const at = limitedStrategyFile(scope, 1, () => [
      403,
      PRIMARY,
      { "x-ratelimit-remaining": "0", "x-ratelimit-reset": resetIn(2) },
    ]);
    mockStrategyFile(scope, STRATEGY);
    labelWrites(scope);
    await probot.receive(issueEvent("opened"));
    expect(at).toHaveLength(1);
    // Until the reset plus one second, as GitHub documents.
    expect(warnings(log)).toEqual([
      expect.stringMatching(/^Primary rate limit hit by GET .*strategy\.yml: retrying in [23] s \(retry 1 of 2\)$/),
    ]);
    expect(errors(log)).toEqual([]);
  });

  it("primary as 429 (x-ratelimit-remaining: 0): waited out the same way", async () => {
    const log: LogLine[] = [];
    const probot = liveProbot({ log });
    const scope = mockAuth(api());
    limitedStrategyFile(scope, 1, () => [
      429,
      PRIMARY,
      { "x-ratelimit-remaining": "0", "x-ratelimit-reset": resetIn(1) },
    ]);
    mockStrategyFile(scope, STRATEGY);
    labelWrites(scope);
    await probot.receive(issueEvent("opened"));
    expect(warnings(log)).toEqual([expect.stringMatching(/^Primary rate limit hit by GET .*: retrying/)]);
  });

  it("a primary limit that does not lift: two retries, then the delivery fails and the error is logged, nothing written", async () => {
    const log: LogLine[] = [];
    const probot = liveProbot({ log });
    const scope = mockAuth(api());
    const sent = record(scope);
    const at = limitedStrategyFile(scope, 1 + MAX_RATE_LIMIT_RETRIES, () => [
      403,
      PRIMARY,
      { "x-ratelimit-remaining": "0", "x-ratelimit-reset": resetIn(1) },
    ]);
    await expect(probot.receive(issueEvent("opened"))).rejects.toThrow(/rate limit exceeded/i);
    expect(at).toHaveLength(3);
    expect(writes(sent)).toEqual([]);
    expect(warnings(log).at(-1)).toMatch(/giving up$/);
    expect(errors(log).join("\n")).toMatch(/API rate limit exceeded/);
  });

  it("a primary limit whose reset is hours away is not waited for", async () => {
    const probot = liveProbot();
    const scope = mockAuth(api());
    const at = limitedStrategyFile(scope, 1, () => [
      403,
      PRIMARY,
      { "x-ratelimit-remaining": "0", "x-ratelimit-reset": resetIn(3 * 3600) },
    ]);
    await expect(probot.receive(issueEvent("opened"))).rejects.toThrow(/rate limit exceeded/i);
    expect(at).toHaveLength(1);
  });

  it.each([
    ["403 with retry-after", 403, { "retry-after": "3" }, /retrying in 3 s/],
    ["429 with retry-after", 429, { "retry-after": "3" }, /retrying in 3 s/],
    // Without retry-after the plugin waits a minute (shortened here to the test's fallback of 1 s).
    ["403 without retry-after", 403, {}, /retrying in 1 s/],
  ])("secondary (%s): waits as asked, then carries on", async (_what, status, headers, said) => {
    const log: LogLine[] = [];
    const probot = liveProbot({ log });
    const scope = mockAuth(api());
    limitedStrategyFile(scope, 1, () => [status, SECONDARY, headers]);
    mockStrategyFile(scope, STRATEGY);
    labelWrites(scope);
    await probot.receive(issueEvent("opened"));
    expect(warnings(log)).toEqual([expect.stringMatching(said)]);
  });

  it("measures the wait: retry-after: 3 at 20 ms a second is at least 60 ms between attempts", async () => {
    const probot = liveProbot({ second: 20 });
    const scope = mockAuth(api());
    const at = limitedStrategyFile(scope, 1, () => [403, SECONDARY, { "retry-after": "3" }]);
    let retried = 0;
    scope
      .get(`${REPO_PATH}/contents/strategy.yml`)
      .reply(() => ((retried = Date.now()), [200, strategyContent, { etag: '"v1"' }]));
    labelWrites(scope);
    await probot.receive(issueEvent("opened"));
    expect(retried - at[0]!).toBeGreaterThanOrEqual(59);
  });

  it.each([403, 429])(
    "a secondary limit (%i) that does not lift: exactly three attempts, no blind retries after",
    async (status) => {
      const log: LogLine[] = [];
      const probot = liveProbot({ log });
      const scope = mockAuth(api());
      const at = limitedStrategyFile(scope, 3, () => [status, SECONDARY, { "retry-after": "1" }]);
      await expect(probot.receive(issueEvent("opened"))).rejects.toThrow(/secondary rate limit/);
      // A fourth attempt would find no answer and fail differently; the retry plugin adds none for 429.
      expect(at).toHaveLength(3);
      expect(errors(log).join("\n")).toMatch(/secondary rate limit/);
    },
  );

  it("a GraphQL rate limit (200 with RATE_LIMITED) is waited out like the others", async () => {
    const log: LogLine[] = [];
    const probot = liveProbot({ log });
    const scope = mockAuth(api());
    mockStrategyFile(scope, STRATEGY);
    scope
      .post("/graphql")
      .reply(
        200,
        { data: null, errors: [{ type: "RATE_LIMITED", message: "API rate limit exceeded" }] },
        { "x-ratelimit-remaining": "0", "x-ratelimit-reset": resetIn(1) },
      );
    mockGraphQL(scope, "PullRequestContext", contextAnswer({ files: ["docs/readme.md"], checkRunId: 77 }));
    scope.post(`${REPO_PATH}/issues/2/comments`).reply(201, { id: 9 });
    scope.patch(`${REPO_PATH}/check-runs/77`).reply(200, {});
    await probot.receive(pullRequestEvent("opened", { title: "Docs", body: "" }));
    expect(warnings(log)).toEqual([expect.stringMatching(/^Primary rate limit hit by POST .*graphql: retrying/)]);
  });

  it("a limit hit half-way through a pull request: the failure is logged naming the request, and the next event completes the rest", async () => {
    const log: LogLine[] = [];
    const probot = liveProbot({ log });
    const scope = mockAuth(api());
    mockStrategyFile(scope, STRATEGY);
    mockGraphQL(scope, "PullRequestContext", contextAnswer({ files: ["infra/main.tf"], checkRunId: undefined }));
    scope.get(`${REPO_PATH}/labels/strategy%3A%20reliability`).reply(200, {});
    scope.post(`${REPO_PATH}/issues/2/labels`).reply(200, []);
    scope.post(`${REPO_PATH}/issues/2/comments`).times(3).reply(403, SECONDARY, { "retry-after": "1" });
    await expect(probot.receive(pullRequestEvent("opened"))).rejects.toThrow(/secondary rate limit/);
    expect(errors(log).join("\n")).toMatch(/secondary rate limit/);
    expect(warnings(log).at(-1)).toMatch(/POST .*issues\/2\/comments: giving up/);

    // The next event for the pull request writes what is missing, and only that (the label is there now).
    const sent = record(scope);
    mockStrategyFile(scope, STRATEGY, { etag: '"v2"' });
    mockGraphQL(scope, "PullRequestContext", contextAnswer({ files: ["infra/main.tf"] }));
    scope.post(`${REPO_PATH}/issues/2/comments`).reply(201, { id: 9 });
    scope.post(`${REPO_PATH}/check-runs`).reply(201, { id: 78 });
    await probot.receive(pullRequestEvent("synchronize", { labels: [{ name: "strategy: reliability" }] }));
    expect(writes(sent).map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST ${REPO_PATH}/issues/2/comments`,
      `POST ${REPO_PATH}/check-runs`,
    ]);
  });
});
