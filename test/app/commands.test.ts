import { timelineWindows } from "../fixtures/pull-requests.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { api, mockAuth, mockGraphQL, mockStrategyFile, REPO_PATH } from "../fixtures/github.js";
import { example } from "../fixtures/payloads.js";
import { assertNoPendingMocks, setupNock, testProbot } from "../fixtures/probot.js";
import { STRATEGY } from "../fixtures/strategies.js";

function commentEvent(body: string, login = "octocat") {
  const payload = example("issue_comment", "created");
  payload.installation = { id: 1 };
  payload.sender = { login, type: "User" };
  payload.comment.body = body;
  payload.comment.user.login = login;
  Object.assign(payload.issue, { title: "Checkout outage on Fridays", body: "", labels: [] });
  return { id: `delivery-${Math.random()}`, name: "issue_comment", payload } as any;
}

const COMMENT = 492700400;

function permission(scope: any, role: string, login = "octocat") {
  scope
    .get(`${REPO_PATH}/collaborators/${login}/permission`)
    .reply(200, { permission: role === "triage" ? "read" : role, role_name: role });
}

describe("/strategy commands", () => {
  beforeEach(setupNock);
  afterEach(assertNoPendingMocks);

  it("ignores comments that are not commands, without a single request", async () => {
    const probot = testProbot();
    mockAuth(api());
    await probot.receive(commentEvent("Looks good to me, /strategy later"));
  });

  it("applies `/strategy costs` from someone with triage access, acknowledged with a reaction", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    mockStrategyFile(scope, STRATEGY);
    permission(scope, "triage");
    scope.post(`${REPO_PATH}/issues/comments/${COMMENT}/reactions`, { content: "+1" }).reply(201, {});
    mockGraphQL(scope, "ItemHistory", { data: { repository: { issueOrPullRequest: { ...timelineWindows([]) } } } });
    scope.get(`${REPO_PATH}/labels/strategy%3A%20costs`).reply(200, {});
    scope.post(`${REPO_PATH}/issues/1/labels`, { labels: ["strategy: costs"] }).reply(200, []);
    await probot.receive(commentEvent("/strategy costs"));
  });

  it("refuses a command from someone with read access, saying who may use it", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    mockStrategyFile(scope, STRATEGY);
    permission(scope, "read");
    scope.post(`${REPO_PATH}/issues/comments/${COMMENT}/reactions`, { content: "confused" }).reply(201, {});
    let reply = "";
    scope.post(`${REPO_PATH}/issues/1/comments`, (b) => ((reply = b.body), true)).reply(201, {});
    await probot.receive(commentEvent("/strategy costs"));
    expect(reply).toMatch(/triage, write, maintain or admin/);
    expect(reply).not.toMatch(/(^|[^\w\u200d])@[a-z]/i);
  });

  it("answers an unknown problem id with the valid ids", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    mockStrategyFile(scope, STRATEGY);
    permission(scope, "write");
    scope.post(`${REPO_PATH}/issues/comments/${COMMENT}/reactions`, { content: "confused" }).reply(201, {});
    let reply = "";
    scope.post(`${REPO_PATH}/issues/1/comments`, (b) => ((reply = b.body), true)).reply(201, {});
    await probot.receive(commentEvent("/strategy speed"));
    expect(reply).toContain("speed");
    expect(reply).toContain("reliability");
    expect(reply).toContain("costs");
  });

  it("suggests the id meant when two letters are swapped", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    mockStrategyFile(scope, STRATEGY);
    permission(scope, "write");
    scope.post(`${REPO_PATH}/issues/comments/${COMMENT}/reactions`, { content: "confused" }).reply(201, {});
    let reply = "";
    scope.post(`${REPO_PATH}/issues/1/comments`, (b) => ((reply = b.body), true)).reply(201, {});
    await probot.receive(commentEvent("/strategy relaibility"));
    expect(reply).toContain(
      "That command was not applied: “relaibility” (did you mean `reliability`?) is not a problem id of the strategy.",
    );
  });

  it("explains which problems an issue serves and why", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    mockStrategyFile(scope, STRATEGY);
    permission(scope, "admin");
    scope.post(`${REPO_PATH}/issues/comments/${COMMENT}/reactions`, { content: "+1" }).reply(201, {});
    mockGraphQL(scope, "ItemHistory", { data: { repository: { issueOrPullRequest: { ...timelineWindows([]) } } } });
    scope.get(`${REPO_PATH}/labels/strategy%3A%20reliability`).reply(200, {});
    scope.post(`${REPO_PATH}/issues/1/labels`).reply(200, []);
    let reply = "";
    scope.post(`${REPO_PATH}/issues/1/comments`, (b) => ((reply = b.body), true)).reply(201, {});
    await probot.receive(commentEvent("/strategy explain"));
    expect(reply).toContain("Reliability");
    expect(reply).toContain("outage");
  });

  it("keeps an earlier accepted command over the rules on later events", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    mockStrategyFile(scope, STRATEGY);
    const timeline = [
      { __typename: "IssueComment", databaseId: 1, author: { login: "octocat" }, body: "/strategy costs" },
      {
        __typename: "LabeledEvent",
        actor: { __typename: "Bot", login: "throughline" },
        label: { name: "strategy: costs" },
      },
    ];
    mockGraphQL(scope, "ItemHistory", {
      data: { repository: { issueOrPullRequest: { ...timelineWindows(timeline) } } },
    });
    permission(scope, "write");
    const event = example("issues", "edited");
    event.installation = { id: 1 };
    event.sender = { login: "octocat", type: "User" };
    Object.assign(event.issue, {
      title: "Checkout outage on Fridays",
      body: "",
      labels: [{ name: "strategy: costs" }],
    });
    await probot.receive({ id: "e1", name: "issues", payload: event } as any);
  });

  it("says why nothing happens while the strategy file is invalid", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    mockStrategyFile(scope, "version: 1\nproblems: []\n");
    scope.post(`${REPO_PATH}/issues/comments/${COMMENT}/reactions`, { content: "confused" }).reply(201, {});
    let reply = "";
    scope.post(`${REPO_PATH}/issues/1/comments`, (b) => ((reply = b.body), true)).reply(201, {});
    await probot.receive(commentEvent("/strategy costs"));
    expect(reply).toContain("strategy.yml) is invalid");
  });
});
