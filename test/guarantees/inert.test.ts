/**
 * Text from titles, bodies, labels, branches, file paths, commands and strategy files is quoted inertly in
 * everything the app writes: no live mention (which would notify), no HTML or HTML comment of the
 * author's, no Markdown link of theirs, and the app's marker only where the app itself put it.
 * Driven through the app; the bodies checked are the ones sent to GitHub.
 */
import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { publishReport } from "../../src/handlers/report.js";
import { PROGRESS_MARKER } from "../../src/render/markers.js";
import { parseStrategy } from "../../src/strategy/index.js";
import { example } from "../fixtures/payloads.js";
import { APP, assertNoPendingMocks, setupNock, testOctokit } from "../fixtures/probot.js";
import { STRATEGY } from "../fixtures/strategies.js";
import { FakeGitHub } from "../fixtures/github-fake/index.js";
import { RepoFake } from "../fixtures/github-fake/one-repo.js";
import { commentEvent, pullRequestEvent, testProbot } from "./helpers.js";

/** Everything a hostile author would try, in one line. */
const HOSTILE =
  '@victim @acme/admins <img src=x onerror=alert(1)> <script>alert(1)</script> <!-- hidden --> <!-- throughline:progress --> <!-- throughline:data {"version":1} --> [click](https://evil.example) ![x](https://evil.example/x.png) </details>';

/** Markdown the app writes (comments, replies, reports, check summaries): inert as GitHub renders it. */
function expectInert(markdown: string, appComments: number) {
  // The report's data comment holds user text as JSON, where `<` and `>` are escaped so it cannot end early;
  // the first " -->" after it must be its own end. What GitHub shows is the rest.
  const shown = markdown.replace(/<!-- throughline:data \{[^\n]*?\} -->/, "");
  expect(shown).not.toMatch(/@(?!\u200d)[\w-]/); // a mention GitHub would link and notify
  expect(shown).not.toMatch(/<(img|script)\b/i);
  // A link needs an unescaped "](": an odd run of backslashes before "]" escapes it.
  for (const m of shown.matchAll(/(\\*)\]\(https:\/\/evil/g)) expect(m[1]!.length % 2).toBe(1);
  // The only HTML comments are the app's own markers, at most `appComments` of them.
  expect(markdown.split("<!--").length - 1).toBeLessThanOrEqual(appComments);
  expect(markdown).not.toContain("<!-- hidden -->");
  expect(markdown.split("</details>").length).toBe(markdown.split("<details").length);
}

/** Plain-text fields (check titles, annotations): one line, so nothing can pose as more output. */
const expectOneLine = (text: string) => expect(text).not.toMatch(/[\r\n]/);

/** The strategy STRATEGY with hostile text in every free-text field it has. */
const HOSTILE_STRATEGY = STRATEGY.replace(
  "name: Platform strategy 2026",
  `name: '${HOSTILE.replace(/'/g, "''")}'`,
).replace("title: Hosting costs", `title: '${HOSTILE.replace(/'/g, "''")}'\n    why: '${HOSTILE.replace(/'/g, "''")}'`);

describe("the inertness checks themselves", () => {
  it.each([
    ["a mention", "hi @victim", 0],
    ["a team mention", "(@acme/admins)", 0],
    ["an image tag", "x <img src=x>", 0],
    ["a link", "[click](https://evil.example)", 0],
    ["an HTML comment", "a <!-- hidden --> b", 0],
    ["an early end of the app's details", "<details><summary>x</summary></details></details>", 0],
    ["a data comment closed early", '<!-- throughline:data {"a":"} --> @victim"} -->', 1],
  ])("reject %s", (_what, text, appComments) => {
    expect(() => expectInert(text, appComments)).toThrow();
  });

  it("accept the same, quoted the way the app quotes", () => {
    expect(() => expectInert("hi @\u200dvictim &lt;img src=x&gt; \\[click\\](https://evil.example)", 0)).not.toThrow();
  });
});

describe("hostile text in what the app writes", () => {
  beforeEach(setupNock);
  afterEach(assertNoPendingMocks);

  it("the progress comment and check of a pull request whose branch, paths, title and body are hostile", async () => {
    const probot = testProbot();
    const fake = new RepoFake({ strategy: STRATEGY }).serve();
    fake.item(2).files = [
      "infra/@victim <img src=x onerror=alert(1)>.tf",
      `infra/${HOSTILE}`,
      "terraform/<!-- throughline:progress -->.tf",
    ];
    const event = pullRequestEvent("opened", { title: `fix: outage ${HOSTILE}`, body: `${HOSTILE}\nSpend less` });
    event.payload.pull_request.head.ref = "hotfix/@victim<img>";
    await probot.receive(event);
    const [comment] = fake.commentsOn(2);
    expect(comment!.body.startsWith(PROGRESS_MARKER)).toBe(true);
    expect(comment!.body).toContain("infra/"); // the paths are quoted, inertly
    // The marker and, last, the app's record of its answer (problem ids only: slugs, never user text).
    expect(comment!.body).toMatch(/\n<!-- throughline:served \{"problems":\["reliability","costs"\]\} -->$/);
    expectInert(comment!.body, 2);
    const [check] = fake.checks;
    expectInert(check!.output.summary, 0);
    expectOneLine(check!.output.title);
  });

  it("a /strategy explain reply about an issue whose title, body and labels are hostile", async () => {
    const probot = testProbot();
    const fake = new RepoFake({
      strategy: STRATEGY.replace("labels: [bug, incident]", `labels: [bug, '${HOSTILE.replace(/'/g, "''")}']`),
    }).serve();
    fake.roles.set("octocat", "write");
    const event = commentEvent("/strategy explain");
    Object.assign(event.payload.issue, {
      title: `Outage ${HOSTILE}`,
      body: HOSTILE,
      labels: [{ name: HOSTILE }, { name: "bug" }],
    });
    await probot.receive(event);
    const replies = fake.commentsOn(1).filter((c) => c.author === fake.login);
    expect(replies).toHaveLength(1);
    expectInert(replies[0]!.body, 0);
  });

  it("the reply to a command naming hostile problem ids", async () => {
    const probot = testProbot();
    const fake = new RepoFake({ strategy: STRATEGY }).serve();
    fake.roles.set("octocat", "write");
    await probot.receive(commentEvent("/strategy @victim <img/src=x> [x](https://evil.example)"));
    const [reply] = fake.commentsOn(1).filter((c) => c.author === fake.login);
    expectInert(reply!.body, 0);
  });

  it("the comment and check while the strategy in force is invalid with hostile keys and values", async () => {
    const probot = testProbot();
    const hostileKey = `"${HOSTILE.replace(/"/g, '\\"')}": 1`;
    const fake = new RepoFake({ strategy: `${STRATEGY}${hostileKey}\n` }).serve();
    await probot.receive(pullRequestEvent("opened"));
    const [comment] = fake.commentsOn(2);
    expect(comment!.body).toMatch(/unknown key/);
    expectInert(comment!.body, 1);
    expectInert(fake.checks[0]!.output.summary, 0);
  });

  it("the Strategy file check of a pull request changing the file to a hostile one, valid or not", async () => {
    const probot = testProbot();
    const fake = new RepoFake({ strategy: STRATEGY }).serve();
    fake.item(2).files = ["strategy.yml"];
    const event = pullRequestEvent("opened");
    fake.strategyAt.set(event.payload.pull_request.head.sha, HOSTILE_STRATEGY);
    await probot.receive(event);
    const valid = fake.checks.find((c) => c.name === "Strategy file")!;
    expect(valid.conclusion).toBe("success");
    // One marker: the hidden mark of what the change would do.
    expectInert(valid.output.summary, 1);
    expectOneLine(valid.output.title);

    const broken = pullRequestEvent("synchronize", { number: 2 });
    broken.payload.pull_request.head.sha = "b".repeat(40);
    fake.strategyAt.set("b".repeat(40), `${HOSTILE_STRATEGY}"${HOSTILE.replace(/"/g, '\\"')}": [\n`);
    await probot.receive(broken);
    const failed = fake.checks.find((c) => c.name === "Strategy file" && c.headSha === "b".repeat(40))!;
    expect(failed.conclusion).toBe("failure");
    expectInert(failed.output.summary, 0);
    for (const a of (failed.output.annotations ?? []) as { message: string; title?: string }[]) {
      expectOneLine(a.message);
      expectOneLine(a.title ?? "");
    }
  });

  it("the Strategy file check of a push with a hostile strategy", async () => {
    const probot = testProbot();
    const fake = new RepoFake({ strategy: HOSTILE_STRATEGY }).serve();
    const payload = example("push", undefined, (p) => p.ref.startsWith("refs/heads/"));
    payload.ref = `refs/heads/${payload.repository.default_branch}`;
    payload.installation = { id: 1 };
    payload.commits = [{ ...payload.commits[0], added: [], removed: [], modified: ["strategy.yml"] }];
    payload.head_commit = { ...payload.commits[0] };
    await probot.receive({ id: "push-1", name: "push", payload } as any);
    expect(fake.checks).toHaveLength(1);
    expectInert(fake.checks[0]!.output.summary, 0);
  });
});

describe("hostile text in the monthly report", () => {
  beforeEach(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());

  it("pull request titles, labels and authors, and the strategy's own text, are all inert", async () => {
    const text = `${HOSTILE_STRATEGY.replace("settings:\n  check: warn\n", "")}    metrics:\n      - name: '${HOSTILE.replace(/'/g, "''")}'\n        target: 1\n    plan:\n      - title: '${HOSTILE.replace(/'/g, "''")}'\n        issue: 5\n`;
    const parsed = parseStrategy(text, "strategy.yml");
    if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join("\n"));
    const gh = new FakeGitHub({ now: new Date("2026-11-01T09:00:00Z") });
    const repo = gh.addRepository({ owner: "acme", name: "platform" });
    // The plan's issue #5, open; the month's pull requests after it.
    gh.item(repo, 5, { kind: "issue", title: "Plan", createdAt: "2026-09-01T10:00:00Z" });
    for (let i = 0; i < 8; i++) {
      gh.item(repo, 11 + i, {
        title: `${i % 2 ? "outage" : "spend"} ${HOSTILE}`,
        createdAt: `2026-09-2${i + 1}T10:00:00Z`,
        mergedAt: `2026-10-0${i + 1}T10:00:00Z`,
        state: "closed",
        labels: i % 3 ? [HOSTILE] : ["strategy: costs"],
        body: HOSTILE,
        branch: "hotfix/@victim<img>",
        author: "victim",
        comments: Array.from({ length: 10 * i }, (_, c) => ({
          id: 100 * i + c,
          author: "alice",
          body: "",
          createdAt: "2026-10-01T00:00:00Z",
        })),
      });
    }
    gh.intercept();
    const result = await publishReport({
      octokit: testOctokit(),
      owner: repo.owner,
      repo: repo.name,
      month: "2026-10",
      loaded: { strategy: parsed.strategy, commit: "0".repeat(40) },
      botLogin: APP.login,
      post: true,
      now: new Date("2026-11-01T09:00:00Z"),
    });
    expect(result.action).toBe("created");
    const body = repo.discussions[0]!.body;
    expect(body).toContain("throughline:data");
    // The report's own markers (its data comment, and any report marker) are the only HTML comments.
    expectInert(body, 2);
    expect(body.indexOf("<!-- throughline:data")).toBe(body.lastIndexOf("<!-- throughline:data"));
  });
});
