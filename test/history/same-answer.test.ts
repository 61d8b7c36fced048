/**
 * The same answer, live or later: a month of merged pull requests that carry no strategy label is
 * reported as the app would have labelled each of them live. Every level of the decision is covered: a
 * path only in the 140th changed file, a closed issue whose problem differs from the paths', `Serves:
 * none`, a writer's `/strategy`, a reader's `/strategy` (ignored), a label a person removed.
 */
import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { judgeMerged, type WorkItem } from "../../src/classify/index.js";
import { judgeWithHistory, planLabels } from "../../src/handlers/labelling.js";
import { publishReport } from "../../src/handlers/report.js";
import { historyFrom, type ItemHistory, type TimelineNode } from "../../src/github/item-history.js";
import { parseStrategy } from "../../src/strategy/index.js";
import { parseDataComment } from "../../src/tally/index.js";
import { RepoFake } from "../fixtures/github-fake/one-repo.js";
import { assertNoPendingMocks, setupNock, testOctokit } from "../fixtures/probot.js";
import { prng } from "../fixtures/prng.js";
import { STRATEGY } from "../fixtures/strategies.js";
import { pullRequestEvent, testProbot } from "../guarantees/helpers.js";

const parsed = parseStrategy(STRATEGY, "strategy.yml");
if (!parsed.ok) throw new Error("fixture strategy is invalid");
const strategy = parsed.strategy;
const BOT = "throughline[bot]";
const RELIABILITY = "strategy: reliability";

interface Case {
  number: number;
  title: string;
  body?: string;
  files: string[];
  closes?: number;
  /** What people do, in order: comments and label changes. */
  people?: ({ comment: string; by: string } | { remove: string; by: string })[];
}

const many = (n: number, at: number, path: string) =>
  Array.from({ length: n }, (_, i) => (i === at ? path : `docs/page-${i}.md`));

const MONTH: Case[] = [
  { number: 101, title: "Tidy the build", files: many(150, 139, "infra/cluster/main.tf") },
  { number: 102, title: "Move the cluster module", files: ["infra/cluster/module.tf"], closes: 900 },
  { number: 103, title: "Fix the outage banner", body: "Serves: none", files: ["web/banner.tsx"] },
  {
    number: 104,
    title: "Rename a helper",
    files: ["src/helpers.ts"],
    people: [{ comment: "/strategy costs", by: "wendy" }],
  },
  {
    number: 105,
    title: "Rename another helper",
    files: ["src/other.ts"],
    people: [{ comment: "/strategy reliability", by: "rita" }],
  },
  {
    number: 106,
    title: "Retry flaky checkout calls",
    files: ["src/checkout.ts"],
    people: [{ remove: RELIABILITY, by: "alice" }],
  },
  { number: 107, title: "Cut hosting cost of previews", files: ["src/previews.ts"] },
];

function world(): RepoFake {
  const fake = new RepoFake({ strategy: STRATEGY }).serve();
  fake.roles.set("wendy", "write");
  fake.roles.set("rita", "read");
  fake.github.item(fake.repository, 900, { kind: "issue", title: "Hosting bill", labels: ["strategy: costs"] });
  return fake;
}

function mergedAt(c: Case): string {
  return new Date(Date.UTC(2026, 9, 2 + (c.number - 100), 12)).toISOString();
}

/** The pull requests as they stand when merged without the app: no strategy label, people's acts only. */
function history(fake: RepoFake) {
  for (const c of MONTH) {
    const item = fake.github.item(fake.repository, c.number, {
      title: c.title,
      body: c.body ?? "",
      files: c.files,
      closes: c.closes ? [c.closes] : [],
      mergedAt: mergedAt(c),
      state: "closed",
    });
    item.labels = [];
    for (const act of c.people ?? []) {
      if ("comment" in act) fake.github.comment(fake.repository, c.number, act.comment, act.by);
      else {
        // The app had labelled it when it was opened; a person took the label off.
        fake.github.addLabel(fake.repository, c.number, act.remove, BOT);
        fake.github.removeLabel(fake.repository, c.number, act.remove, act.by);
      }
    }
  }
}

/** The same month with the app running: each pull request opened, people act, then it is merged. */
async function live(fake: RepoFake) {
  const probot = testProbot();
  for (const c of MONTH) {
    fake.github.item(fake.repository, c.number, {
      title: c.title,
      body: c.body ?? "",
      files: c.files,
      closes: c.closes ? [c.closes] : [],
      mergedAt: mergedAt(c),
      state: "closed",
    });
    await probot.receive(
      pullRequestEvent("opened", { number: c.number, title: c.title, body: c.body ?? "", labels: [] }),
    );
    for (const act of c.people ?? []) {
      if ("comment" in act) fake.github.comment(fake.repository, c.number, act.comment, act.by);
      else fake.github.removeLabel(fake.repository, c.number, act.remove, act.by);
    }
    await probot.receive(
      pullRequestEvent("closed", {
        number: c.number,
        title: c.title,
        body: c.body ?? "",
        merged: true,
        labels: fake.labelsOf(c.number),
      }),
    );
  }
}

async function report(fake: RepoFake) {
  const result = await publishReport({
    octokit: testOctokit(),
    owner: fake.repository.owner,
    repo: fake.repository.name,
    month: "2026-10",
    loaded: { strategy, commit: null },
    botLogin: BOT,
    post: false,
    now: new Date("2026-11-01T09:00:00Z"),
  });
  return { body: result.body, data: parseDataComment(result.body)! };
}

describe("a month without strategy labels is reported as the app would have labelled it live", () => {
  beforeEach(setupNock);
  afterEach(assertNoPendingMocks);

  it("judges every level on the pull requests' facts, and the live replay gives identical hidden data", async () => {
    const later = world();
    history(later);
    const before = later.github.log.length;
    const judged = await report(later);
    const requests = later.github.log.slice(before);

    expect(judged.data).toMatchObject({
      merged: 7,
      problems: { reliability: { merged: 1 }, costs: { merged: 3 } },
      unaligned: { merged: 3 },
    });
    expect(judged.body).toContain("7 merged pull requests carried no strategy label and were judged now");
    expect(judged.body).toContain("throughline backfill --repo Codertocat/Hello-World --since 2026-10-01 --apply");
    // One facts request for the seven, one more for the 150-file pull request's second page, and one
    // permission lookup per command author (the reader's is asked, and refused).
    expect(requests.filter((r) => r.operation === "PullFacts")).toHaveLength(1);
    expect(requests.filter((r) => r.operation === "PullFilesPages")).toHaveLength(1);
    expect(
      requests
        .filter((r) => /\/collaborators\/.+\/permission$/.test(r.path))
        .map((r) => r.path)
        .sort(),
    ).toEqual([
      "/repos/Codertocat/Hello-World/collaborators/rita/permission",
      "/repos/Codertocat/Hello-World/collaborators/wendy/permission",
    ]);
    expect(later.github.writes()).toEqual([]);

    // A second GitHub, where the app ran all month.
    nock.cleanAll();
    const labelledLive = world();
    await live(labelledLive);
    expect(labelledLive.github.problems).toEqual([]);
    expect(MONTH.map((c) => labelledLive.item(c.number).labels.filter((l) => l.startsWith("strategy:")))).toEqual([
      [RELIABILITY],
      ["strategy: costs"],
      [],
      ["strategy: costs"],
      [],
      [],
      ["strategy: costs"],
    ]);
    const reported = await report(labelledLive);
    // Unaligned ones kept the app's recorded "none"; only the one whose label a person removed (the app's
    // record says it served reliability) is judged again, to the same answer.
    expect(reported.body).toContain("1 merged pull request carried no strategy label and was judged now");
    expect(reported.data).toEqual(judged.data);
  });

  it("keeps the app's own recorded 'none' for a pull request it judged live, though today's rules would say otherwise", async () => {
    const fake = world();
    fake.github.item(fake.repository, 120, {
      title: "Cut hosting cost",
      files: ["src/a.ts"],
      mergedAt: "2026-10-05T12:00:00Z",
      state: "closed",
    });
    fake.github.comment(
      fake.repository,
      120,
      '<!-- throughline:progress -->\nserves no problem\n\n<!-- throughline:served {"problems":[]} -->',
      BOT,
    );
    fake.github.item(fake.repository, 121, {
      title: "Cut hosting cost again",
      files: ["src/b.ts"],
      mergedAt: "2026-10-06T12:00:00Z",
      state: "closed",
    });
    // A person's comment posing as the app's record is not the app's.
    fake.github.comment(
      fake.repository,
      121,
      '<!-- throughline:progress -->\n<!-- throughline:served {"problems":[]} -->',
      "mallory",
    );
    const { data, body } = await report(fake);
    expect(data).toMatchObject({ merged: 2, problems: { costs: { merged: 1 } }, unaligned: { merged: 1 } });
    expect(body).toContain("1 merged pull request carried no strategy label and was judged now");
  });
});

describe("live and later agree on generated pull requests", () => {
  const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

  it("for 300 generated items, the live handler's labels and the report's judgement name the same problems", async () => {
    const r = prng(20261201);
    const titles = ["Fix outage", "Refactor", "Cut spend", "Flaky test", "Docs", "fix(api): retry"];
    const bodies = [
      "",
      "Serves: none",
      "Serves: costs",
      "Serves: nonsense",
      "We cut cost here",
      "<!-- Serves: costs -->",
    ];
    const paths = ["infra/a.tf", "terraform/b.tf", "src/c.ts", "docs/d.md"];
    const logins = ["wendy", "rita", BOT];
    const commands = [
      "/strategy costs",
      "/strategy none",
      "/strategy reliability",
      "/strategy bogus",
      "hello",
      "> /strategy costs",
    ];
    const labels = ["strategy: reliability", "strategy: costs", "bug"];
    const allowed = new Set(["wendy"]);
    for (let n = 1; n <= 300; n++) {
      const files = Array.from({ length: Math.floor(r() * 4) }, () => pick(r, paths));
      const closes = r() < 0.2 ? [{ number: 900 + n, labels: [pick(r, labels)] }] : [];
      const nodes: TimelineNode[] = [];
      for (let k = Math.floor(r() * 4); k > 0; k--) {
        const who = pick(r, logins);
        const actor = who.endsWith("[bot]")
          ? { __typename: "Bot", login: who.slice(0, -5) }
          : { __typename: "User", login: who };
        if (r() < 0.5)
          nodes.push({ __typename: "IssueComment", databaseId: k, author: actor, body: pick(r, commands) });
        else
          nodes.push({
            __typename: r() < 0.5 ? "LabeledEvent" : "UnlabeledEvent",
            actor,
            label: { name: pick(r, labels) },
          });
      }
      const item = {
        kind: "pull_request" as const,
        number: n,
        title: pick(r, titles),
        body: pick(r, bodies),
        labels: r() < 0.3 ? ["bug"] : [],
        author: "alice",
        milestone: null,
        branch: pick(r, ["main-fix", "hotfix/x"]),
        files,
        filesComplete: true,
        closes,
      };
      const known = historyFrom(nodes, BOT);
      const mayCommand = async (login: string) => allowed.has(login);

      // Live: the webhook handler's planning, its labels written.
      const plan = await planLabels({ strategy, item, history: known, mayCommand });
      const after = [...item.labels.filter((l) => !plan.remove.includes(l)), ...plan.add];
      const liveProblems = strategy.problems
        .filter((p) => after.some((l) => l.toLowerCase() === p.label.toLowerCase()))
        .map((p) => p.id);

      // Later: the report's judge on the same facts, with no label written.
      const later = await judgeFacts(item, known, mayCommand);
      expect(later, `item ${n}: ${JSON.stringify({ item, nodes })}`).toEqual(liveProblems);
    }
  });
});

/** The report's path for one pull request whose facts are already read (merged-judge.ts without the read). */
async function judgeFacts(
  item: WorkItem,
  history: ItemHistory,
  mayCommand: (login: string) => Promise<boolean>,
): Promise<string[]> {
  const kept = judgeMerged({ strategy, item, history, mayCommand: () => false });
  if (!kept.judgedNow) return kept.served;
  return (await judgeWithHistory(strategy, item, history, mayCommand)).served;
}
