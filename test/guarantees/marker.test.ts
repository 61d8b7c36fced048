/**
 * The app edits or deletes only a comment it wrote AND that starts with its marker. A person's (or
 * another bot's) comment carrying the marker, and the app's own comments without it, are never touched.
 * (For reports, the same rule: test/report/publish.test.ts, "leaves a person's Discussion with the same
 * title alone and writes its own".)
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PROGRESS_MARKER } from "../../src/render/markers.js";
import { assertNoPendingMocks, setupNock } from "../fixtures/probot.js";
import { STRATEGY } from "../fixtures/strategies.js";
import type { Comment } from "../fixtures/github-fake/index.js";
import { RepoFake } from "../fixtures/github-fake/one-repo.js";
import { liveProbot, pullRequestEvent, testProbot } from "./helpers.js";

function pullRequestFake() {
  const fake = new RepoFake({ strategy: STRATEGY }).serve();
  fake.item(2).files = ["infra/main.tf"];
  return fake;
}

const untouched = (fake: RepoFake, comment: Comment, body: string) => {
  expect(fake.comments).toContain(comment);
  expect(comment).toMatchObject({ edits: 0, body });
  expect(fake.requests.some((r) => r.path.endsWith(`/issues/comments/${comment.id}`))).toBe(false);
};

describe("comments carrying the app's marker", () => {
  beforeEach(setupNock);
  afterEach(assertNoPendingMocks);

  it.each([
    ["a person", "octocat", `${PROGRESS_MARKER}\nI copied the app's comment`],
    ["a person, with the marker after a blank line", "octocat", `\n\n${PROGRESS_MARKER}\nForged`],
    ["another bot", "other-app[bot]", `${PROGRESS_MARKER}\nAnother app's text`],
  ])("written by %s: never edited or deleted; the app writes its own", async (_who, author, body) => {
    const probot = testProbot();
    const fake = pullRequestFake();
    const theirs = fake.comment(2, body, author);
    await probot.receive(pullRequestEvent("opened"));
    await probot.receive(pullRequestEvent("edited", { title: "Flaky deploys", labels: fake.labelsOf(2) }));
    untouched(fake, theirs, body);
    const mine = fake.commentsOn(2).filter((c) => c.author === fake.login);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.body.startsWith(PROGRESS_MARKER)).toBe(true);
  });

  it("the app's own comment without the marker (a command reply) is never taken for the progress comment", async () => {
    const probot = testProbot();
    const fake = pullRequestFake();
    const reply = fake.comment(2, `Quoting: ${PROGRESS_MARKER}`, fake.login);
    await probot.receive(pullRequestEvent("opened"));
    untouched(fake, reply, `Quoting: ${PROGRESS_MARKER}`);
    expect(fake.commentsOn(2).filter((c) => c.author === fake.login)).toHaveLength(2);
  });

  it("after a create that failed, looking again never picks a person's marked comment", async () => {
    const probot = liveProbot({ retry: false });
    const fake = pullRequestFake();
    const theirs = fake.comment(2, `${PROGRESS_MARKER}\nmine`, "octocat");
    let failed = false;
    fake.fault = (r) =>
      r.method === "POST" && r.path.endsWith("/issues/2/comments") && !failed
        ? ((failed = true), { status: 502 })
        : undefined;
    await probot.receive(pullRequestEvent("opened"));
    untouched(fake, theirs, `${PROGRESS_MARKER}\nmine`);
    expect(fake.commentsOn(2).filter((c) => c.author === fake.login)).toHaveLength(1);
  });

  it("a person's marked comment among 150 on a long thread is still left alone", async () => {
    const probot = testProbot();
    const fake = pullRequestFake();
    for (let i = 0; i < 120; i++) fake.comment(2, `comment ${i}`, "octocat");
    const theirs = fake.comment(2, `${PROGRESS_MARKER}\nlate`, "octocat");
    for (let i = 0; i < 29; i++) fake.comment(2, `comment ${i}`, "octocat");
    await probot.receive(pullRequestEvent("opened"));
    untouched(fake, theirs, `${PROGRESS_MARKER}\nlate`);
  });
});
