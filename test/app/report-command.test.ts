import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { api, mockAuth, mockStrategyFile, REPO_PATH } from "../fixtures/github.js";
import { example } from "../fixtures/payloads.js";
import { assertNoPendingMocks, setupNock, testProbot } from "../fixtures/probot.js";
import { STRATEGY } from "../fixtures/strategies.js";
import { fakeRepo, serve } from "../report/fake-github.js";

function reportCommand(body: string) {
  const payload = example("issue_comment", "created");
  payload.installation = { id: 1 };
  payload.sender = { login: "octocat", type: "User" };
  payload.comment.body = body;
  payload.comment.user.login = "octocat";
  return { id: `delivery-${Math.random()}`, name: "issue_comment", payload } as any;
}

describe("/strategy report", () => {
  beforeEach(setupNock);
  afterEach(assertNoPendingMocks);

  it("posts that month's report as a Discussion, and a second command updates the same one", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    mockStrategyFile(scope, STRATEGY);
    scope.get(`${REPO_PATH}/collaborators/octocat/permission`).reply(200, { permission: "write", role_name: "write" });
    scope.post(`${REPO_PATH}/issues/comments/492700400/reactions`).times(2).reply(201, {});
    const replies: string[] = [];
    scope
      .post(`${REPO_PATH}/issues/1/comments`, (b) => (replies.push(b.body), true))
      .times(2)
      .reply(201, {});
    scope
      .get(`${REPO_PATH}/commits`)
      .query({ path: "strategy.yml", per_page: 1 })
      .times(2)
      .reply(200, [{ sha: "a".repeat(40) }]);
    const repo = fakeRepo({
      owner: "Codertocat",
      repo: "Hello-World",
      defaultBranch: "master",
      pulls: [
        {
          number: 10,
          title: "Fix flaky checkout",
          mergedAt: "2026-10-03T10:00:00Z",
          labels: ["strategy: reliability"],
        },
        { number: 11, title: "Update README", mergedAt: "2026-10-04T10:00:00Z" },
      ],
    });
    serve(repo);
    await probot.receive(reportCommand("/strategy report 2026-10"));
    expect(repo.discussions).toHaveLength(1);
    expect(repo.discussions[0].title).toBe("Strategy alignment: October 2026");
    expect(repo.discussions[0].body).toContain('"merged":2');

    mockStrategyUnchangedOnce(scope);
    await probot.receive(reportCommand("/strategy report 2026-10"));
    expect(repo.discussions).toHaveLength(1);
    expect(replies).toEqual(
      [0, 1].map(() =>
        expect.stringMatching(
          /^Strategy alignment: October 2026: https:\/\/github\.com\/Codertocat\/Hello-World\/discussions\/\d+$/,
        ),
      ),
    );
  });

  it("refuses a month that has not begun", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    mockStrategyFile(scope, STRATEGY);
    scope.get(`${REPO_PATH}/collaborators/octocat/permission`).reply(200, { permission: "write", role_name: "write" });
    scope.post(`${REPO_PATH}/issues/comments/492700400/reactions`, { content: "confused" }).reply(201, {});
    let reply = "";
    scope.post(`${REPO_PATH}/issues/1/comments`, (b) => ((reply = b.body), true)).reply(201, {});
    await probot.receive(reportCommand("/strategy report 2027-01"));
    expect(reply).toContain("2027-01 has not begun yet");
  });
});

function mockStrategyUnchangedOnce(scope: ReturnType<typeof api>) {
  scope.get(`${REPO_PATH}/contents/strategy.yml`).reply(304, "");
}
