/**
 * Large items: pull requests with thousands of files or hundreds of commits, issues at GitHub's limit of
 * 100 labels, bodies of 65,536 characters, pushes of hundreds of commits. Handled within bounded work,
 * and where the app saw only part, it says so.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { example } from "../fixtures/payloads.js";
import { assertNoPendingMocks, setupNock } from "../fixtures/probot.js";
import { STRATEGY } from "../fixtures/strategies.js";
import { RepoFake } from "../fixtures/github-fake/one-repo.js";
import { issueEvent, liveProbot, pullRequestEvent, testProbot, type LogLine } from "./helpers.js";

const RELIABILITY = "strategy: reliability";
const operations = (fake: RepoFake) =>
  fake.requests.filter((r) => r.path === "/graphql").map((r) => /query (\w+)/.exec(r.body.query)?.[1]);
const docs = (n: number) => Array.from({ length: n }, (_, i) => `docs/page-${i}.md`);

function pullRequestFake(files: string[]) {
  const fake = new RepoFake({ strategy: STRATEGY }).serve();
  fake.repoLabels.add(RELIABILITY);
  fake.item(2).files = files;
  return fake;
}

describe("pull requests with thousands of files", () => {
  beforeEach(setupNock);
  afterEach(assertNoPendingMocks);

  it("3,500 files: 3,000 read in 30 pages, paths judged on those, and the comment says so", async () => {
    const probot = testProbot();
    const files = docs(3500);
    files[3200] = "infra/main.tf"; // beyond what GitHub lists: not seen
    const fake = pullRequestFake(files);
    await probot.receive(pullRequestEvent("opened", { title: "Docs", body: "" }));
    expect(operations(fake).filter((o) => o === "PullRequestFiles")).toHaveLength(29);
    expect(fake.item(2).labels).toEqual([]);
    const [comment] = fake.commentsOn(2);
    expect(comment!.body).toContain("Paths judged on the first 3,000 changed files");
  });

  it("a matching path among the first 3,000 counts", async () => {
    const probot = testProbot();
    const files = docs(3500);
    files[2999] = "infra/main.tf";
    const fake = pullRequestFake(files);
    await probot.receive(pullRequestEvent("opened", { title: "Docs", body: "" }));
    expect(fake.item(2).labels).toEqual([RELIABILITY]);
  });

  it("300 commits cost no more requests than one (commits are never read one by one)", async () => {
    const count = async (commits: number) => {
      const probot = testProbot();
      const fake = pullRequestFake(["infra/main.tf"]);
      await probot.receive(pullRequestEvent("synchronize", { commits, labels: [{ name: RELIABILITY }] }));
      return fake.requests.map((r) => `${r.method} ${r.path}`);
    };
    const one = await count(1);
    assertNoPendingMocks();
    expect(await count(300)).toEqual(one);
  });
});

describe("pushes with hundreds of commits", () => {
  beforeEach(setupNock);
  afterEach(assertNoPendingMocks);

  it("a push of 250 commits that changes the strategy in the 180th gets its Strategy file check", async () => {
    const probot = testProbot();
    const fake = new RepoFake({ strategy: STRATEGY }).serve();
    const payload = example("push", undefined, (p) => p.ref.startsWith("refs/heads/"));
    payload.ref = `refs/heads/${payload.repository.default_branch}`;
    payload.installation = { id: 1 };
    const commit = payload.commits[0];
    payload.commits = Array.from({ length: 250 }, (_, i) => ({
      ...commit,
      id: `${i}`,
      added: [],
      removed: [],
      modified: i === 180 ? ["strategy.yml"] : [`src/${i}.ts`],
    }));
    payload.head_commit = { ...payload.commits[249] };
    await probot.receive({ id: "push-250", name: "push", payload } as any);
    expect(fake.checks.map((c) => [c.name, c.conclusion])).toEqual([["Strategy file", "success"]]);
  });
});

describe("issues at GitHub's limits", () => {
  beforeEach(setupNock);
  afterEach(assertNoPendingMocks);

  const hundred = () => Array.from({ length: 99 }, (_, i) => `area-${i}`);

  it("100 labels including its own: nothing to do, no request beyond the strategy file", async () => {
    const probot = testProbot();
    const fake = new RepoFake({ strategy: STRATEGY }).serve();
    for (const l of [...hundred(), RELIABILITY]) fake.addLabel(1, l);
    await probot.receive(issueEvent("edited", { labels: fake.labelsOf(1) }));
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /repos/Codertocat/Hello-World/contents/strategy.yml",
    ]);
  });

  it("100 labels already, and it serves a problem: GitHub refuses the 101st, the failure is logged, and no label is dropped to make room", async () => {
    const log: LogLine[] = [];
    const probot = liveProbot({ log });
    const fake = new RepoFake({ strategy: STRATEGY }).serve();
    fake.repoLabels.add(RELIABILITY);
    for (const l of [...hundred(), "bug"]) fake.addLabel(1, l);
    await expect(probot.receive(issueEvent("opened", { labels: fake.labelsOf(1) }))).rejects.toThrow(
      /Validation Failed/,
    );
    expect(fake.item(1).labels).toHaveLength(100);
    expect(fake.item(1).labels).toContain("bug");
    expect(fake.requests.some((r) => r.method === "DELETE" || r.method === "PUT")).toBe(false);
    expect(log.some((l) => l.level === "error" && /Validation Failed/.test(l.text))).toBe(true);
  });

  it("a 65,536-character body: its last line still counts", async () => {
    const probot = testProbot();
    const fake = new RepoFake({ strategy: STRATEGY }).serve();
    fake.repoLabels.add("strategy: costs");
    const body =
      `${"Lorem ipsum dolor sit amet. ".repeat(2340)}`.slice(0, 65_536 - 15).padEnd(65_536 - 15, ".") +
      "\nServes: costs";
    expect(body).toHaveLength(65_536 - 1);
    await probot.receive(issueEvent("opened", { title: "Checkout outage", body }));
    expect(fake.item(1).labels).toEqual(["strategy: costs"]);
  });

  it("a 65,536-character pull request body: the comment stays within GitHub's limit", async () => {
    const probot = testProbot();
    const fake = pullRequestFake(Array.from({ length: 3000 }, (_, i) => `infra/${"deep/".repeat(40)}${i}.tf`));
    await probot.receive(pullRequestEvent("opened", { title: "x".repeat(65_536), body: "outage ".repeat(9362) }));
    const [comment] = fake.commentsOn(2);
    expect(comment!.body.length).toBeLessThanOrEqual(65_536);
    expect(fake.checks[0]!.output.summary.length).toBeLessThanOrEqual(65_535);
  });
});

describe("long histories", () => {
  beforeEach(setupNock);
  afterEach(assertNoPendingMocks);

  // Label events are read in a window of their own (the last 100), apart from comments, so a long thread
  // does not hide who removed a label.
  it("a label a person removed before 150 comments is still not re-added", async () => {
    const probot = testProbot();
    const fake = new RepoFake({ strategy: STRATEGY }).serve();
    fake.repoLabels.add(RELIABILITY);
    await probot.receive(issueEvent("opened"));
    fake.removeLabel(1, RELIABILITY);
    for (let i = 0; i < 150; i++) fake.comment(1, `comment ${i}`);
    await probot.receive(issueEvent("edited", { labels: [], body: "Another outage." }));
    expect(fake.item(1).labels).toEqual([]);
  });
});
