/**
 * The example workflow works as copied: it triggers on every event the app handles (with the same
 * actions), including a push of the strategy file, asks for the permissions the app asks for, and uses the
 * Action from the project's home.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { planFor } from "../../src/action/events.js";
import { LOCAL_PATHS } from "../../src/github/strategy-source.js";
import { ISSUE_ACTIONS, PULL_REQUEST_ACTIONS } from "../../src/index.js";
import { PROJECT_HOME } from "../../src/strategy/json-schema.js";
import { api, mockGraphQL, mockStrategyFile, REPO_PATH } from "../fixtures/github.js";
import { example } from "../fixtures/payloads.js";
import { assertNoPendingMocks, setupNock } from "../fixtures/probot.js";
import { STRATEGY } from "../fixtures/strategies.js";
import { runWith, workflowEnv } from "./helpers.js";

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
const text = read("examples/workflow.yml");
const workflow = parse(text) as {
  on: Record<string, { types?: string[]; paths?: string[] } | { cron: string }[] | null>;
  permissions: Record<string, string>;
  jobs: Record<string, { steps: { uses?: string; with?: unknown }[] }>;
};
const DESTINATION = ".github/workflows/throughline.yml";

describe("the example workflow", () => {
  it("says where to copy it", () => {
    expect(text.split("\n")[0]).toBe(`# Throughline as a GitHub Action: copy this file to ${DESTINATION}.`);
  });

  it("runs on a push of any strategy file (its Strategy file check), and on the push adding the workflow", () => {
    const paths = (workflow.on.push as { paths: string[] }).paths;
    expect([...paths].sort()).toEqual([...LOCAL_PATHS, DESTINATION].sort());
  });

  it("triggers only on events the Action handles, with the actions the app handles", () => {
    for (const event of Object.keys(workflow.on)) expect([event, planFor(event).kind]).not.toEqual([event, "ignored"]);
    expect((workflow.on.issues as { types: string[] }).types).toEqual([...ISSUE_ACTIONS]);
    expect((workflow.on.pull_request_target as { types: string[] }).types).toEqual([...PULL_REQUEST_ACTIONS]);
    expect((workflow.on.issue_comment as { types: string[] }).types).toEqual(["created"]);
    expect(Object.keys(workflow.on).sort()).toEqual([
      "issue_comment",
      "issues",
      "pull_request_target",
      "push",
      "schedule",
      "workflow_dispatch",
    ]);
  });

  it("asks for the permissions the app asks for, those a workflow token can have", () => {
    const app = parse(read("app.yml")) as { default_permissions: Record<string, string> };
    // Metadata is always granted; a workflow token cannot be given organisation Projects.
    const { metadata: _always, organization_projects: _notForWorkflowTokens, ...needed } = app.default_permissions;
    const asWorkflow = Object.fromEntries(Object.entries(needed).map(([k, v]) => [k.replace("_", "-"), v]));
    expect(workflow.permissions).toEqual(asWorkflow);
  });

  it("uses the Action from the project's home, without checking out code", () => {
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    expect(steps.map((s) => s.uses)).toEqual([`${new URL(PROJECT_HOME).pathname.slice(1)}@main`]);
  });
});

describe("a push of the strategy file, in the Action", () => {
  beforeEach(() => {
    setupNock();
  });
  afterEach(assertNoPendingMocks);

  it("gets the Strategy file check on the pushed commit", async () => {
    const payload = example("push", undefined, (p) => p.ref === "refs/heads/master" && !p.deleted);
    payload.commits = [{ ...payload.commits[0], added: ["strategy.yml"], modified: [], removed: [] }];
    payload.head_commit = payload.commits[0];
    const scope = api();
    mockStrategyFile(scope, STRATEGY, { ref: payload.after });
    let check: any;
    scope.post(`${REPO_PATH}/check-runs`, (b) => ((check = b), true)).reply(201, { id: 1 });
    mockGraphQL(scope, "FindSetupIssue", { data: { search: { nodes: [] } } });
    // Then: a strategy exists, so there is nothing to set up.
    mockStrategyFile(scope, STRATEGY);
    const { code } = await runWith(workflowEnv("push", payload));
    expect(code).toBe(0);
    expect(check).toMatchObject({ name: "Strategy file", head_sha: payload.after, conclusion: "success" });
  });
});
