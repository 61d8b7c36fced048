import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { api, mockGraphQL, mockStrategyFile, REPO_PATH, type Scope } from "../fixtures/github.js";
import { assertNoPendingMocks, setupNock } from "../fixtures/probot.js";
import { contextAnswer, timelineWindows } from "../fixtures/pull-requests.js";
import { STRATEGY } from "../fixtures/strategies.js";
import { FIELD_ID, itemAnswer, PROJECT_ID, projectAnswer, projectStrategy } from "../fixtures/projects.js";
import { cli } from "./helpers.js";

const ARGS = ["backfill", "--repo", "Codertocat/Hello-World", "--since", "2026-11-01"];
const SINCE = "2026-11-01T00:00:00.000Z";
const label = (name: string) => ({ name });

const issue = (number: number, title: string, labels: string[] = [], extra: object = {}) => ({
  number,
  title,
  body: "",
  labels: labels.map(label),
  user: { login: "octocat" },
  milestone: null,
  updated_at: "2026-11-05T00:00:00Z",
  ...extra,
});
const pull = (number: number, title: string, updated_at: string) => ({
  ...issue(number, title),
  updated_at,
  head: { ref: `topic-${number}`, sha: `sha${number}` },
});

/**
 * The repository: #1 an issue that needs a label, #3 an issue already right, #5 an issue labelled by the
 * token's login that no longer serves the problem; #2 a pull request that needs a label, #4 one updated
 * before the date (the pulls list is read no further).
 */
function mockRepository(scope: Scope, { issueOneLabelled = false, strategy = STRATEGY } = {}) {
  mockStrategyFile(scope, strategy);
  scope
    .get(`${REPO_PATH}/issues`)
    .query({ state: "all", since: SINCE, sort: "updated", direction: "asc", per_page: "100" })
    .reply(200, [
      issue(1, "Checkout outage on Fridays", issueOneLabelled ? ["strategy: reliability"] : []),
      issue(2, "Retry flaky checkout calls", [], { pull_request: {} }),
      issue(3, "Another outage", ["strategy: reliability"]),
      issue(5, "Update the README", ["strategy: reliability"]),
    ]);
  scope
    .get(`${REPO_PATH}/pulls`)
    .query({ state: "all", sort: "updated", direction: "desc", per_page: "100" })
    .reply(
      200,
      [pull(2, "Retry flaky checkout calls", "2026-11-10T00:00:00Z"), pull(4, "Old work", "2026-10-01T00:00:00Z")],
      {
        link: `<https://api.github.com${REPO_PATH}/pulls?page=2>; rel="next"`,
      },
    );
  if (!issueOneLabelled) mockGraphQL(scope, "ItemHistory", history([]));
  mockGraphQL(scope, "ItemHistory", history([["strategy: reliability", "LabeledEvent", "backfiller"]]));
  mockGraphQL(scope, "PullRequestContext", (body) => {
    expect(body.variables).toMatchObject({ number: 2, sha: "sha2", withFiles: true });
    return contextAnswer({ files: ["src/checkout.ts"] });
  });
}

function history(events: [string, string, string][]) {
  const nodes = events.map(([name, type, login]) => ({ __typename: type, actor: { login }, label: { name } }));
  return { data: { repository: { issueOrPullRequest: { ...timelineWindows(nodes) } } } };
}

function recordWrites(scope: Scope): string[] {
  const writes: string[] = [];
  scope.on(
    "request",
    (req: any) =>
      req.method !== "GET" &&
      !req.path.endsWith("/graphql") &&
      writes.push(`${req.method} ${decodeURIComponent(req.path)}`),
  );
  return writes;
}

describe("throughline backfill", () => {
  beforeEach(setupNock);
  afterEach(assertNoPendingMocks);

  it("prints the planned label changes and writes nothing without --apply", async () => {
    const scope = api();
    scope.get("/user").reply(200, { login: "backfiller" });
    mockRepository(scope);
    const writes = recordWrites(scope);
    const run = await cli(ARGS);
    expect(run.code).toBe(0);
    expect(run.out).toEqual([
      '#1 issue "Checkout outage on Fridays": +"strategy: reliability"',
      '#2 pull request "Retry flaky checkout calls": +"strategy: reliability"',
      '#5 issue "Update the README": -"strategy: reliability"',
    ]);
    expect(writes).toEqual([]);
    expect(run.err.at(-1)).toBe(
      "4 items: 3 to change, 1 already right (dry run: nothing written; pass --apply to write)",
    );
  });

  it("with --apply writes only for the items not already right (a second run resumes)", async () => {
    const scope = api();
    mockRepository(scope, { issueOneLabelled: true });
    scope.get(`${REPO_PATH}/labels/strategy%3A%20reliability`).reply(200, label("strategy: reliability"));
    scope.post(`${REPO_PATH}/issues/2/labels`, { labels: ["strategy: reliability"] }).reply(200, []);
    scope.delete(`${REPO_PATH}/issues/5/labels/strategy%3A%20reliability`).reply(200, []);
    const writes = recordWrites(scope);
    const run = await cli([...ARGS, "--apply", "--as", "backfiller"]);
    expect(run.code).toBe(0);
    expect(writes).toEqual([
      `POST ${REPO_PATH}/issues/2/labels`,
      `DELETE ${REPO_PATH}/issues/5/labels/strategy: reliability`,
    ]);
    expect(run.err.at(-1)).toBe("4 items: 2 changed, 2 already right");
  });

  it("with settings.project, sets each item's field as the app would, leaving a person's value alone", async () => {
    const scope = api();
    mockRepository(scope, { issueOneLabelled: true, strategy: projectStrategy(STRATEGY) });
    scope.get(`${REPO_PATH}/labels/strategy%3A%20reliability`).reply(200, label("strategy: reliability"));
    scope.post(`${REPO_PATH}/issues/2/labels`, { labels: ["strategy: reliability"] }).reply(200, []);
    scope.delete(`${REPO_PATH}/issues/5/labels/strategy%3A%20reliability`).reply(200, []);
    // #1 empty, #2 on another Project only, #3 a person's value, #5 the app's stale value.
    const values: Record<number, object> = {
      1: itemAnswer({ project: projectAnswer(), value: null, itemId: "PVTI_1" }),
      2: itemAnswer({ value: null, projectId: "PVT_other" }),
      3: itemAnswer({ value: { option: "Hosting costs", by: "octocat" }, itemId: "PVTI_3" }),
      5: itemAnswer({ value: { option: "Reliability", by: "backfiller" }, itemId: "PVTI_5" }),
    };
    const asked: number[] = [];
    for (let i = 0; i < 4; i++)
      mockGraphQL(scope, "ProjectItem", (body) => (asked.push(body.variables.number), values[body.variables.number]!));
    const set: object[] = [];
    for (let i = 0; i < 2; i++) {
      mockGraphQL(
        scope,
        "SetProjectValue",
        (body) => (
          set.push(body.variables), { data: { updateProjectV2ItemFieldValue: { projectV2Item: { id: "x" } } } }
        ),
      );
    }
    const run = await cli([...ARGS, "--apply", "--as", "backfiller"]);
    expect(run.code).toBe(0);
    expect(asked).toEqual([1, 2, 3, 5]);
    expect(set).toEqual([
      { projectId: PROJECT_ID, itemId: "PVTI_1", fieldId: FIELD_ID, optionId: "opt-reliability" },
      { projectId: PROJECT_ID, itemId: "PVTI_5", fieldId: FIELD_ID, optionId: "opt-none" },
    ]);
    expect(run.out).toEqual([
      '#1 issue "Checkout outage on Fridays": Problem="Reliability"',
      '#2 pull request "Retry flaky checkout calls": +"strategy: reliability"',
      '#5 issue "Update the README": -"strategy: reliability" Problem="None"',
    ]);
  });

  it("keeps going past an item that fails, then exits 1", async () => {
    const scope = api();
    mockRepository(scope, { issueOneLabelled: true });
    scope.get(`${REPO_PATH}/labels/strategy%3A%20reliability`).reply(200, label("strategy: reliability"));
    scope.post(`${REPO_PATH}/issues/2/labels`).reply(403, { message: "Resource not accessible by integration" });
    scope.delete(`${REPO_PATH}/issues/5/labels/strategy%3A%20reliability`).reply(200, []);
    const run = await cli([...ARGS, "--apply", "--as", "backfiller"]);
    expect(run.code).toBe(1);
    expect(run.out).toEqual([
      "#2: failed: Resource not accessible by integration",
      '#5 issue "Update the README": -"strategy: reliability"',
    ]);
    expect(run.err.at(-1)).toBe("4 items: 1 changed, 2 already right, 1 failed");
  });

  it("draws a progress bar with counts and the time left on a terminal", async () => {
    const scope = api();
    mockRepository(scope);
    const run = await cli([...ARGS, "--as", "backfiller"], { tty: true });
    expect(run.code).toBe(0);
    const bars = run.drawn.filter((d) => d.startsWith("["));
    expect(bars[0]).toBe("[------------------------] 0/4 · 0 to change");
    expect(bars.find((b) => b.includes(" 1/4 "))).toMatch(
      /^\[######------------------\] 1\/4 · 1 to change · ETA \d+s$/,
    );
    expect(bars.at(-1)).toBe("[########################] 4/4 · 3 to change");
    // Result lines go to stdout between a clear and a redraw of the bar, never into it.
    expect(run.out).toHaveLength(3);
    expect(run.drawn.at(-1)).toBe("\r\u001b[2K");
  });

  it("writes plain progress lines when stderr is not a terminal", async () => {
    const scope = api();
    mockRepository(scope);
    const run = await cli([...ARGS, "--as", "backfiller"]);
    expect(run.drawn).toEqual([]);
    expect(run.err.filter((l) => /^\d+\/4 items/.test(l))).toEqual([
      "0/4 items, 0 to change",
      "1/4 items, 1 to change",
      "2/4 items, 2 to change",
      "3/4 items, 2 to change",
      "4/4 items, 3 to change",
    ]);
  });

  it.each([
    [["backfill", "--repo", "Codertocat/Hello-World"], "--since DATE is required (YYYY-MM-DD or an ISO timestamp)"],
    [
      ["backfill", "--repo", "Codertocat/Hello-World", "--since", "last week"],
      '--since must be YYYY-MM-DD or an ISO timestamp, not "last week"',
    ],
    [["backfill", "--repo", "Hello-World", "--since", "2026-11-01"], '--repo must be OWNER/NAME, not "Hello-World"'],
  ])("%j is a usage error", async (argv, message) => {
    const run = await cli(argv);
    expect(run.code).toBe(2);
    expect(run.err[0]).toBe(`throughline backfill: ${message}`);
  });

  it("in a workflow, judges labels as github-actions[bot], the identity of the workflow token", async () => {
    const scope = api();
    scope.get("/user").reply(403, { message: "Resource not accessible by integration" });
    mockStrategyFile(scope, STRATEGY);
    scope
      .get(`${REPO_PATH}/issues`)
      .query(true)
      .reply(200, [issue(5, "Update the README", ["strategy: reliability"])]);
    scope.get(`${REPO_PATH}/pulls`).query(true).reply(200, []);
    mockGraphQL(scope, "ItemHistory", history([["strategy: reliability", "LabeledEvent", "github-actions[bot]"]]));
    const run = await cli(ARGS, { env: { GITHUB_TOKEN: "ghs_workflow", GITHUB_ACTIONS: "true" } });
    expect(run.out).toEqual(['#5 issue "Update the README": -"strategy: reliability"']);
  });

  it("asks for --as when it cannot tell who the token acts as", async () => {
    api().get("/user").reply(403, { message: "Resource not accessible by integration" });
    const run = await cli(ARGS);
    expect(run.code).toBe(1);
    expect(run.err[0]).toBe(
      "throughline backfill: cannot tell which login the token acts as: pass --as LOGIN (e.g. throughline[bot])",
    );
  });

  it("needs a token", async () => {
    const run = await cli(ARGS, { env: {} });
    expect(run.code).toBe(1);
    expect(run.err[0]).toBe("throughline backfill: no token: set GITHUB_TOKEN (or pass --token)");
  });
});
