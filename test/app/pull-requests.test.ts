import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { api, mockAuth, mockGraphQL, mockStrategyFile, mockStrategyUnchanged, REPO_PATH } from "../fixtures/github.js";
import {
  appComment,
  commentsPageAnswer,
  contextAnswer,
  graphqlActor,
  pullRequestEvent,
} from "../fixtures/pull-requests.js";
import { assertNoPendingMocks, setupNock, testProbot } from "../fixtures/probot.js";
import { INVALID_STRATEGY, STRATEGY } from "../fixtures/strategies.js";

const MARKER = "<!-- throughline:progress -->";
const COUNTS = { total: 10, aligned: 6, p0: 4, p1: 2 };

describe("pull requests get labels, one progress comment and a check", () => {
  beforeEach(setupNock);
  afterEach(assertNoPendingMocks);

  it("on opened: one query, then the label, the comment and the check (5 requests, 4 paced)", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    const seen: string[] = [];
    scope.on("request", (req: any) => !/access_tokens|\/app$/.test(req.path) && seen.push(`${req.method} ${req.path}`));
    mockStrategyFile(scope, STRATEGY);
    let query = "";
    mockGraphQL(scope, "PullRequestContext", (body) => {
      query = body.query;
      return contextAnswer({ files: ["infra/main.tf"], counts: COUNTS });
    });
    scope.get(`${REPO_PATH}/labels/strategy%3A%20reliability`).reply(200, {});
    scope.post(`${REPO_PATH}/issues/2/labels`, { labels: ["strategy: reliability"] }).reply(200, []);
    let comment = "";
    scope.post(`${REPO_PATH}/issues/2/comments`, (b) => ((comment = b.body), true)).reply(201, { id: 9 });
    let check: any;
    scope.post(`${REPO_PATH}/check-runs`, (b) => ((check = b), true)).reply(201, { id: 77 });
    await probot.receive(pullRequestEvent("opened"));

    expect(query).toContain("merged:2026-11-01..2026-11-30");
    expect(comment.startsWith(MARKER)).toBe(true);
    expect(comment).toContain("Reliability");
    expect(check).toMatchObject({
      name: "Strategy alignment",
      head_sha: expect.any(String),
      conclusion: "success",
      status: "completed",
    });
    // The label lookup happens once per process: steady state is 1 read + 1 query + 3 writes.
    expect(seen.filter((r) => !r.includes("/labels/"))).toHaveLength(5);
    expect(seen.filter((r) => !r.startsWith("GET"))).toHaveLength(4);
  });

  it("updates its own comment in place and never edits a person's comment carrying the marker", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    mockStrategyFile(scope, STRATEGY);
    mockGraphQL(
      scope,
      "PullRequestContext",
      contextAnswer({
        counts: COUNTS,
        checkRunId: 77,
        comments: [
          { databaseId: 5, author: "octocat", body: `${MARKER}\nI quoted it` },
          appComment(6, `${MARKER}\nold`),
        ],
      }),
    );
    scope.patch(`${REPO_PATH}/issues/comments/6`).reply(200, {});
    scope.patch(`${REPO_PATH}/check-runs/77`, (b) => b.conclusion === "neutral").reply(200, {});
    await probot.receive(pullRequestEvent("edited", { title: "Update the README", body: "" }));
  });

  it("finds its comment on page 2 of 150 comments", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    mockStrategyFile(scope, STRATEGY);
    const people = Array.from({ length: 100 }, (_, i) => ({ databaseId: i + 1, author: "octocat", body: "hi" }));
    mockGraphQL(
      scope,
      "PullRequestContext",
      contextAnswer({ counts: COUNTS, checkRunId: 77, comments: people, commentsNextPage: "c100" }),
    );
    mockGraphQL(scope, "PullRequestComments", (body) => {
      expect(body.variables.after).toBe("c100");
      const rest = Array.from({ length: 49 }, (_, i) => ({
        databaseId: 101 + i,
        createdAt: "2026-11-20T10:00:00Z",
        author: graphqlActor("octocat"),
        body: "hi",
      }));
      const mine = { ...appComment(150, `${MARKER}\nold`), author: graphqlActor("throughline[bot]") };
      return commentsPageAnswer([...rest, mine]);
    });
    scope.patch(`${REPO_PATH}/issues/comments/150`).reply(200, {});
    scope.patch(`${REPO_PATH}/check-runs/77`).reply(200, {});
    await probot.receive(pullRequestEvent("synchronize", { title: "Docs", body: "" }));
  });

  it("keeps the oldest of two app comments and deletes the other", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    mockStrategyFile(scope, STRATEGY);
    mockGraphQL(
      scope,
      "PullRequestContext",
      contextAnswer({
        counts: COUNTS,
        checkRunId: 77,
        comments: [appComment(8, `${MARKER}\nnewer`, "2026-11-20T10:00:01Z"), appComment(7, `${MARKER}\nolder`)],
      }),
    );
    scope.delete(`${REPO_PATH}/issues/comments/8`).reply(204);
    scope.patch(`${REPO_PATH}/issues/comments/7`).reply(200, {});
    scope.patch(`${REPO_PATH}/check-runs/77`).reply(200, {});
    await probot.receive(pullRequestEvent("edited", { title: "Docs", body: "" }));
  });

  it("looks again after a create that failed with 500 but happened: one comment", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    mockStrategyFile(scope, STRATEGY);
    mockGraphQL(scope, "PullRequestContext", contextAnswer({ counts: COUNTS, checkRunId: 77 }));
    scope.post(`${REPO_PATH}/issues/2/comments`).reply(500, { message: "boom" });
    mockGraphQL(
      scope,
      "PullRequestComments",
      commentsPageAnswer([{ ...appComment(9, `${MARKER}\nx`), author: graphqlActor("throughline[bot]") }]),
    );
    scope.patch(`${REPO_PATH}/issues/comments/9`).reply(200, {});
    scope.patch(`${REPO_PATH}/check-runs/77`).reply(200, {});
    await probot.receive(pullRequestEvent("edited", { title: "Docs", body: "" }));
  });

  it("says the strategy is invalid in the comment and the check, changing no labels", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    mockStrategyFile(scope, INVALID_STRATEGY);
    mockGraphQL(scope, "PullRequestContext", contextAnswer({}));
    let comment = "";
    scope.post(`${REPO_PATH}/issues/2/comments`, (b) => ((comment = b.body), true)).reply(201, { id: 9 });
    scope.post(`${REPO_PATH}/check-runs`, (b) => b.conclusion === "neutral").reply(201, { id: 1 });
    await probot.receive(pullRequestEvent("opened"));
    expect(comment).toContain("used twice");
    expect(comment).toContain("(https://github.com/Codertocat/Hello-World/commits/master/strategy.yml)");
  });

  it("works the same for a pull request from a fork: everything is read from the base repository", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    mockStrategyFile(scope, STRATEGY);
    mockGraphQL(
      scope,
      "PullRequestContext",
      contextAnswer({ files: ["infra/main.tf"], counts: COUNTS, checkRunId: 77 }),
    );
    scope.get(`${REPO_PATH}/labels/strategy%3A%20reliability`).reply(200, {});
    scope.post(`${REPO_PATH}/issues/2/labels`).reply(200, []);
    scope.post(`${REPO_PATH}/issues/2/comments`).reply(201, { id: 9 });
    scope.patch(`${REPO_PATH}/check-runs/77`).reply(200, {});
    const event = pullRequestEvent("opened");
    event.payload.pull_request.head.repo = {
      ...event.payload.pull_request.head.repo,
      full_name: "forker/Hello-World",
      fork: true,
      owner: { login: "forker" },
    };
    event.payload.pull_request.user = { login: "forker", type: "User" };
    await probot.receive(event);
  });

  it("validates the strategy file a pull request changes, on its head commit", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    mockStrategyFile(scope, STRATEGY);
    const event = pullRequestEvent("opened");
    const sha = event.payload.pull_request.head.sha;
    mockGraphQL(
      scope,
      "PullRequestContext",
      contextAnswer({ files: ["strategy.yml"], counts: COUNTS, checkRunId: 77 }),
    );
    scope
      .get(`${REPO_PATH}/contents/strategy.yml`)
      .query({ ref: sha })
      .reply(200, {
        type: "file",
        path: "strategy.yml",
        sha: "b2",
        encoding: "base64",
        content: Buffer.from(INVALID_STRATEGY).toString("base64"),
      });
    let fileCheck: any;
    scope
      .post(`${REPO_PATH}/check-runs`, (b) => b.name === "Strategy file" && ((fileCheck = b), true))
      .reply(201, { id: 5 });
    scope.patch(`${REPO_PATH}/check-runs/77`).reply(200, {});
    scope.get(`${REPO_PATH}/labels/strategy%3A%20reliability`).reply(200, {});
    scope.post(`${REPO_PATH}/issues/2/labels`).reply(200, []);
    scope.post(`${REPO_PATH}/issues/2/comments`).reply(201, { id: 9 });
    await probot.receive(event);
    expect(fileCheck).toMatchObject({ head_sha: sha, conclusion: "failure" });
  });

  it("in steady state an edit that changes nothing costs 2 requests: the free 304 and the one query", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    mockStrategyFile(scope, STRATEGY);
    mockGraphQL(scope, "PullRequestContext", contextAnswer({ counts: COUNTS }));
    let comment = "";
    let check: any;
    scope.post(`${REPO_PATH}/issues/2/comments`, (b) => ((comment = b.body), true)).reply(201, { id: 9 });
    scope.post(`${REPO_PATH}/check-runs`, (b) => ((check = b), true)).reply(201, { id: 77 });
    await probot.receive(pullRequestEvent("opened", { title: "Docs", body: "" }));

    const seen: string[] = [];
    scope.on("request", (req: any) => seen.push(`${req.method} ${req.path}`));
    mockStrategyUnchanged(scope);
    const answer = contextAnswer({ counts: COUNTS, comments: [appComment(9, comment)] }) as any;
    answer.data.repository.object = {
      checkSuites: {
        nodes: [
          {
            checkRuns: {
              nodes: [
                { databaseId: 77, conclusion: "NEUTRAL", title: check.output.title, summary: check.output.summary },
              ],
            },
          },
        ],
      },
    };
    mockGraphQL(scope, "PullRequestContext", answer);
    await probot.receive(pullRequestEvent("edited", { title: "Docs", body: "" }));
    expect(seen).toEqual([`GET ${REPO_PATH}/contents/strategy.yml`, "POST /graphql"]);
  });

  it("on merge: labels and figures brought up to date like any other event", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    mockStrategyFile(scope, STRATEGY);
    mockGraphQL(
      scope,
      "PullRequestContext",
      contextAnswer({
        files: ["terraform/main.tf"],
        counts: { ...COUNTS, total: 11, aligned: 7, p1: 3 },
        checkRunId: 77,
      }),
    );
    scope.get(`${REPO_PATH}/labels/strategy%3A%20costs`).reply(200, {});
    scope.post(`${REPO_PATH}/issues/2/labels`, { labels: ["strategy: costs"] }).reply(200, []);
    let comment = "";
    scope.post(`${REPO_PATH}/issues/2/comments`, (b) => ((comment = b.body), true)).reply(201, { id: 9 });
    scope.patch(`${REPO_PATH}/check-runs/77`, (b) => b.conclusion === "success").reply(200, {});
    const event = pullRequestEvent("closed", {
      title: "Shrink the worker pool",
      body: "",
      merged: true,
      merged_at: "2026-11-20T11:00:00Z",
    });
    await probot.receive(event);
    expect(comment).toContain("11 pull requests merged");
  });

  it("with a draft strategy: the one query (a changed strategy file would still be validated), and nothing written", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    mockStrategyFile(scope, STRATEGY.replace("version: 1\n", "version: 1\nstatus: draft\n"));
    mockGraphQL(scope, "PullRequestContext", contextAnswer({ files: ["infra/main.tf"], counts: COUNTS }));
    await probot.receive(pullRequestEvent("opened"));
  });

  it("in a repository with no strategy yet, the pull request that adds one gets its Strategy file check", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    scope.get(`${REPO_PATH}/contents/strategy.yml`).reply(404, {});
    mockGraphQL(scope, "LocateStrategy", { data: { local: { p0: null, p1: null, p2: null, p3: null }, org: null } });
    const event = pullRequestEvent("opened");
    const sha = event.payload.pull_request.head.sha;
    scope
      .get(`${REPO_PATH}/pulls/2/files`)
      .query({ per_page: 100 })
      .reply(200, [{ filename: "README.md" }, { filename: "strategy.yml" }]);
    scope
      .get(`${REPO_PATH}/contents/strategy.yml`)
      .query({ ref: sha })
      .reply(200, {
        type: "file",
        path: "strategy.yml",
        sha: "b9",
        encoding: "base64",
        content: Buffer.from(STRATEGY).toString("base64"),
      });
    let check: any;
    scope.post(`${REPO_PATH}/check-runs`, (b) => ((check = b), true)).reply(201, { id: 5 });
    await probot.receive(event);
    expect(check).toMatchObject({ name: "Strategy file", head_sha: sha, conclusion: "success" });
    // An edit changes no files: nothing more is asked.
    await probot.receive(pullRequestEvent("edited"));
  });
});
