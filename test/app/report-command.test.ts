import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeGitHub, type Repository } from "../fixtures/github-fake/index.js";
import { example } from "../fixtures/payloads.js";
import { assertNoPendingMocks, setupNock, testProbot } from "../fixtures/probot.js";
import { addPull } from "../fixtures/report-repository.js";
import { STRATEGY } from "../fixtures/strategies.js";

function reportCommand(body: string) {
  const payload = example("issue_comment", "created");
  payload.installation = { id: 1 };
  payload.sender = { login: "octocat", type: "User" };
  payload.comment.body = body;
  payload.comment.user.login = "octocat";
  return { id: `delivery-${Math.random()}`, name: "issue_comment", payload } as any;
}

let stop: (() => void) | undefined;

/**
 * Codertocat/Hello-World on the fake GitHub: the strategy file (its commit named by REST only), octocat may
 * write, and issue #1 holds the command's comment.
 */
function served(): { gh: FakeGitHub; repo: Repository; replies: () => string[] } {
  const gh = new FakeGitHub();
  const repo = gh.addRepository({
    owner: "Codertocat",
    name: "Hello-World",
    defaultBranch: "master",
    files: { "strategy.yml": STRATEGY },
    roles: { octocat: "write" },
  });
  repo.branchTarget = false;
  repo.history.set("strategy.yml", [
    { oid: "a".repeat(40), committedDate: "2026-09-01T10:00:00Z", message: "Strategy", text: STRATEGY },
  ]);
  gh.item(repo, 1, { kind: "issue", title: "Monthly reports", createdAt: "2026-09-01T10:00:00Z" });
  gh.comment(repo, 1, "/strategy report", "octocat", 492700400);
  stop = gh.intercept();
  const replies = () =>
    repo
      .item(1)
      .comments.filter((c) => c.author === gh.appLogin)
      .map((c) => c.body);
  return { gh, repo, replies };
}

describe("/strategy report", () => {
  beforeEach(setupNock);
  afterEach(() => {
    stop?.();
    assertNoPendingMocks();
  });

  it("posts that month's report as a Discussion, and a second command updates the same one", async () => {
    const probot = testProbot();
    const { gh, repo, replies } = served();
    addPull(gh, repo, {
      number: 10,
      title: "Fix flaky checkout",
      mergedAt: "2026-10-03T10:00:00Z",
      labels: ["strategy: reliability"],
    });
    addPull(gh, repo, { number: 11, title: "Update README", mergedAt: "2026-10-04T10:00:00Z" });
    await probot.receive(reportCommand("/strategy report 2026-10"));
    expect(repo.discussions).toHaveLength(1);
    expect(repo.discussions[0]!.title).toBe("Strategy alignment: October 2026");
    expect(repo.discussions[0]!.body).toContain('"merged":2');

    await probot.receive(reportCommand("/strategy report 2026-10"));
    expect(repo.discussions).toHaveLength(1);
    expect(replies()).toEqual(
      [0, 1].map(() =>
        expect.stringMatching(
          /^Strategy alignment: October 2026: https:\/\/github\.com\/Codertocat\/Hello-World\/discussions\/\d+$/,
        ),
      ),
    );
    // Both commands reacted to the comment; the second read of the strategy file was a 304.
    expect(
      gh.count({ method: "POST", path: "/repos/Codertocat/Hello-World/issues/comments/492700400/reactions" }),
    ).toBe(2);
    expect(gh.requests({ path: "/repos/Codertocat/Hello-World/contents/strategy.yml" }).map((r) => r.status)).toEqual([
      200, 304,
    ]);
    expect(gh.problems).toEqual([]);
  });

  it("refuses a month that has not begun", async () => {
    const probot = testProbot();
    const { gh, replies } = served();
    await probot.receive(reportCommand("/strategy report 2027-01"));
    expect(replies()).toEqual([expect.stringContaining("2027-01 has not begun yet")]);
    expect(
      gh.requests({ method: "POST", path: "/repos/Codertocat/Hello-World/issues/comments/492700400/reactions" })[0]
        ?.body,
    ).toEqual({ content: "confused" });
    expect(gh.problems).toEqual([]);
  });
});
