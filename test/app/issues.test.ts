import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { api, mockAuth, mockGraphQL, mockStrategyFile, mockStrategyUnchanged, REPO_PATH } from "../fixtures/github.js";
import { example } from "../fixtures/payloads.js";
import { graphqlActor, timelineWindows } from "../fixtures/pull-requests.js";
import { APP, assertNoPendingMocks, setupNock, testProbot } from "../fixtures/probot.js";
import { INVALID_STRATEGY, STRATEGY } from "../fixtures/strategies.js";

function issueEvent(action: string, changes: Record<string, unknown> = {}) {
  const payload = example(
    "issues",
    action === "edited" || action === "reopened" ? "edited" : action === "unlabeled" ? "unlabeled" : "opened",
  );
  payload.action = action;
  payload.installation = { id: 1 };
  payload.sender = { login: "octocat", type: "User" };
  Object.assign(payload.issue, { title: "Checkout outage on Fridays", body: "Seen twice.", labels: [] }, changes);
  return { id: `delivery-${Math.random()}`, name: "issues", payload } as any;
}

const label = (name: string) => ({ name });

describe("issues are labelled with the problem they serve", () => {
  beforeEach(setupNock);
  afterEach(assertNoPendingMocks);

  it("labels a new issue by keyword, creating the missing label once, in 4 requests", async () => {
    const probot = testProbot();
    const requests: string[] = [];
    const scope = mockAuth(api());
    mockStrategyFile(scope, STRATEGY);
    scope.get(`${REPO_PATH}/labels/strategy%3A%20reliability`).reply(404, { message: "Not Found" });
    scope
      .post(`${REPO_PATH}/labels`, {
        name: "strategy: reliability",
        color: "b60205",
        description: "Customers are upset because the product is unreliable.",
      })
      .reply(201, {});
    scope.post(`${REPO_PATH}/issues/1/labels`, { labels: ["strategy: reliability"] }).reply(200, []);
    scope.on(
      "request",
      (req: any) => !req.path.includes("access_tokens") && requests.push(`${req.method} ${req.path}`),
    );
    await probot.receive(issueEvent("opened"));
    expect(requests).toHaveLength(4);
  });

  it("costs one free conditional request when the labels are already in step", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    mockStrategyFile(scope, STRATEGY);
    await probot.receive(issueEvent("edited", { labels: [label("strategy: reliability")] }));
    mockStrategyUnchanged(scope);
    await probot.receive(issueEvent("edited", { labels: [label("strategy: reliability")] }));
    expect(scope.isDone()).toBe(true);
  });

  it("removes a label the app applied once the issue no longer serves that problem", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    mockStrategyFile(scope, STRATEGY);
    mockGraphQL(scope, "ItemHistory", history([["strategy: reliability", "added", APP.login]]));
    scope.delete(`${REPO_PATH}/issues/1/labels/strategy%3A%20reliability`).reply(200, []);
    await probot.receive(
      issueEvent("edited", { title: "Update the README", labels: [label("strategy: reliability")] }),
    );
  });

  it("keeps a strategy label a person applied, as an explicit choice", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    mockStrategyFile(scope, STRATEGY);
    mockGraphQL(scope, "ItemHistory", history([["strategy: costs", "added", "octocat"]]));
    await probot.receive(issueEvent("labeled", { labels: [label("strategy: costs")] }));
  });

  it("never re-adds a label a person removed", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    mockStrategyFile(scope, STRATEGY);
    mockGraphQL(
      scope,
      "ItemHistory",
      history([
        ["strategy: reliability", "added", APP.login],
        ["strategy: reliability", "removed", "octocat"],
      ]),
    );
    await probot.receive(issueEvent("unlabeled"));
  });

  it("follows a Serves: line over the rules", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    mockStrategyFile(scope, STRATEGY);
    scope.get(`${REPO_PATH}/labels/strategy%3A%20costs`).reply(200, { name: "strategy: costs" });
    scope.post(`${REPO_PATH}/issues/1/labels`, { labels: ["strategy: costs"] }).reply(200, []);
    await probot.receive(issueEvent("opened", { body: "Serves: costs" }));
  });

  it("changes no labels while the strategy file is invalid", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    mockStrategyFile(scope, INVALID_STRATEGY);
    await probot.receive(issueEvent("opened"));
  });

  it("does nothing in a repository without a strategy", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    scope.get(`${REPO_PATH}/contents/strategy.yml`).reply(404, {});
    mockGraphQL(scope, "LocateStrategy", { data: { local: {}, org: null } });
    await probot.receive(issueEvent("opened"));
    // Asked again only after a while: the second event costs nothing.
    await probot.receive(issueEvent("edited"));
  });

  it("ignores the app's own events and handles a redelivery once", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    const own = issueEvent("labeled");
    own.payload.sender = { login: APP.login, type: "Bot" };
    await probot.receive(own);
    mockStrategyFile(scope, STRATEGY);
    const event = issueEvent("edited", { labels: [label("strategy: reliability")] });
    await probot.receive(event);
    await probot.receive(event);
  });
});

/** An ItemHistory answer from [label, action, actor] triples. */
function history(events: [string, "added" | "removed", string][], comments: { author: string; body: string }[] = []) {
  const nodes = [
    ...events.map(([name, action, login]) => ({
      __typename: action === "added" ? "LabeledEvent" : "UnlabeledEvent",
      actor: graphqlActor(login),
      label: { name },
    })),
    ...comments.map((c, i) => ({
      __typename: "IssueComment",
      databaseId: i + 1,
      author: graphqlActor(c.author),
      body: c.body,
    })),
  ];
  return { data: { repository: { issueOrPullRequest: { ...timelineWindows(nodes) } } } };
}

describe("a strategy not in force", () => {
  beforeEach(setupNock);
  afterEach(assertNoPendingMocks);

  it.each([["status: draft"], ["status: retired"], ["effective: { until: 2026-10-31 }"]])(
    "with %s labels nothing",
    async (line) => {
      const probot = testProbot();
      const scope = mockAuth(api());
      mockStrategyFile(scope, STRATEGY.replace("version: 1\n", `version: 1\n${line}\n`));
      await probot.receive(issueEvent("opened"));
    },
  );
});

describe("a command older than the last 100 comments", () => {
  beforeEach(setupNock);
  afterEach(assertNoPendingMocks);

  it("still stands: read from earlier pages only when the labels would otherwise change", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    mockStrategyFile(scope, STRATEGY);
    const chatter = Array.from({ length: 100 }, (_, i) => ({
      __typename: "IssueComment",
      databaseId: 200 + i,
      author: graphqlActor("octocat"),
      body: "+1",
    }));
    const answer = history([["strategy: costs", "added", APP.login]]);
    (answer.data.repository.issueOrPullRequest as any).commentEvents = {
      nodes: chatter,
      pageInfo: { hasPreviousPage: true, startCursor: "c200" },
    };
    mockGraphQL(scope, "ItemHistory", answer);
    mockGraphQL(scope, "EarlierComments", (body) => {
      expect(body.variables.before).toBe("c200");
      const nodes = [
        { __typename: "IssueComment", databaseId: 7, author: graphqlActor("octocat"), body: "/strategy costs" },
      ];
      return {
        data: {
          repository: {
            issueOrPullRequest: { timelineItems: { nodes, pageInfo: { hasPreviousPage: false, startCursor: "c7" } } },
          },
        },
      };
    });
    scope.get(`${REPO_PATH}/collaborators/octocat/permission`).reply(200, { permission: "write", role_name: "write" });
    // The rules would say reliability; the old command says costs, and costs stays: no write.
    await probot.receive(issueEvent("edited", { labels: [label("strategy: costs")] }));
  });
});
