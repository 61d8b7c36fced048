/**
 * The hosted app opens the `Set up Throughline` issue when installed; the Action has no installation event,
 * so its first push to the default branch (or a scheduled or manual run) opens it instead, once.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { api, mockGraphQL, mockStrategyFile, REPO_PATH, type Scope } from "../fixtures/github.js";
import { example } from "../fixtures/payloads.js";
import { assertNoPendingMocks, setupNock } from "../fixtures/probot.js";
import { STRATEGY } from "../fixtures/strategies.js";
import { runWith, workflowEnv } from "./helpers.js";

/** GitHub's example of a push to the default branch (adding the workflow, say), as the runner writes it. */
function pushToDefaultBranch(ref = "refs/heads/master") {
  const payload = example("push", undefined, (p) => p.ref === "refs/heads/master" && !p.deleted);
  payload.ref = ref;
  payload.commits = [
    { ...payload.commits[0], added: [".github/workflows/throughline.yml"], modified: [], removed: [] },
  ];
  payload.head_commit = payload.commits[0];
  return payload;
}

function mockNoStrategy(scope: Scope): void {
  scope.get(`${REPO_PATH}/contents/strategy.yml`).reply(404, { message: "Not Found" });
  mockGraphQL(scope, "LocateStrategy", { data: { local: {}, org: null } });
}

function mockSetupContext(scope: Scope, existing = false): () => any {
  let variables: any;
  mockGraphQL(scope, "SetupContext", (body) => {
    variables = body.variables;
    return {
      data: {
        repository: {
          isArchived: false,
          hasIssuesEnabled: true,
          defaultBranchRef: { name: "master" },
          labels: { nodes: [{ name: "bug" }] },
          object: { entries: [{ name: "src", type: "tree" }] },
        },
        search: {
          nodes: existing
            ? [
                {
                  id: "I_1",
                  number: 7,
                  title: "Set up Throughline",
                  state: "CLOSED",
                  author: { __typename: "Bot", login: "github-actions" },
                },
              ]
            : [],
        },
      },
    };
  });
  return () => variables;
}

describe("the Action opens the setup issue in a repository without a strategy", () => {
  beforeEach(() => {
    setupNock();
  });
  afterEach(assertNoPendingMocks);

  it("on the first push to the default branch: the starter issue, as github-actions[bot]", async () => {
    const scope = api();
    mockNoStrategy(scope);
    const variables = mockSetupContext(scope);
    let issue: any;
    scope.post(`${REPO_PATH}/issues`, (body) => ((issue = body), true)).reply(201, { number: 8 });
    const { code, lines } = await runWith(workflowEnv("push", pushToDefaultBranch()));
    expect(code).toBe(0);
    expect(variables().search).toBe(
      'repo:Codertocat/Hello-World is:issue in:title "Set up Throughline" author:app/github-actions',
    );
    expect(issue.title).toBe("Set up Throughline");
    expect(issue.body).toContain("https://github.com/Codertocat/Hello-World/new/master?filename=strategy.yml&value=");
    expect(lines).toEqual([
      "Throughline handled the push event.",
      '::notice::Codertocat/Hello-World has no strategy file: opened issue #8, "Set up Throughline", with a starter.',
    ]);
  });

  it("never twice: an earlier setup issue, even closed, means nothing is opened", async () => {
    const scope = api();
    mockNoStrategy(scope);
    mockSetupContext(scope, true);
    const { code, lines } = await runWith(workflowEnv("push", pushToDefaultBranch()));
    expect(code).toBe(0);
    expect(lines).toEqual(["Throughline handled the push event."]);
  });

  it("nothing to set up where a strategy exists", async () => {
    mockStrategyFile(api(), STRATEGY);
    const { code } = await runWith(workflowEnv("push", pushToDefaultBranch()));
    expect(code).toBe(0);
  });

  it("a push to another branch asks GitHub nothing", async () => {
    const { code, lines } = await runWith(workflowEnv("push", pushToDefaultBranch("refs/heads/feature")));
    expect(code).toBe(0);
    expect(lines).toEqual(["Throughline handled the push event."]);
  });

  it("on a scheduled or manual run too, before saying there is no report to post", async () => {
    const scope = api();
    mockNoStrategy(scope);
    mockSetupContext(scope);
    scope.post(`${REPO_PATH}/issues`).reply(201, { number: 9 });
    const { code, lines } = await runWith(
      workflowEnv("workflow_dispatch", { inputs: {}, repository: { full_name: "Codertocat/Hello-World" } }),
    );
    expect(code).toBe(0);
    expect(lines[0]).toBe(
      '::notice::Codertocat/Hello-World has no strategy file: opened issue #9, "Set up Throughline", with a starter.',
    );
    expect(lines[1]).toMatch(
      /^::notice::Codertocat\/Hello-World has no strategy file \(strategy.yml or .github\/strategy.yml\): no report to post/,
    );
  });
});
