import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { api, mockAuth, mockGraphQL, mockStrategyFile, REPO_PATH } from "../fixtures/github.js";
import { example } from "../fixtures/payloads.js";
import { assertNoPendingMocks, setupNock, testProbot } from "../fixtures/probot.js";
import { INVALID_STRATEGY, STRATEGY } from "../fixtures/strategies.js";

function pushEvent(files: string[], ref = "refs/heads/master") {
  const payload = example("push", undefined, (p) => p.ref.startsWith("refs/heads/"));
  payload.ref = ref;
  payload.installation = { id: 1 };
  payload.commits = [{ ...payload.commits[0], added: [], removed: [], modified: files }];
  payload.head_commit = { ...payload.commits[0] };
  return { id: `delivery-${Math.random()}`, name: "push", payload } as any;
}

const AFTER = example("push", undefined, (p) => p.ref.startsWith("refs/heads/")).after;

describe("the Strategy file check on pushes to the default branch", () => {
  beforeEach(setupNock);
  afterEach(assertNoPendingMocks);

  it("passes with a summary of the problems when the file is valid", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    mockStrategyFile(scope, STRATEGY, { ref: AFTER });
    let check: any;
    scope.post(`${REPO_PATH}/check-runs`, (b) => ((check = b), true)).reply(201, { id: 1 });
    mockGraphQL(scope, "FindSetupIssue", { data: { search: { nodes: [] } } });
    await probot.receive(pushEvent(["strategy.yml"]));
    expect(check).toMatchObject({ name: "Strategy file", conclusion: "success" });
    expect(check.output.title).toBe("2 problems");
    expect(check.output.summary).toContain("reliability");
  });

  it("fails with one annotation per error, at the error's line", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    mockStrategyFile(scope, INVALID_STRATEGY, { ref: AFTER });
    let check: any;
    scope.post(`${REPO_PATH}/check-runs`, (b) => ((check = b), true)).reply(201, { id: 1 });
    await probot.receive(pushEvent(["strategy.yml"]));
    expect(check.conclusion).toBe("failure");
    expect(check.output.annotations).toEqual([
      expect.objectContaining({
        path: "strategy.yml",
        start_line: 5,
        annotation_level: "failure",
        message: expect.stringContaining("used twice"),
      }),
    ]);
  });

  it("ignores pushes that do not touch the strategy, and pushes to other branches", async () => {
    const probot = testProbot();
    mockAuth(api());
    await probot.receive(pushEvent(["README.md"]));
    await probot.receive(pushEvent(["strategy.yml"], "refs/heads/feature"));
  });
});
