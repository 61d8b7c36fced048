/**
 * What a strategy change would do (docs/contract.md §6): a pull request that changes the valid strategy
 * file into another valid one gets, on its `Strategy file` check, last month judged under both files,
 * through `probot.receive` on the shared fake GitHub (which answers GraphQL against GitHub's schema and
 * notes any request it does not model).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeGitHub } from "../fixtures/github-fake/index.js";
import { RepoFake } from "../fixtures/github-fake/one-repo.js";
import { assertNoPendingMocks, setupNock, testProbot } from "../fixtures/probot.js";
import { pullRequestEvent } from "../fixtures/pull-requests.js";

const IN_FORCE = `version: 1
problems:
  - id: reliability
    title: Reliability
    match: { keywords: [outage], paths: ["infra/**"] }
  - id: costs
    title: Hosting costs
    match: { paths: ["terraform/**"] }
`;

/** A rule added: "flaky" now serves reliability. */
const FLAKY_ADDED = IN_FORCE.replace("keywords: [outage]", "keywords: [outage, flaky]");
/** A rule removed: "outage" no longer does. */
const OUTAGE_REMOVED = IN_FORCE.replace("keywords: [outage]", "keywords: [incident]");
/** Costs removed, security added. */
const COSTS_TO_SECURITY = `version: 1
problems:
  - id: reliability
    title: Reliability
    match: { keywords: [outage], paths: ["infra/**"] }
  - id: security
    title: Security
    match: { paths: ["terraform/**", "auth/**"] }
`;

const BASE = "master";
const OCTOBER = (day: number) => `2026-10-${String(day).padStart(2, "0")}T12:00:00Z`;

interface Merged {
  title?: string;
  body?: string;
  files?: string[];
  author?: string;
}

/** A repository whose strategy is `IN_FORCE`, with these pull requests merged in October 2026 (numbers from 100). */
function repository(pulls: Merged[]): RepoFake {
  const fake = new RepoFake({ strategy: IN_FORCE }).serve();
  fake.repository.defaultBranch = BASE;
  pulls.forEach((p, i) => {
    fake.github.item(fake.repository, 100 + i, {
      title: p.title ?? `Tidy module ${i}`,
      body: p.body ?? "",
      author: p.author ?? "alice",
      state: "closed",
      mergedAt: OCTOBER(1 + (i % 28)),
      closedAt: OCTOBER(1 + (i % 28)),
      base: BASE,
      files: p.files ?? [`src/module-${i}.ts`],
    });
  });
  return fake;
}

/** A `synchronize` of pull request #2 whose head changes strategy.yml into `text`. */
function changing(fake: RepoFake, text: string, sha = "a".repeat(40)) {
  const event = pullRequestEvent("synchronize", { title: "Strategy: update the rules", body: "" });
  event.payload.pull_request.head.sha = sha;
  event.payload.repository.default_branch = BASE;
  fake.item(2).files = ["strategy.yml"];
  fake.item(2).headSha = sha;
  fake.strategyAt.set(sha, text);
  return event;
}

const fileCheck = (fake: RepoFake, sha = "a".repeat(40)) => {
  const runs = fake.checks.filter((c) => c.name === "Strategy file" && c.headSha === sha);
  expect(runs).toHaveLength(1);
  return runs[0]!;
};
const firstLine = (summary: string) => summary.split("\n")[0];
const previewRequests = (fake: RepoFake) =>
  fake.github.log.filter((r) => r.operation === "PreviewPulls" || r.operation === "PullFilesPages").length;
/** Requests other than token exchanges and GET /app. */
const requests = (fake: RepoFake) =>
  fake.github.log.filter((r) => r.path !== "/app" && !r.path.endsWith("/access_tokens")).length;

/** 10 pull requests: 2 outages, 1 on terraform, 3 flaky (unaligned now), 1 flaky a person labelled costs, 3 others. */
function tenPulls(fake?: (f: RepoFake) => void): RepoFake {
  const f = repository([
    { title: "Handle the outage of the mirror" },
    { title: "Outage: retry index reads" },
    { title: "Smaller instances", files: ["terraform/main.tf"] },
    { title: "Fix flaky resolver test" },
    { title: "Fix flaky lock test" },
    { title: "Fix flaky cache test" },
    { title: "Fix flaky download test" },
    { title: "Docs: typo" },
    { title: "Refactor the CLI" },
    { title: "Bump version" },
  ]);
  // #106 is flaky too, but a person said it serves costs: an explicit choice, kept under both files.
  f.addLabel(106, "strategy: costs", "carol");
  fake?.(f);
  return f;
}

describe("a strategy change shows what it would do before it merges", () => {
  beforeEach(setupNock);
  afterEach(assertNoPendingMocks);

  it("a rule added: work moves from unaligned to the problem, the first line says it, an explicit label is kept", async () => {
    const fake = tenPulls();
    const probot = testProbot();
    await probot.receive(changing(fake, FLAKY_ADDED));
    const check = fileCheck(fake);
    expect(check.conclusion).toBe("success");
    expect(firstLine(check.output.summary)).toBe(
      "Last month under this change: Reliability 20% → 50%, unaligned 60% → 30% (3 pull requests change).",
    );
    expect(check.output.title).toBe("2 problems; last month 3 pull requests change");
    const summary = check.output.summary;
    expect(summary).toContain("| Reliability | 2 | 5 | 20% | 50% | ↑ 30 pts |");
    expect(summary).toContain("| Hosting costs | 2 | 2 | 20% | 20% | → 0 pts |");
    expect(summary).toContain("| Unaligned | 6 | 3 | 60% | 30% | ↓ 30 pts |");
    expect(summary).toContain("Fix flaky resolver test: unaligned → Reliability");
    // The person's label stays: #106 is not among the changes.
    expect(summary).not.toContain("#106");
    // The usual summary of the file follows.
    expect(summary).toContain("is valid and defines 2 problems");
    expect(fake.github.problems).toEqual([]);
  });

  it("nothing is written but the check: no label, no comment on any merged pull request", async () => {
    const fake = tenPulls();
    const before = [...fake.repository.items.values()]
      .filter((i) => i.number >= 100)
      .map((i) => ({ n: i.number, labels: [...i.labels], comments: i.comments.length }));
    await testProbot().receive(changing(fake, FLAKY_ADDED));
    const after = [...fake.repository.items.values()]
      .filter((i) => i.number >= 100)
      .map((i) => ({ n: i.number, labels: [...i.labels], comments: i.comments.length }));
    expect(after).toEqual(before);
    // Every write is the pull request's own (its label, comment, alignment check) or a check run.
    const writes = fake.writes().map((w) => `${w.method} ${w.path}`);
    expect(writes.filter((w) => !/\/issues\/2\/|\/issues\/2$|\/check-runs/.test(w))).toEqual([]);
    expect(writes.filter((w) => /\/issues\/1\d\d/.test(w))).toEqual([]);
  });

  it("a rule removed: what the app labelled by it is decided again; a person's label stays", async () => {
    const fake = tenPulls((f) => {
      // The app labelled both outages live; a person labelled a third outage pull request.
      f.addLabel(100, "strategy: reliability", f.login);
      f.addLabel(101, "strategy: reliability", f.login);
      f.github.item(f.repository, 110, {
        title: "Outage postmortem fixes",
        state: "closed",
        mergedAt: OCTOBER(20),
        base: BASE,
        files: ["src/x.ts"],
      });
      f.addLabel(110, "strategy: reliability", "dave");
    });
    await testProbot().receive(changing(fake, OUTAGE_REMOVED));
    const summary = fileCheck(fake).output.summary;
    expect(firstLine(summary)).toBe(
      "Last month under this change: Reliability 27.3% → 9.1%, unaligned 54.5% → 72.7% (2 pull requests change).",
    );
    expect(summary).toContain("Handle the outage of the mirror: Reliability → unaligned");
    expect(summary).toContain("Outage: retry index reads: Reliability → unaligned");
    expect(summary).not.toContain("#110");
    // Nothing was relabelled.
    expect(fake.item(100).labels).toEqual(["strategy: reliability"]);
  });

  it("a problem removed and one added: the removed problem's work shows where it goes", async () => {
    const fake = tenPulls((f) => {
      f.github.item(f.repository, 110, {
        title: "Rotate tokens",
        state: "closed",
        mergedAt: OCTOBER(21),
        base: BASE,
        files: ["auth/tokens.ts"],
      });
    });
    await testProbot().receive(changing(fake, COSTS_TO_SECURITY));
    const summary = fileCheck(fake).output.summary;
    // Costs: #102 (terraform) and #106 (a person's costs label, no longer a strategy label: judged by the rules).
    expect(firstLine(summary)).toBe(
      "Last month under this change: Security 0% → 18.2% (new), Hosting costs 18.2% → 0% (removed) (3 pull requests change).",
    );
    expect(summary).toContain("| Security (new) | — | 2 | — | 18.2% | ↑ 18.2 pts |");
    expect(summary).toContain("| Hosting costs (removed) | 2 | — | 18.2% | — | ↓ 18.2 pts |");
    expect(summary).toContain(
      "**Hosting costs** is removed: its 2 pull requests go to Security (1) and unaligned (1).",
    );
    expect(summary).toContain("Rotate tokens: unaligned → Security");
    expect(summary).toContain("Fix flaky download test: Hosting costs → unaligned");
  });

  it("a renamed label: a person's choice carries over, and the check says to rename it on GitHub", async () => {
    const fake = tenPulls();
    const renamed = FLAKY_ADDED.replace("title: Hosting costs", 'title: Hosting costs\n    label: "area: costs"');
    await testProbot().receive(changing(fake, renamed));
    const summary = fileCheck(fake).output.summary;
    expect(firstLine(summary)).toBe(
      "Last month under this change: Reliability 20% → 50%, unaligned 60% → 30% (3 pull requests change).",
    );
    expect(summary).toContain("The label `strategy: costs` becomes `area: costs`");
    expect(summary).not.toContain("#106");
  });

  it("linked issues: decided again from the issue's labels under each file, a renamed label followed", async () => {
    const withLinked = (f: RepoFake) => {
      f.github.item(f.repository, 50, { kind: "issue", title: "Bills are high", state: "closed" });
      f.addLabel(50, "strategy: costs", "carol");
      f.github.item(f.repository, 110, {
        title: "Reuse connections",
        state: "closed",
        mergedAt: OCTOBER(22),
        base: BASE,
        files: ["src/pool.ts"],
        closes: [50],
      });
    };
    // The costs label renamed: the pull request still serves costs through its issue.
    const renamed = tenPulls(withLinked);
    await testProbot().receive(
      changing(renamed, IN_FORCE.replace("title: Hosting costs", 'title: Hosting costs\n    label: "area: costs"')),
    );
    const summary = fileCheck(renamed).output.summary;
    expect(summary).not.toContain("Reuse connections");
    expect(summary).toContain("| Hosting costs | 3 | 3 | 27.3% | 27.3% | → 0 pts |");
  });

  it("linked issues: a removed problem's issue no longer decides, the rules do", async () => {
    const fake = tenPulls((f) => {
      f.github.item(f.repository, 50, { kind: "issue", title: "Bills are high", state: "closed" });
      f.addLabel(50, "strategy: costs", "carol");
      f.github.item(f.repository, 110, {
        title: "Reuse connections",
        state: "closed",
        mergedAt: OCTOBER(22),
        base: BASE,
        files: ["auth/pool.ts"],
        closes: [50],
      });
    });
    await testProbot().receive(changing(fake, COSTS_TO_SECURITY));
    expect(fileCheck(fake).output.summary).toContain("Reuse connections: Hosting costs → Security");
  });

  it("caps the list at 20, counts the rest, and stays within ⌈N/50⌉ + 10 requests (one more for a pull request past 100 files)", async () => {
    const pulls: Merged[] = [];
    for (let i = 0; i < 60; i++) pulls.push(i < 23 ? { title: `Fix flaky test ${i}` } : { title: `Tidy ${i}` });
    // One pull request with 130 changed files, the last on infra/: judged on all its paths.
    pulls.push({
      title: "Move everything",
      files: [...Array.from({ length: 129 }, (_, i) => `src/f${i}.ts`), "infra/x.tf"],
    });
    const fake = repository(pulls);
    await testProbot().receive(changing(fake, FLAKY_ADDED));
    const summary = fileCheck(fake).output.summary;
    expect(firstLine(summary)).toBe(
      "Last month under this change: Reliability 1.6% → 39.3%, unaligned 98.4% → 60.7% (23 pull requests change).",
    );
    expect(summary).toContain("Pull requests whose problems change (the first 20 of 23, in merge order):");
    expect(summary).toContain("- …and 3 more pull requests.");
    expect(summary.match(/: unaligned → Reliability$/gm)).toHaveLength(20);
    const n = 61;
    expect(previewRequests(fake)).toBe(Math.ceil(n / 50) + 1);
    expect(fake.github.log.filter((r) => r.operation === "PullFilesPages")).toHaveLength(1);
    // The whole event, its own labelling, comment and checks included.
    expect(requests(fake)).toBeLessThanOrEqual(Math.ceil(n / 50) + 10 + 1);
    expect(fake.github.problems).toEqual([]);
  });

  it("is made once per head commit: a redelivery or another event for the same head reads and writes nothing for it; a new push makes a new one", async () => {
    const fake = tenPulls();
    const probot = testProbot();
    const event = changing(fake, FLAKY_ADDED);
    await probot.receive(event);
    expect(previewRequests(fake)).toBe(1);
    const written = fileCheck(fake).output.summary;
    const checkWrites = () => fake.writes().filter((w) => w.path.includes("/check-runs")).length;
    const writesBefore = checkWrites();
    const readsBefore = fake.requests.filter((r) => r.path.endsWith("/contents/strategy.yml")).length;

    await probot.receive(event); // the same delivery again
    await probot.receive({ ...changing(fake, FLAKY_ADDED), id: "another-delivery" }); // another event, same head
    const labeled = changing(fake, FLAKY_ADDED);
    labeled.payload.action = "labeled";
    labeled.payload.label = { name: "docs" };
    await probot.receive(labeled);
    expect(previewRequests(fake)).toBe(1);
    expect(checkWrites()).toBe(writesBefore);
    // The head's version is not even read again.
    expect(fake.requests.filter((r) => r.path.endsWith("/contents/strategy.yml")).length).toBe(readsBefore + 2);
    expect(fileCheck(fake).output.summary).toBe(written);

    const sha = "b".repeat(40);
    await probot.receive(changing(fake, OUTAGE_REMOVED, sha));
    expect(previewRequests(fake)).toBe(2);
    expect(firstLine(fileCheck(fake, sha).output.summary)).toMatch(
      /^Last month under this change: Reliability 20% → 0%/,
    );
  });

  it("once merged (the file in force is now the pull request's), the preview on its head is left as it was", async () => {
    const fake = tenPulls();
    const probot = testProbot();
    await probot.receive(changing(fake, FLAKY_ADDED));
    const written = fileCheck(fake).output.summary;
    fake.strategy = FLAKY_ADDED;
    const closed = changing(fake, FLAKY_ADDED);
    closed.payload.action = "closed";
    closed.payload.pull_request.merged = true;
    await probot.receive(closed);
    expect(fileCheck(fake).output.summary).toBe(written);
    expect(previewRequests(fake)).toBe(1);
  });

  it("an invalid new file gets the failure check as today, and no preview", async () => {
    const fake = tenPulls();
    await testProbot().receive(changing(fake, "version: 1\nproblems:\n  - id: Bad Id\n    title: x\n"));
    const check = fileCheck(fake);
    expect(check.conclusion).toBe("failure");
    expect(check.output.summary).not.toContain("Last month under this change");
    expect(previewRequests(fake)).toBe(0);
  });

  it("a proposed file that is a draft or retired says, after the first line, that once merged it labels nothing", async () => {
    const fake = tenPulls();
    await testProbot().receive(changing(fake, `${FLAKY_ADDED}status: retired\n`));
    const lines = fileCheck(fake).output.summary.split("\n\n");
    expect(lines[0]).toBe(
      "Last month under this change: Reliability 20% → 50%, unaligned 60% → 30% (3 pull requests change).",
    );
    expect(lines[1]).toBe(
      "Once merged, this file labels nothing and posts no report: the strategy is retired (`status: retired`). The figures show what its rules would decide once it is in force.",
    );
  });

  it("a pull request with more than 100 comments has its earlier comments read once for both files, and counted", async () => {
    const fake = tenPulls((f) => {
      for (let i = 0; i < 150; i++) f.comment(100, `Looking into it (${i})`, "erin");
    });
    await testProbot().receive(changing(fake, FLAKY_ADDED));
    expect(firstLine(fileCheck(fake).output.summary)).toBe(
      "Last month under this change: Reliability 20% → 50%, unaligned 60% → 30% (3 pull requests change).",
    );
    // #100 is unlabelled: under either file its labels would change, so older comments are looked through for a command.
    expect(fake.github.log.filter((r) => r.operation === "EarlierComments")).toHaveLength(1);
  });

  it("an unchanged month says so", async () => {
    const fake = tenPulls();
    // Only the title of a problem changes: the same pull requests serve the same problems.
    await testProbot().receive(changing(fake, IN_FORCE.replace("title: Reliability", "title: Reliability first")));
    expect(firstLine(fileCheck(fake).output.summary)).toBe(
      "Last month under this change: no change, the 10 merged pull requests of October 2026 serve the same problems.",
    );
  });

  it("an empty month says there is nothing to compare", async () => {
    const empty = repository([]);
    await testProbot().receive(changing(empty, FLAKY_ADDED, "c".repeat(40)));
    expect(firstLine(fileCheck(empty, "c".repeat(40)).output.summary)).toBe(
      "Last month under this change: nothing to compare, no pull request was merged in October 2026.",
    );
  });

  it("a first strategy file (nothing in force) is validated with no preview", async () => {
    const fake = tenPulls();
    fake.strategy = null;
    await testProbot().receive(changing(fake, FLAKY_ADDED));
    expect(fileCheck(fake).conclusion).toBe("success");
    expect(fileCheck(fake).output.summary).not.toContain("Last month under this change");
    expect(previewRequests(fake)).toBe(0);
  });

  it("past 1,000 pull requests a month (search cut into windows), within ⌈N/50⌉ + 10 requests", async () => {
    const n = 1_500;
    const github = new FakeGitHub({ autoCreateItems: true, searchIndex: true });
    const fake = new RepoFake({ strategy: IN_FORCE, github }).serve();
    fake.repository.defaultBranch = BASE;
    const start = Date.parse("2026-10-01T00:00:00Z");
    for (let i = 0; i < n; i++) {
      const at = new Date(start + Math.floor((i * 30 * 86_400_000) / n)).toISOString();
      github.item(fake.repository, 100 + i, {
        title: i % 3 === 0 ? `Fix flaky test ${i}` : `Tidy ${i}`,
        state: "closed",
        mergedAt: at,
        closedAt: at,
        base: BASE,
        files: [`src/m${i}.ts`],
      });
    }
    await testProbot().receive(changing(fake, FLAKY_ADDED));
    const summary = fileCheck(fake).output.summary;
    expect(firstLine(summary)).toBe(
      "Last month under this change: Reliability 0% → 33.3%, unaligned 100% → 66.7% (500 pull requests change).",
    );
    expect(summary).toContain("- …and 480 more pull requests.");
    expect(requests(fake)).toBeLessThanOrEqual(Math.ceil(n / 50) + 10);
    expect(fake.github.problems).toEqual([]);
  });
});
