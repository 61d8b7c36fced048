import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { api, mockGraphQL, mockStrategyFile, REPO_PATH } from "../fixtures/github.js";
import { example } from "../fixtures/payloads.js";
import { assertNoPendingMocks, setupNock } from "../fixtures/probot.js";
import { contextAnswer } from "../fixtures/pull-requests.js";
import { STRATEGY } from "../fixtures/strategies.js";
import { runWith, TOKEN, workflowEnv } from "./helpers.js";

/** GitHub's own issues.opened example, as the runner writes it to GITHUB_EVENT_PATH (no installation key). */
function issueOpened(title = "Checkout outage on Fridays") {
  const payload = example("issues", "opened");
  Object.assign(payload.issue, { title, body: "Seen twice.", labels: [] });
  payload.sender = { login: "octocat", type: "User" };
  return payload;
}

describe("the Action hands workflow events to the app", () => {
  beforeEach(() => {
    setupNock();
  });
  afterEach(assertNoPendingMocks);

  it("labels an issue with the workflow token, as github-actions[bot], without asking GET /app", async () => {
    const scope = api().matchHeader("authorization", `token ${TOKEN}`);
    mockStrategyFile(scope, STRATEGY);
    scope.get(`${REPO_PATH}/labels/strategy%3A%20reliability`).reply(200, { name: "strategy: reliability" });
    scope.post(`${REPO_PATH}/issues/1/labels`, { labels: ["strategy: reliability"] }).reply(200, []);
    const { code, lines } = await runWith(workflowEnv("issues", issueOpened()));
    expect(code).toBe(0);
    expect(lines).toContain("Throughline handled the issues.opened event.");
  });

  it("falls back to GITHUB_TOKEN and talks to GITHUB_API_URL (GitHub Enterprise Server)", async () => {
    const env = workflowEnv("issues", issueOpened(), {
      GITHUB_TOKEN: "ghs_fallback",
      GITHUB_API_URL: "https://ghe.example.com/api/v3",
    });
    delete (env as Record<string, string | undefined>)["INPUT_GITHUB-TOKEN"];
    const scope = api();
    const ghe = (await import("nock"))
      .default("https://ghe.example.com")
      .matchHeader("authorization", "token ghs_fallback");
    const text = Buffer.from(STRATEGY).toString("base64");
    ghe
      .get(`/api/v3${REPO_PATH}/contents/strategy.yml`)
      .reply(200, { type: "file", path: "strategy.yml", sha: "b1", encoding: "base64", content: text });
    ghe.get(`/api/v3${REPO_PATH}/labels/strategy%3A%20reliability`).reply(200, {});
    ghe.post(`/api/v3${REPO_PATH}/issues/1/labels`).reply(200, []);
    const { code } = await runWith(env);
    expect(code).toBe(0);
    expect(scope.isDone()).toBe(true);
  });

  it("handles pull_request_target as the app's pull_request event", async () => {
    const payload = example("pull_request", "opened");
    Object.assign(payload.pull_request, {
      number: 2,
      title: "Retry flaky checkout calls",
      body: "Fewer outages.",
      labels: [],
    });
    payload.sender = { login: "octocat", type: "User" };
    const scope = api();
    mockStrategyFile(scope, STRATEGY);
    mockGraphQL(scope, "PullRequestContext", contextAnswer({ files: ["src/checkout.ts"] }));
    scope.get(`${REPO_PATH}/labels/strategy%3A%20reliability`).reply(200, {});
    scope.post(`${REPO_PATH}/issues/2/labels`, { labels: ["strategy: reliability"] }).reply(200, []);
    scope.post(`${REPO_PATH}/issues/2/comments`).reply(201, { id: 9 });
    let check: any;
    scope.post(`${REPO_PATH}/check-runs`, (b) => ((check = b), true)).reply(201, { id: 77 });
    const { code } = await runWith(workflowEnv("pull_request_target", payload));
    expect(code).toBe(0);
    expect(check).toMatchObject({ name: "Strategy alignment", head_sha: payload.pull_request.head.sha });
  });

  it("answers `/strategy report` by publishing that month's report as github-actions[bot]", async () => {
    const payload = example("issue_comment", "created");
    payload.comment = {
      ...payload.comment,
      id: 55,
      body: "/strategy report 2026-10",
      user: { login: "octocat", type: "User" },
    };
    payload.sender = { login: "octocat", type: "User" };
    const scope = api();
    mockStrategyFile(scope, STRATEGY);
    scope.get(`${REPO_PATH}/collaborators/octocat/permission`).reply(200, { permission: "write", role_name: "write" });
    scope.post(`${REPO_PATH}/issues/comments/55/reactions`, { content: "+1" }).reply(201, {});
    const published: unknown[] = [];
    const publish = async (p: any) => {
      published.push({ month: p.month, post: p.post, botLogin: p.botLogin, repo: `${p.owner}/${p.repo}` });
      return { title: "", body: "", action: "created" as const };
    };
    const { code } = await runWith(workflowEnv("issue_comment", payload), { publish });
    expect(code).toBe(0);
    expect(published).toEqual([
      { month: "2026-10", post: true, botLogin: "github-actions[bot]", repo: "Codertocat/Hello-World" },
    ]);
  });

  it("ignores events caused by the workflow token itself (no loops)", async () => {
    const payload = issueOpened();
    payload.sender = { login: "github-actions[bot]", type: "Bot" };
    const { code } = await runWith(workflowEnv("issues", payload));
    expect(code).toBe(0);
  });

  it("exits non-zero with an ::error:: line when a write fails", async () => {
    const scope = api();
    mockStrategyFile(scope, STRATEGY);
    scope.get(`${REPO_PATH}/labels/strategy%3A%20reliability`).reply(200, {});
    scope.post(`${REPO_PATH}/issues/1/labels`).reply(500, { message: "Server Error" });
    const { code, lines } = await runWith(workflowEnv("issues", issueOpened()));
    expect(code).toBe(1);
    expect(lines.filter((l) => l.startsWith("::error::"))).toEqual([
      expect.stringContaining(
        "could not handle the issues event: POST /repos/Codertocat/Hello-World/issues/1/labels answered 500: Server Error",
      ),
    ]);
  });

  it("does nothing, successfully, on events it does not handle", async () => {
    const { code, lines } = await runWith(workflowEnv("watch", { action: "started", repository: {} }));
    expect(code).toBe(0);
    expect(lines[0]).toMatch(/^::notice::Throughline does nothing on watch events/);
  });

  it.each([
    ["the event name", "GITHUB_EVENT_NAME", /GITHUB_EVENT_NAME not set/],
    ["any token", "INPUT_GITHUB-TOKEN", /no token/],
  ])("refuses to start without %s", async (_what, variable, message) => {
    const env: Record<string, string | undefined> = workflowEnv("issues", issueOpened());
    delete env[variable];
    const { code, lines } = await runWith(env as Record<string, string>);
    expect(code).toBe(1);
    expect(lines[0]).toMatch(/^::error::Throughline cannot start: /);
    expect(lines[0]).toMatch(message);
  });

  it("refuses an event file that holds no repository event", async () => {
    const { code, lines } = await runWith(workflowEnv("issues", ["not", "an", "event"]));
    expect(code).toBe(1);
    expect(lines[0]).toContain("does not hold a repository event");
  });
});
