/**
 * The Project field (docs/contract.md §12) through the app's real surface: webhooks in, GitHub answered by
 * nock, every GraphQL request named by its operation (the documents are checked against GitHub's schema
 * in test/github/graphql-documents.test.ts).
 */
import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  api,
  mockAuth,
  mockGraphQL,
  mockStrategyFile,
  mockStrategyUnchanged,
  OWNER,
  REPO_PATH,
  type Scope,
} from "../fixtures/github.js";
import { example } from "../fixtures/payloads.js";
import { APP, assertNoPendingMocks, setupNock, testProbot } from "../fixtures/probot.js";
import { contextAnswer, graphqlActor, pullRequestEvent } from "../fixtures/pull-requests.js";
import { STRATEGY } from "../fixtures/strategies.js";
import {
  FIELD_ID,
  PROJECT_ID,
  fieldAnswer,
  itemAnswer,
  option,
  projectAnswer,
  projectStrategy,
  standardOptions,
} from "../fixtures/projects.js";

const WITH_PROJECT = projectStrategy(STRATEGY);

function issueEvent(action: string, changes: Record<string, unknown> = {}) {
  const payload = example("issues", action === "edited" ? "edited" : action === "unlabeled" ? "unlabeled" : "opened");
  payload.action = action;
  payload.installation = { id: 1 };
  payload.sender = { login: "octocat", type: "User" };
  Object.assign(
    payload.issue,
    { number: 1, title: "Checkout outage on Fridays", body: "Seen twice.", labels: [] },
    changes,
  );
  return { id: `delivery-${Math.random()}`, name: "issues", payload } as any;
}

const label = (name: string) => ({ name });

/**
 * The Project step never fails an event, so a request nock does not expect would be swallowed there:
 * every unmatched request is collected and fails the test.
 */
let unmatched: string[] = [];
const onNoMatch = (req: { method?: string; path?: string }) => unmatched.push(`${req.method} ${req.path}`);
beforeEach(() => {
  unmatched = [];
  nock.emitter.on("no match", onNoMatch);
});
afterEach(() => {
  nock.emitter.removeListener("no match", onNoMatch);
  expect(unmatched).toEqual([]);
});

/** Every request but the token exchange and GET /app, as "METHOD path[ operation]". */
function record(scope: Scope): string[] {
  const seen: string[] = [];
  scope.on("request", (req: any, _interceptor: unknown, body: string) => {
    if (/access_tokens|\/app$/.test(req.path)) return;
    const operation = req.path === "/graphql" ? ` ${/(?:query|mutation) (\w+)/.exec(JSON.parse(body).query)?.[1]}` : "";
    seen.push(`${req.method} ${req.path}${operation}`);
  });
  return seen;
}

/** The labels of an issue already in step: the event itself costs only the strategy's 304. */
function labelsInStep(scope: Scope) {
  mockStrategyUnchanged(scope);
}

describe("the Project field on item events", () => {
  beforeEach(setupNock);
  afterEach(assertNoPendingMocks);

  it("without settings.project: no request beyond labelling", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    const seen = record(scope);
    mockStrategyFile(scope, STRATEGY);
    scope.get(`${REPO_PATH}/labels/strategy%3A%20reliability`).reply(200, {});
    scope.post(`${REPO_PATH}/issues/1/labels`).reply(200, []);
    await probot.receive(issueEvent("opened"));
    expect(seen.filter((r) => r.includes("graphql"))).toEqual([]);
    expect(seen).toHaveLength(3);
  });

  it("creates the field with one option per problem plus Several and None, then sets the value", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    const seen = record(scope);
    mockStrategyFile(scope, WITH_PROJECT);
    scope.get(`${REPO_PATH}/labels/strategy%3A%20reliability`).reply(200, {});
    scope.post(`${REPO_PATH}/issues/1/labels`).reply(200, []);
    let read: any;
    mockGraphQL(
      scope,
      "ProjectItem",
      (body) => ((read = body.variables), itemAnswer({ project: projectAnswer({ field: null }), value: null })),
    );
    let created: any;
    mockGraphQL(scope, "CreateProjectField", (body) => {
      created = body.variables;
      return { data: { createProjectV2Field: { projectV2Field: fieldAnswer(standardOptions()) } } };
    });
    let set: any;
    mockGraphQL(
      scope,
      "SetProjectValue",
      (body) => (
        (set = body.variables), { data: { updateProjectV2ItemFieldValue: { projectV2Item: { id: "PVTI_1" } } } }
      ),
    );
    await probot.receive(issueEvent("opened"));

    expect(read).toMatchObject({
      owner: OWNER,
      number: 1,
      projectOwner: "acme",
      project: 5,
      field: "Problem",
      withProject: true,
    });
    expect(created.name).toBe("Problem");
    expect(created.options.map((o: any) => o.name)).toEqual(["Reliability", "Hosting costs", "Several", "None"]);
    expect(created.options[0]).toMatchObject({ color: "RED", description: expect.stringContaining("`reliability`") });
    expect(set).toEqual({ projectId: PROJECT_ID, itemId: "PVTI_1", fieldId: FIELD_ID, optionId: "opt-reliability" });
    // First event for this strategy: one read, the field, the value.
    expect(seen.filter((r) => r.includes("graphql"))).toEqual([
      "POST /graphql ProjectItem",
      "POST /graphql CreateProjectField",
      "POST /graphql SetProjectValue",
    ]);
  });

  it("then costs at most one read and one write per item event, the field known from the cache", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    mockStrategyFile(scope, WITH_PROJECT);
    scope.get(`${REPO_PATH}/labels/strategy%3A%20reliability`).reply(200, {});
    scope.post(`${REPO_PATH}/issues/1/labels`).reply(200, []);
    mockGraphQL(scope, "ProjectItem", itemAnswer({ project: projectAnswer(), value: null }));
    mockGraphQL(scope, "SetProjectValue", {
      data: { updateProjectV2ItemFieldValue: { projectV2Item: { id: "PVTI_1" } } },
    });
    await probot.receive(issueEvent("opened"));

    // A person labels another issue with costs: its value follows, the field is not asked again.
    const seen = record(scope);
    labelsInStep(scope);
    const variables: any[] = [];
    mockGraphQL(scope, "ItemHistory", historyAnswer([["strategy: costs", "added", "octocat"]]));
    mockGraphQL(
      scope,
      "ProjectItem",
      (body) => (variables.push(body.variables), itemAnswer({ value: null, itemId: "PVTI_3" })),
    );
    let set: any;
    mockGraphQL(
      scope,
      "SetProjectValue",
      (body) => (
        (set = body.variables), { data: { updateProjectV2ItemFieldValue: { projectV2Item: { id: "PVTI_3" } } } }
      ),
    );
    await probot.receive(issueEvent("labeled", { number: 3, title: "Tidy up", labels: [label("strategy: costs")] }));
    expect(variables[0].withProject).toBe(false);
    expect(set).toMatchObject({ itemId: "PVTI_3", optionId: "opt-costs" });
    const project = seen.filter((r) => /ProjectItem|SetProjectValue|ProjectField/.test(r));
    expect(project).toEqual(["POST /graphql ProjectItem", "POST /graphql SetProjectValue"]);
  });

  it("keeps the value in step when the item's problems change, and writes nothing when it already is", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    mockStrategyFile(scope, WITH_PROJECT);
    // The issue now says it serves costs and reliability: Several replaces the app's Reliability.
    mockGraphQL(scope, "ItemHistory", historyAnswer([["strategy: reliability", "added", APP.login]]));
    scope.get(`${REPO_PATH}/labels/strategy%3A%20costs`).reply(200, {});
    scope.post(`${REPO_PATH}/issues/1/labels`, { labels: ["strategy: costs"] }).reply(200, []);
    mockGraphQL(
      scope,
      "ProjectItem",
      itemAnswer({ project: projectAnswer(), value: { option: "Reliability", by: APP.login } }),
    );
    let set: any;
    mockGraphQL(
      scope,
      "SetProjectValue",
      (body) => (
        (set = body.variables), { data: { updateProjectV2ItemFieldValue: { projectV2Item: { id: "PVTI_1" } } } }
      ),
    );
    await probot.receive(
      issueEvent("edited", { body: "Serves: reliability, costs", labels: [label("strategy: reliability")] }),
    );
    expect(set.optionId).toBe("opt-several");

    // Reopened with the value already Several: one read, no write.
    labelsInStep(scope);
    mockGraphQL(scope, "ProjectItem", itemAnswer({ value: { option: "Several", by: APP.login } }));
    await probot.receive(
      issueEvent("reopened", {
        body: "Serves: reliability, costs",
        labels: [label("strategy: reliability"), label("strategy: costs")],
      }),
    );
  });

  it("leaves a value a person set by hand alone", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    mockStrategyFile(scope, WITH_PROJECT);
    scope.get(`${REPO_PATH}/labels/strategy%3A%20reliability`).reply(200, {});
    scope.post(`${REPO_PATH}/issues/1/labels`).reply(200, []);
    // The rules say Reliability; a person chose Hosting costs on the board: no write.
    mockGraphQL(
      scope,
      "ProjectItem",
      itemAnswer({ project: projectAnswer(), value: { option: "Hosting costs", by: "octocat" } }),
    );
    await probot.receive(issueEvent("opened"));
  });

  it("brings the options in step when the strategy's problems change, keeping options a person added", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    const renamed = WITH_PROJECT.replace("title: Hosting costs", "title: Cloud spend");
    mockStrategyFile(scope, renamed);
    scope.get(`${REPO_PATH}/labels/strategy%3A%20costs`).reply(200, {});
    scope.post(`${REPO_PATH}/issues/1/labels`).reply(200, []);
    const existing = [...standardOptions(), option("Later", "opt-later", "GRAY", "Parked by the team")];
    mockGraphQL(scope, "ProjectItem", itemAnswer({ project: projectAnswer({ options: existing }), value: null }));
    let update: any;
    mockGraphQL(scope, "UpdateProjectFieldOptions", (body) => {
      update = body.variables;
      return {
        data: {
          updateProjectV2Field: {
            projectV2Field: fieldAnswer(body.variables.options.map((o: any) => ({ ...o, id: `new-${o.name}` }))),
          },
        },
      };
    });
    let set: any;
    mockGraphQL(
      scope,
      "SetProjectValue",
      (body) => (
        (set = body.variables), { data: { updateProjectV2ItemFieldValue: { projectV2Item: { id: "PVTI_1" } } } }
      ),
    );
    await probot.receive(issueEvent("opened", { title: "Cut cloud spend" }));
    expect(update.fieldId).toBe(FIELD_ID);
    // The app's stale "Hosting costs" goes, "Cloud spend" comes, the person's "Later" stays.
    expect(update.options.map((o: any) => o.name)).toEqual(["Reliability", "Cloud spend", "Several", "None", "Later"]);
    expect(update.options[4]).toEqual({ name: "Later", color: "GRAY", description: "Parked by the team" });
    expect(set.optionId).toBe("new-Cloud spend");
  });

  it("an item on no Project, or on another one, costs the read and nothing else", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    mockStrategyFile(scope, WITH_PROJECT);
    scope.get(`${REPO_PATH}/labels/strategy%3A%20reliability`).reply(200, {});
    scope.post(`${REPO_PATH}/issues/1/labels`).reply(200, []);
    mockGraphQL(scope, "ProjectItem", itemAnswer({ project: projectAnswer(), value: null, projectId: "PVT_other" }));
    await probot.receive(issueEvent("opened"));
  });

  it("a pull request gets its value in the same way, after its labels, comment and check", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    const seen = record(scope);
    mockStrategyFile(scope, WITH_PROJECT);
    mockGraphQL(
      scope,
      "PullRequestContext",
      contextAnswer({ files: ["infra/main.tf"], counts: { total: 1, aligned: 1, p0: 1, p1: 0 }, checkRunId: 77 }),
    );
    scope.get(`${REPO_PATH}/labels/strategy%3A%20reliability`).reply(200, {});
    scope.post(`${REPO_PATH}/issues/2/labels`).reply(200, []);
    scope.post(`${REPO_PATH}/issues/2/comments`).reply(201, { id: 9 });
    scope.patch(`${REPO_PATH}/check-runs/77`).reply(200, {});
    mockGraphQL(scope, "ProjectItem", (body) => {
      expect(body.variables.number).toBe(2);
      return itemAnswer({ project: projectAnswer(), value: null, kind: "PullRequest" });
    });
    mockGraphQL(scope, "SetProjectValue", {
      data: { updateProjectV2ItemFieldValue: { projectV2Item: { id: "PVTI_1" } } },
    });
    await probot.receive(pullRequestEvent("opened"));
    expect(seen.filter((r) => /ProjectItem|SetProjectValue/.test(r))).toHaveLength(2);
  });

  it("two items at once, before the field exists: the field is created once", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    // Both events read the file before either has cached it.
    mockStrategyFile(scope, WITH_PROJECT);
    mockStrategyFile(scope, WITH_PROJECT);
    scope.get(`${REPO_PATH}/labels/strategy%3A%20reliability`).reply(200, {});
    scope.get(`${REPO_PATH}/labels/strategy%3A%20costs`).reply(200, {});
    scope.post(`${REPO_PATH}/issues/1/labels`).reply(200, []);
    scope.post(`${REPO_PATH}/issues/4/labels`).reply(200, []);
    for (const itemId of ["PVTI_1", "PVTI_4"]) {
      mockGraphQL(scope, "ProjectItem", (body) =>
        itemAnswer({ project: projectAnswer({ field: null }), value: null, itemId: `PVTI_${body.variables.number}` }),
      );
      mockGraphQL(scope, "SetProjectValue", {
        data: { updateProjectV2ItemFieldValue: { projectV2Item: { id: itemId } } },
      });
    }
    let creates = 0;
    mockGraphQL(
      scope,
      "CreateProjectField",
      () => (creates++, { data: { createProjectV2Field: { projectV2Field: fieldAnswer(standardOptions()) } } }),
    );
    await Promise.all([
      probot.receive(issueEvent("opened")),
      probot.receive(issueEvent("opened", { number: 4, title: "Cut cloud spend" })),
    ]);
    expect(creates).toBe(1);
  });

  it("an edit that changes nothing about the item's problems asks nothing of the Project", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    mockStrategyFile(scope, WITH_PROJECT);
    await probot.receive(issueEvent("edited", { labels: [label("strategy: reliability")] }));
  });
});

describe("without permission or without the Project", () => {
  beforeEach(setupNock);
  afterEach(assertNoPendingMocks);

  it("labels as usual, writes nothing to the Project, and does not ask again for a while", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    mockStrategyFile(scope, WITH_PROJECT);
    scope.get(`${REPO_PATH}/labels/strategy%3A%20reliability`).reply(200, {});
    scope.post(`${REPO_PATH}/issues/1/labels`).reply(200, []);
    mockGraphQL(scope, "ProjectItem", forbiddenAnswer());
    await probot.receive(issueEvent("opened"));

    // The next item event labels too, and leaves the Project alone.
    labelsInStep(scope);
    scope.get(`${REPO_PATH}/labels/strategy%3A%20costs`).reply(200, {});
    scope.post(`${REPO_PATH}/issues/4/labels`).reply(200, []);
    await probot.receive(issueEvent("opened", { number: 4, title: "Cut cloud spend" }));
  });

  it("a Project that does not exist is left alone too", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    mockStrategyFile(scope, WITH_PROJECT);
    scope.get(`${REPO_PATH}/labels/strategy%3A%20reliability`).reply(200, {});
    scope.post(`${REPO_PATH}/issues/1/labels`).reply(200, []);
    mockGraphQL(scope, "ProjectItem", {
      data: {
        projectOwner: { projectV2: null },
        repository: { issueOrPullRequest: { __typename: "Issue", projectItems: { nodes: [] } } },
      },
      errors: [
        {
          type: "NOT_FOUND",
          path: ["projectOwner", "projectV2"],
          message: "Could not resolve to a ProjectV2 with the number 5.",
        },
      ],
    });
    await probot.receive(issueEvent("opened"));
  });

  it("a refused write is not an error for the event", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    mockStrategyFile(scope, WITH_PROJECT);
    scope.get(`${REPO_PATH}/labels/strategy%3A%20reliability`).reply(200, {});
    scope.post(`${REPO_PATH}/issues/1/labels`).reply(200, []);
    mockGraphQL(scope, "ProjectItem", itemAnswer({ project: projectAnswer(), value: null }));
    mockGraphQL(scope, "SetProjectValue", {
      data: null,
      errors: [
        {
          type: "FORBIDDEN",
          message: "Resource not accessible by integration",
          path: ["updateProjectV2ItemFieldValue"],
        },
      ],
    });
    await expect(probot.receive(issueEvent("opened"))).resolves.not.toThrow();
  });
});

describe("an item added to the Project (projects_v2_item)", () => {
  beforeEach(setupNock);
  afterEach(assertNoPendingMocks);

  function itemAdded(contentType = "Issue", projectNodeId = PROJECT_ID) {
    const payload = example("projects_v2_item", "converted");
    payload.action = "created";
    payload.installation = { id: 1 };
    payload.sender = { login: "octocat", type: "User" };
    Object.assign(payload.projects_v2_item, {
      content_type: contentType,
      content_node_id: "I_kwDOissue1",
      project_node_id: projectNodeId,
      node_id: "PVTI_1",
    });
    delete payload.changes;
    return { id: `delivery-${Math.random()}`, name: "projects_v2_item", payload } as any;
  }

  it("gets its value at once, decided as its own events would decide it", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    const seen = record(scope);
    mockGraphQL(scope, "ProjectItemContent", (body) => {
      expect(body.variables.id).toBe("I_kwDOissue1");
      return {
        data: {
          node: { __typename: "Issue", number: 1, repository: { name: "Hello-World", owner: { login: OWNER } } },
        },
      };
    });
    mockStrategyFile(scope, WITH_PROJECT);
    scope.get(`${REPO_PATH}/issues/1`).reply(200, {
      number: 1,
      title: "Checkout outage on Fridays",
      body: "",
      labels: [{ name: "strategy: reliability" }],
      user: { login: "octocat" },
    });
    mockGraphQL(scope, "ProjectItem", itemAnswer({ project: projectAnswer(), value: null }));
    let set: any;
    mockGraphQL(
      scope,
      "SetProjectValue",
      (body) => (
        (set = body.variables), { data: { updateProjectV2ItemFieldValue: { projectV2Item: { id: "PVTI_1" } } } }
      ),
    );
    await probot.receive(itemAdded());
    expect(set).toMatchObject({ itemId: "PVTI_1", optionId: "opt-reliability" });
    // Labels already in step: the content, the strategy, the issue, the Project read, the value.
    expect(seen).toHaveLength(5);
  });

  it("a draft issue is not the app's to judge", async () => {
    const probot = testProbot();
    mockAuth(api());
    await probot.receive(itemAdded("DraftIssue"));
  });

  it("an item of another Project, once the strategy's is known, costs only finding the item", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    // An issue event first makes the strategy's Project known.
    mockStrategyFile(scope, WITH_PROJECT);
    scope.get(`${REPO_PATH}/labels/strategy%3A%20reliability`).reply(200, {});
    scope.post(`${REPO_PATH}/issues/1/labels`).reply(200, []);
    mockGraphQL(
      scope,
      "ProjectItem",
      itemAnswer({ project: projectAnswer(), value: { option: "Reliability", by: APP.login } }),
    );
    await probot.receive(issueEvent("opened"));
    mockGraphQL(scope, "ProjectItemContent", {
      data: { node: { __typename: "Issue", number: 1, repository: { name: "Hello-World", owner: { login: OWNER } } } },
    });
    mockStrategyUnchanged(scope);
    await probot.receive(itemAdded("Issue", "PVT_another"));
  });
});

describe("a /strategy command", () => {
  beforeEach(setupNock);
  afterEach(assertNoPendingMocks);

  it("sets the value it chose", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    mockStrategyFile(scope, WITH_PROJECT);
    scope.get(`${REPO_PATH}/collaborators/octocat/permission`).reply(200, { permission: "write", role_name: "write" });
    scope.post(`${REPO_PATH}/issues/comments/5/reactions`).reply(201, {});
    mockGraphQL(scope, "ItemHistory", historyAnswer([["strategy: reliability", "added", APP.login]]));
    scope.delete(`${REPO_PATH}/issues/1/labels/strategy%3A%20reliability`).reply(200, []);
    mockGraphQL(
      scope,
      "ProjectItem",
      itemAnswer({ project: projectAnswer(), value: { option: "Reliability", by: APP.login } }),
    );
    let set: any;
    mockGraphQL(
      scope,
      "SetProjectValue",
      (body) => (
        (set = body.variables), { data: { updateProjectV2ItemFieldValue: { projectV2Item: { id: "PVTI_1" } } } }
      ),
    );
    const payload = example("issue_comment", "created");
    payload.installation = { id: 1 };
    payload.sender = { login: "octocat", type: "User" };
    Object.assign(payload.issue, {
      number: 1,
      title: "Checkout outage",
      body: "",
      labels: [{ name: "strategy: reliability" }],
      pull_request: undefined,
    });
    delete payload.issue.pull_request;
    Object.assign(payload.comment, { id: 5, body: "/strategy none", user: { login: "octocat", type: "User" } });
    await probot.receive({ id: `delivery-${Math.random()}`, name: "issue_comment", payload } as any);
    expect(set.optionId).toBe("opt-none");
  });
});

describe("the Strategy file check says whether the Project can be used", () => {
  beforeEach(setupNock);
  afterEach(assertNoPendingMocks);

  function pushEvent() {
    const payload = example("push", undefined, (p) => p.ref.startsWith("refs/heads/"));
    payload.ref = "refs/heads/master";
    payload.installation = { id: 1 };
    payload.commits = [{ ...payload.commits[0], added: [], removed: [], modified: ["strategy.yml"] }];
    payload.head_commit = { ...payload.commits[0] };
    return { id: `delivery-${Math.random()}`, name: "push", payload } as any;
  }

  async function checkWith(answer: object) {
    const probot = testProbot();
    const scope = mockAuth(api());
    const event = pushEvent();
    mockStrategyFile(scope, WITH_PROJECT, { ref: event.payload.after });
    let variables: any;
    mockGraphQL(scope, "ProjectField", (body) => ((variables = body.variables), answer));
    let check: any;
    scope.post(`${REPO_PATH}/check-runs`, (b) => ((check = b), true)).reply(201, { id: 1 });
    mockGraphQL(scope, "FindSetupIssue", { data: { search: { nodes: [] } } });
    await probot.receive(event);
    expect(variables).toEqual({ projectOwner: "acme", project: 5, field: "Problem" });
    return check;
  }

  it("without permission: said in the check, which still passes", async () => {
    const check = await checkWith({
      data: { projectOwner: { projectV2: null } },
      errors: [
        { type: "FORBIDDEN", path: ["projectOwner", "projectV2"], message: "Resource not accessible by integration" },
      ],
    });
    expect(check.conclusion).toBe("success");
    expect(check.output.title).toBe("2 problems; the Project cannot be used");
    expect(check.output.summary).toContain("the app may not use https://github.com/orgs/acme/projects/5");
    expect(check.output.summary).toContain("Organization permissions → Projects: Read and write");
  });

  it("without the Project: said too", async () => {
    const check = await checkWith({
      data: { projectOwner: { projectV2: null } },
      errors: [
        {
          type: "NOT_FOUND",
          path: ["projectOwner", "projectV2"],
          message: "Could not resolve to a ProjectV2 with the number 5.",
        },
      ],
    });
    expect(check.output.summary).toContain("was not found, or the app cannot see it");
  });

  it("with a Project the app can use: what it will do with the field", async () => {
    const check = await checkWith({ data: { projectOwner: { projectV2: projectAnswer({ field: null }) } } });
    expect(check.output.title).toBe("2 problems");
    expect(check.output.summary).toContain("[Platform roadmap](https://github.com/orgs/acme/projects/5)");
    expect(check.output.summary).toContain("which the app creates with 4 options");
  });

  it("a Project the app may see but not change", async () => {
    const check = await checkWith({ data: { projectOwner: { projectV2: projectAnswer({ canUpdate: false }) } } });
    expect(check.output.summary).toContain("may not change it");
  });
});

/** An ItemHistory answer from [label, action, actor] triples. */
function historyAnswer(events: [string, "added" | "removed", string][]) {
  const nodes = events.map(([name, action, login]) => ({
    __typename: action === "added" ? "LabeledEvent" : "UnlabeledEvent",
    actor: graphqlActor(login),
    label: { name },
  }));
  return { data: { repository: { issueOrPullRequest: { labelEvents: { nodes }, commentEvents: { nodes: [] } } } } };
}

function forbiddenAnswer() {
  return {
    data: {
      projectOwner: { projectV2: null },
      repository: { issueOrPullRequest: { __typename: "Issue", projectItems: null } },
    },
    errors: [
      { type: "FORBIDDEN", path: ["projectOwner", "projectV2"], message: "Resource not accessible by integration" },
      {
        type: "FORBIDDEN",
        path: ["repository", "issueOrPullRequest", "projectItems"],
        message: "Resource not accessible by integration",
      },
    ],
  };
}
