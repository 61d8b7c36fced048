/**
 * Pull requests from forks are handled like any other, entirely through the base repository: nothing is
 * read from or written to the fork, the fork's code is never fetched or run, and a strategy file the fork
 * changes is only validated, never put in force. (The request-level version is in
 * test/app/pull-requests.test.ts, "works the same for a pull request from a fork".)
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { assertNoPendingMocks, setupNock } from "../fixtures/probot.js";
import { STRATEGY } from "../fixtures/strategies.js";
import { RepoFake } from "../fixtures/github-fake/one-repo.js";
import { pullRequestEvent, testProbot } from "./helpers.js";

const EVERYTHING_IS_COSTS = `version: 1
problems:
  - id: costs
    title: Hosting costs
    match: { keywords: [the, a, docs], paths: ["**"] }
`;

function forkEvent(
  action: string,
  changes: Record<string, unknown> = {},
  headRepo: Record<string, unknown> | null = {},
) {
  const event = pullRequestEvent(action, changes);
  const head = event.payload.pull_request.head;
  head.repo =
    headRepo === null
      ? null
      : {
          ...head.repo,
          name: "Hello-World",
          full_name: "forker/Hello-World",
          fork: true,
          owner: { login: "forker", type: "User" },
          ...headRepo,
        };
  head.label = "forker:main";
  head.ref = "main";
  event.payload.pull_request.user = { login: "forker", type: "User" };
  event.payload.sender = { login: "forker", type: "User" };
  return event;
}

/** Every request went to the base repository (REST paths, and GraphQL variables). */
function expectBaseOnly(fake: RepoFake) {
  for (const r of fake.requests) {
    if (r.path === "/graphql") {
      expect(JSON.stringify(r.body.variables ?? {})).not.toContain("forker");
    } else expect(r.path.startsWith(fake.repoPath)).toBe(true);
  }
}

describe("pull requests from forks", () => {
  beforeEach(setupNock);
  afterEach(assertNoPendingMocks);

  it("get their label, comment and check, all through the base repository", async () => {
    const probot = testProbot();
    const fake = new RepoFake({ strategy: STRATEGY }).serve();
    fake.item(2).files = ["infra/main.tf"];
    await probot.receive(forkEvent("opened"));
    expect(fake.item(2).labels).toEqual(["strategy: reliability"]);
    expect(fake.commentsOn(2)).toHaveLength(1);
    expect(fake.checks.map((c) => c.name)).toEqual(["Strategy alignment"]);
    expectBaseOnly(fake);
  });

  it("whose fork was deleted (no head repository) are handled the same", async () => {
    const probot = testProbot();
    const fake = new RepoFake({ strategy: STRATEGY }).serve();
    fake.item(2).files = ["infra/main.tf"];
    await probot.receive(forkEvent("synchronize", {}, null));
    expect(fake.item(2).labels).toEqual(["strategy: reliability"]);
    expectBaseOnly(fake);
  });

  it("that change the strategy file: its new version is checked on the head commit, the base's stays in force", async () => {
    const probot = testProbot();
    const fake = new RepoFake({ strategy: STRATEGY }).serve();
    fake.item(2).files = ["strategy.yml", "docs/readme.md"];
    const event = forkEvent("opened", { title: "Update the docs", body: "" });
    const sha = event.payload.pull_request.head.sha;
    fake.strategyAt.set(sha, EVERYTHING_IS_COSTS);
    await probot.receive(event);
    const fileCheck = fake.checks.find((c) => c.name === "Strategy file");
    expect(fileCheck).toMatchObject({ headSha: sha, conclusion: "success" });
    // The fork's file would label everything "costs"; the base's rules see nothing to label.
    expect(fake.item(2).labels).toEqual([]);
    // Its version was read from the base repository at the head commit (GitHub keeps fork commits there).
    expect(fake.requests.some((r) => r.path === `${fake.repoPath}/contents/strategy.yml` && r.method === "GET")).toBe(
      true,
    );
    expectBaseOnly(fake);
  });

  it("never fetch the fork's code: no contents read at the head commit but the strategy file", async () => {
    const probot = testProbot();
    const fake = new RepoFake({ strategy: STRATEGY }).serve();
    fake.item(2).files = ["strategy.yml", "src/evil.ts", ".github/workflows/ci.yml"];
    const event = forkEvent("opened");
    fake.strategyAt.set(event.payload.pull_request.head.sha, STRATEGY);
    await probot.receive(event);
    const reads = fake.requests.filter((r) => r.path.includes("/contents/"));
    expect(reads.map((r) => r.path)).toEqual([
      `${fake.repoPath}/contents/strategy.yml`,
      `${fake.repoPath}/contents/strategy.yml`,
    ]);
  });
});
