import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderStarter } from "../../src/render/starter.js";
import { api, mockAuth, mockGraphQL, mockStrategyFile, REPO_PATH, type Scope } from "../fixtures/github.js";
import { example } from "../fixtures/payloads.js";
import { APP, assertNoPendingMocks, setupNock, testProbot } from "../fixtures/probot.js";
import { STRATEGY } from "../fixtures/strategies.js";

const SEARCH = 'repo:Codertocat/Hello-World is:issue in:title "Set up Throughline" author:app/throughline';
const LABELS = ["bug", "documentation", "enhancement", "question"];
const TREE = [
  { name: "src", type: "tree" },
  { name: "infra", type: "tree" },
  { name: "docs", type: "tree" },
  { name: "README.md", type: "blob" },
];

let delivery = 0;
const repository = (fullName: string) => ({
  id: 1,
  node_id: "R_1",
  name: fullName.split("/")[1],
  full_name: fullName,
  private: false,
});

function installationCreated(...repos: string[]) {
  const payload = example("installation", "created");
  payload.repositories = (repos.length ? repos : ["Codertocat/Hello-World"]).map(repository);
  return { id: `delivery-${++delivery}`, name: "installation", payload } as any;
}

function repositoriesAdded(...repos: string[]) {
  const payload = example("installation_repositories", "added");
  payload.repositories_added = (repos.length ? repos : ["Codertocat/Hello-World"]).map(repository);
  return { id: `delivery-${++delivery}`, name: "installation_repositories", payload } as any;
}

/** Every request but the token exchange and the app's identity, as "METHOD path [operation]". */
function record(scope: Scope): string[] {
  const seen: string[] = [];
  scope.on("request", (req: any, _interceptor: unknown, body: string) => {
    if (/access_tokens|\/app$/.test(req.path)) return;
    const operation = req.path === "/graphql" ? ` ${/(?:query|mutation) (\w+)/.exec(JSON.parse(body).query)?.[1]}` : "";
    seen.push(`${req.method} ${req.path}${operation}`);
  });
  return seen;
}

function mockNoStrategy(scope: Scope, path = REPO_PATH): void {
  scope.get(`${path}/contents/strategy.yml`).reply(404, { message: "Not Found" });
  mockGraphQL(scope, "LocateStrategy", { data: { local: {}, org: null } });
}

type Existing = { state: "OPEN" | "CLOSED"; author?: { __typename: string; login: string }; title?: string };

function mockSetupContext(scope: Scope, existing: Existing[] = [], over: Record<string, unknown> = {}) {
  let variables: any;
  mockGraphQL(scope, "SetupContext", (body) => {
    variables = body.variables;
    return {
      data: {
        repository: {
          isArchived: false,
          hasIssuesEnabled: true,
          defaultBranchRef: { name: "trunk" },
          labels: { nodes: LABELS.map((name) => ({ name })) },
          object: { entries: TREE },
          ...over,
        },
        search: {
          nodes: existing.map((e, i) => ({
            id: `I_${i + 1}`,
            number: 40 + i,
            title: e.title ?? "Set up Throughline",
            state: e.state,
            author: e.author ?? { __typename: "Bot", login: APP.slug },
          })),
        },
      },
    };
  });
  return () => variables;
}

describe("a repository without a strategy gets one setup issue", () => {
  beforeEach(() => {
    setupNock();
  });
  afterEach(assertNoPendingMocks);

  it("on installation.created: the starter from its labels and folders, in 4 requests", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    const seen = record(scope);
    mockNoStrategy(scope);
    const variables = mockSetupContext(scope);
    let issue: any;
    scope.post(`${REPO_PATH}/issues`, (b) => ((issue = b), true)).reply(201, { number: 42 });
    await probot.receive(installationCreated());

    expect(seen).toEqual([
      `GET ${REPO_PATH}/contents/strategy.yml`,
      "POST /graphql LocateStrategy",
      "POST /graphql SetupContext",
      `POST ${REPO_PATH}/issues`,
    ]);
    expect(variables()).toEqual({ owner: "Codertocat", repo: "Hello-World", search: SEARCH });
    expect(Object.keys(issue).sort()).toEqual(["body", "title"]);
    expect(issue.title).toBe("Set up Throughline");
    const starter = renderStarter({
      owner: "Codertocat",
      repo: "Hello-World",
      defaultBranch: "trunk",
      labels: LABELS,
      folders: ["src", "infra", "docs"],
    });
    expect(issue.body).toContain(starter.trimEnd());
    expect(issue.body).toContain('labels: ["bug"]');
    expect(issue.body).toContain('paths: ["infra/**"]');
    expect(issue.body).toContain("https://github.com/Codertocat/Hello-World/new/trunk?filename=strategy.yml&value=");
    expect(issue.body).not.toMatch(/(^|[^`\w])@\w/m);
  });

  it("on installation_repositories.added, the same", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    mockNoStrategy(scope);
    mockSetupContext(scope);
    scope.post(`${REPO_PATH}/issues`, (b) => b.title === "Set up Throughline").reply(201, { number: 42 });
    await probot.receive(repositoriesAdded());
  });

  it("handles a second delivery of the same event once", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    mockNoStrategy(scope);
    mockSetupContext(scope);
    scope.post(`${REPO_PATH}/issues`).reply(201, { number: 42 });
    const event = installationCreated();
    await probot.receive(event);
    await probot.receive({ ...event });
  });

  it("asks nothing more in this process once it opened the issue, whatever search says meanwhile", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    mockNoStrategy(scope);
    mockSetupContext(scope);
    scope.post(`${REPO_PATH}/issues`).reply(201, { number: 42 });
    await probot.receive(installationCreated());
    await probot.receive(repositoriesAdded());
  });

  it.each<[string, Existing]>([
    ["closed by someone", { state: "CLOSED" }],
    ["still open", { state: "OPEN" }],
  ])("never opens a second one when the app's earlier issue is %s", async (_, existing) => {
    const probot = testProbot();
    const scope = mockAuth(api());
    const seen = record(scope);
    mockNoStrategy(scope);
    mockSetupContext(scope, [existing]);
    await probot.receive(repositoriesAdded());
    expect(seen.filter((r) => r.startsWith("POST /repos") || r.startsWith("PATCH"))).toEqual([]);
  });

  it("is not put off by a person's issue with the same title", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    mockNoStrategy(scope);
    mockSetupContext(scope, [{ state: "OPEN", author: { __typename: "User", login: "octocat" } }]);
    scope.post(`${REPO_PATH}/issues`).reply(201, { number: 43 });
    await probot.receive(repositoriesAdded());
  });

  it("says nothing in a repository that has a strategy (one request)", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    const seen = record(scope);
    mockStrategyFile(scope, STRATEGY);
    await probot.receive(installationCreated());
    expect(seen).toEqual([`GET ${REPO_PATH}/contents/strategy.yml`]);
  });

  it("says nothing in a repository that inherits its owner's strategy", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    scope.get(`${REPO_PATH}/contents/strategy.yml`).reply(404, { message: "Not Found" });
    mockGraphQL(scope, "LocateStrategy", {
      data: { local: {}, org: { p0: { oid: "blob9", byteSize: STRATEGY.length, text: STRATEGY } } },
    });
    await probot.receive(installationCreated());
  });

  it.each([
    ["archived", { isArchived: true }],
    ["without issues", { hasIssuesEnabled: false }],
  ])("opens nothing in a repository %s", async (_, over) => {
    const probot = testProbot();
    const scope = mockAuth(api());
    mockNoStrategy(scope);
    mockSetupContext(scope, [], over);
    await probot.receive(installationCreated());
  });

  it("onboards every added repository, even when one of them fails", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    scope.get("/repos/Codertocat/Space/contents/strategy.yml").reply(500, { message: "boom" });
    mockNoStrategy(scope);
    mockSetupContext(scope);
    scope.post(`${REPO_PATH}/issues`).reply(201, { number: 42 });
    await expect(probot.receive(repositoriesAdded("Codertocat/Space", "Codertocat/Hello-World"))).rejects.toThrow();
  });
});

describe("the setup issue closes once a valid strategy lands", () => {
  beforeEach(() => {
    setupNock();
  });
  afterEach(assertNoPendingMocks);

  /** The version checked is the one the push brought: its head commit. */
  const PUSHED = example("push").after;

  function pushOf(path: string) {
    const payload = example("push");
    payload.ref = `refs/heads/${payload.repository.default_branch}`;
    payload.installation = { id: 1 };
    payload.commits = [{ ...payload.head_commit, added: [path], modified: [], removed: [] }];
    payload.head_commit = { ...payload.head_commit, added: [path], modified: [], removed: [] };
    return { id: `delivery-${++delivery}`, name: "push", payload } as any;
  }

  function mockFindOpen(scope: Scope, nodes: object[]) {
    let search = "";
    mockGraphQL(scope, "FindSetupIssue", (body) => ((search = body.variables.search), { data: { search: { nodes } } }));
    return () => search;
  }

  const openIssue = {
    id: "I_7",
    number: 7,
    title: "Set up Throughline",
    state: "OPEN",
    author: { __typename: "Bot", login: APP.slug },
  };

  it("a push of a valid strategy: the Strategy file check, then a thank-you comment and the issue closed in one mutation", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    const seen = record(scope);
    mockStrategyFile(scope, STRATEGY, { ref: PUSHED });
    scope
      .post(`${REPO_PATH}/check-runs`, (b) => b.name === "Strategy file" && b.conclusion === "success")
      .reply(201, { id: 5 });
    const search = mockFindOpen(scope, [openIssue]);
    let closed: any;
    mockGraphQL(
      scope,
      "CloseSetupIssue",
      (body) => (
        (closed = body.variables), { data: { addComment: {}, closeIssue: { issue: { number: 7, state: "CLOSED" } } } }
      ),
    );
    await probot.receive(pushOf("strategy.yml"));

    expect(seen).toEqual([
      `GET ${REPO_PATH}/contents/strategy.yml?ref=${PUSHED}`,
      `POST ${REPO_PATH}/check-runs`,
      "POST /graphql FindSetupIssue",
      "POST /graphql CloseSetupIssue",
    ]);
    expect(search()).toBe(
      `repo:Codertocat/Hello-World is:issue is:open in:title "Set up Throughline" author:app/throughline`,
    );
    expect(closed.id).toBe("I_7");
    expect(closed.body).toMatch(/^Thank you! `strategy\.yml` on `master` is valid/);
    expect(closed.body).not.toContain("@");
  });

  it("leaves the issue open while the pushed strategy is invalid", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    mockStrategyFile(scope, "version: 1\nproblems: []\n", { ref: PUSHED });
    scope.post(`${REPO_PATH}/check-runs`, (b) => b.conclusion === "failure").reply(201, { id: 5 });
    await probot.receive(pushOf("strategy.yml"));
  });

  it("closes nothing when the app's issue is already closed, or a person wrote it", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    mockStrategyFile(scope, STRATEGY, { ref: PUSHED });
    scope.post(`${REPO_PATH}/check-runs`).reply(201, { id: 5 });
    mockFindOpen(scope, [
      { ...openIssue, author: { __typename: "User", login: "octocat" } },
      { ...openIssue, id: "I_8", state: "CLOSED" },
    ]);
    await probot.receive(pushOf("strategy.yml"));
  });
});
