import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { api, mockAuth, mockGraphQL, REPO_PATH } from "../fixtures/github.js";
import { example } from "../fixtures/payloads.js";
import { assertNoPendingMocks, setupNock, testProbot } from "../fixtures/probot.js";
import { STRATEGY } from "../fixtures/strategies.js";

function issueOpened(title: string) {
  const payload = example("issues", "opened");
  payload.installation = { id: 1 };
  Object.assign(payload.issue, { title, body: "", labels: [] });
  return { id: `delivery-${Math.random()}`, name: "issues", payload } as any;
}

const ORG_PATH = "/repos/Codertocat/.github";

describe("where the strategy comes from", () => {
  beforeEach(setupNock);
  afterEach(assertNoPendingMocks);

  it("inherits the owner's .github strategy when the repository has none, found in one query", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    scope.get(`${REPO_PATH}/contents/strategy.yml`).reply(404, {});
    let variables: any;
    mockGraphQL(scope, "LocateStrategy", (body) => {
      variables = body.variables;
      return {
        data: {
          local: { p0: null, p1: null, p2: null, p3: null },
          org: { p0: null, p1: null, p2: { oid: "b1", byteSize: STRATEGY.length, text: STRATEGY }, p3: null },
        },
      };
    });
    scope.get(`${REPO_PATH}/labels/strategy%3A%20costs`).reply(200, {});
    scope.post(`${REPO_PATH}/issues/1/labels`, { labels: ["strategy: costs"] }).reply(200, []);
    await probot.receive(issueOpened("Cut the spend on staging"));
    expect(variables).toEqual({ owner: "Codertocat", repo: "Hello-World", orgRepo: ".github" });
  });

  it("accepts strategy.yaml, and a repository file that extends the owner's, adding its own rules", async () => {
    const probot = testProbot();
    const scope = mockAuth(api());
    const local = "version: 1\nextends: .github\nproblems:\n  - id: costs\n    match: { keywords: [invoice] }\n";
    scope.get(`${REPO_PATH}/contents/strategy.yml`).reply(404, {});
    mockGraphQL(scope, "LocateStrategy", {
      data: {
        local: { p0: null, p1: { oid: "b2", byteSize: local.length, text: local }, p2: null, p3: null },
        org: null,
      },
    });
    scope.get(`${ORG_PATH}/contents/strategy.yml`).reply(200, {
      type: "file",
      path: "strategy.yml",
      sha: "b3",
      encoding: "base64",
      content: Buffer.from(STRATEGY).toString("base64"),
    });
    scope.get(`${REPO_PATH}/labels/strategy%3A%20costs`).reply(200, {});
    scope.post(`${REPO_PATH}/issues/1/labels`, { labels: ["strategy: costs"] }).reply(200, []);
    await probot.receive(issueOpened("Wrong invoice totals"));
  });
});
