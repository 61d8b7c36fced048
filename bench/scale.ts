/**
 * Monthly reports at scale, against their request budgets, with the memory each takes: the fake GitHub
 * holds the month and answers over loopback from this process; the report runs in a child process of its
 * own (scale-child.ts), so its heap and RSS are the report's alone, whatever the size of the month.
 *
 * - Repository report (spec §3): N merged pull requests, U of them without a strategy label (judged now on
 *   their facts, read 50 a request), B with more than 100 changed files.
 *   Budget: ⌈N/100⌉ + ⌈U/50⌉ + 15, plus B.
 * - Organisation report (spec §10): N merged pull requests over R repositories (`.github` holds the
 *   strategy, the others inherit it, one in ten extends it). Budget: ⌈N/100⌉ + ⌈R/100⌉ + 20 when every pull
 *   request carries a strategy label; pull requests without one add their facts' requests, ⌈U/50⌉ (and B).
 */
import { FakeGitHub, type Item, type Repository } from "../test/fixtures/github-fake/index.js";
import { EXTENDING, ORG_STRATEGY } from "../test/fixtures/organisation.js";
import { type Measured, runChild } from "./child.js";

export type Scope = "repository" | "organisation";

export interface ScaleSpec {
  scope: Scope;
  /** Merged pull requests in the month. */
  n: number;
  /** Repositories (1 for a repository report). */
  repositories: number;
  /** Which pull requests carry no strategy label: all of them, one in five, or none. */
  unlabelled: "all" | "fifth" | "none";
}

export interface ScaleRun extends ScaleSpec, Omit<ChildRun, "merged"> {
  /** Pull requests without a strategy label, and those with more than 100 changed files. */
  u: number;
  big: number;
  requests: number;
  operations: Record<string, number>;
  budget: number;
  /** The budget as a formula. */
  formula: string;
  withinBudget: boolean;
}

/** What the report's process sends back: its time and memory (child.ts), and the live heap's peak. */
interface ChildRun extends Measured {
  merged: number | null;
  /** After a collection every 10 requests: what the report holds. */
  liveHeapPeakMB: number;
}

const OCTOBER = Date.parse("2026-10-01T00:00:00Z");
const MONTH_MS = 31 * 86_400_000;
const REPORTING = new Date("2026-11-01T09:00:00Z");
/** Changed files of the pull requests with more than 100 (one in 500). */
const MANY_FILES = 140;

const mergedAt = (i: number, n: number) => new Date(OCTOBER + Math.floor((i * MONTH_MS) / n)).toISOString();

export function budgetOf(spec: ScaleSpec, u: number, big: number): { budget: number; formula: string } {
  const { n, repositories: r } = spec;
  const facts = Math.ceil(u / 50) + big;
  if (spec.scope === "repository")
    return { budget: Math.ceil(n / 100) + facts + 15, formula: u === 0 ? "⌈N/100⌉+15" : "⌈N/100⌉+⌈U/50⌉+15+B" };
  const base = Math.ceil(n / 100) + Math.ceil(r / 100) + 20;
  return u === 0
    ? { budget: base, formula: "⌈N/100⌉+⌈R/100⌉+20" }
    : { budget: base + facts, formula: "⌈N/100⌉+⌈R/100⌉+20, +⌈U/50⌉+B" };
}

/**
 * One repository's month: every pull request judged on what it would have been live: a keyword in the
 * title, `Serves:` in the body, an issue it closes, a label a rule names, or nothing (unaligned); one in
 * 500 changed 140 files (read past the first 100).
 */
function repositoryWorld(gh: FakeGitHub, spec: ScaleSpec): { u: number; big: number } {
  const repo = gh.addRepository({ owner: "acme", name: "platform" });
  const { n } = spec;
  const issue = n + 1;
  gh.item(repo, issue, { kind: "issue", title: "Cut the bill", labels: ["strategy: costs"], state: "closed" });
  let u = 0;
  let big = 0;
  for (let i = 0; i < n; i++) {
    const labelled = spec.unlabelled === "none" || (spec.unlabelled === "fifth" && i % 5 !== 4);
    const many = i % 500 === 499;
    if (!labelled) u += 1;
    if (many && !labelled) big += 1;
    const at = mergedAt(i, n);
    gh.item(repo, i + 1, {
      title: i % 10 === 3 ? `Fix outage in checkout ${i}` : `Change ${i}`,
      body: `${i % 10 === 5 ? "Serves: costs\n\n" : ""}Part of the quarter's work.`,
      labels: labelled ? [i % 2 === 0 ? "strategy: reliability" : "strategy: costs"] : i % 10 === 9 ? ["bug"] : [],
      closes: i % 10 === 7 ? [issue] : [],
      files: many ? Array.from({ length: MANY_FILES }, (_, f) => `src/module-${f}.ts`) : [`src/file-${i % 50}.ts`],
      comments: Array.from({ length: i % 3 }, (_, c) => ({
        id: i * 10 + c,
        author: "alice",
        body: "Looks good",
        createdAt: at,
      })),
      createdAt: new Date(OCTOBER - 86_400_000 + i).toISOString(),
      mergedAt: at,
      closedAt: at,
      state: "closed",
    });
  }
  return { u, big };
}

/** An organisation's month: `.github` with the strategy, R − 1 repositories inheriting it (one in ten extends it). */
function organisationWorld(gh: FakeGitHub, spec: ScaleSpec): { u: number; big: number } {
  const { n, repositories: r } = spec;
  const repos: Repository[] = [
    gh.addRepository({ owner: "acme", name: ".github", files: { "strategy.yml": ORG_STRATEGY } }),
    ...Array.from({ length: r - 1 }, (_, i) =>
      gh.addRepository({
        owner: "acme",
        name: `service-${String(i).padStart(4, "0")}`,
        files: i % 10 === 0 ? { ".github/strategy.yml": EXTENDING } : {},
      }),
    ),
  ];
  const served = [["strategy: reliability"], ["strategy: costs"], ["strategy: reliability", "strategy: costs"]];
  let u = 0;
  for (let i = 0; i < n; i++) {
    const labelled = spec.unlabelled === "none" || (spec.unlabelled === "fifth" && i % 5 !== 4);
    if (!labelled) u += 1;
    const at = mergedAt(i, n);
    const over: Partial<Item> = {
      title: i % 10 === 4 ? `Fix outage ${i}` : `Change ${i}`,
      labels: labelled ? served[i % 3]! : [],
      createdAt: at,
      mergedAt: at,
      closedAt: at,
      state: "closed",
    };
    gh.item(repos[i % r]!, 1 + Math.floor(i / r), over);
  }
  return { u, big: 0 };
}

export async function measureScale(spec: ScaleSpec): Promise<ScaleRun> {
  const gh = new FakeGitHub({ now: REPORTING, searchIndex: true });
  const { u, big } = spec.scope === "repository" ? repositoryWorld(gh, spec) : organisationWorld(gh, spec);
  const served = await gh.serve();
  let run: ChildRun;
  try {
    run = await runChild<ChildRun>("./scale-child.ts", [served.url, spec.scope, gh.appLogin]);
  } finally {
    await served.close();
  }
  const what = `the ${spec.scope} report of ${spec.n} pull requests`;
  if (run.merged !== spec.n) throw new Error(`${what} counted ${run.merged}`);
  if (gh.problems.length > 0) throw new Error(`${what} asked what the fake does not model: ${gh.problems.join("; ")}`);
  const operations: Record<string, number> = {};
  for (const r of gh.log) {
    const key = r.operation ?? `${r.method} ${r.path.replace(/^\/repos\/[^/]+\/[^/]+/, "")}`;
    operations[key] = (operations[key] ?? 0) + 1;
  }
  const { budget, formula } = budgetOf(spec, u, big);
  const { merged: _merged, ...memory } = run;
  return {
    ...spec,
    u,
    big,
    requests: gh.log.length,
    operations,
    budget,
    formula,
    withinBudget: gh.log.length <= budget,
    ...memory,
  };
}

/** What the organisation report's budget does not cover, said plainly. */
export const ORGANISATION_BUDGET =
  "The organisation budget ⌈N/100⌉ + ⌈R/100⌉ + 20 holds for a month whose pull requests all carry a strategy label. " +
  "Pull requests without one are judged on their facts (changed files, closing issues, timeline), read 50 a request, " +
  "as in a repository report: they add ⌈U/50⌉ requests, plus one per pull request with more than 100 changed files.";

const fmt = (x: number, digits = 0) =>
  x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Operations by count, most first: `MergedPulls 101, PullFacts 40, ...`. */
export const operationsText = (ops: Record<string, number>) =>
  Object.entries(ops)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([op, count]) => `${op} ${count}`)
    .join(", ");

export function scaleMarkdown(runs: ScaleRun[]): string {
  const head =
    "| Report | Merged PRs (N) | Repositories (R) | Without label (U) | >100 files (B) | Requests | Budget | Within | Live heap MB | Heap peak MB | Max RSS MB |";
  const rows = runs.map((s) =>
    [
      "",
      s.scope,
      fmt(s.n),
      fmt(s.repositories),
      fmt(s.u),
      fmt(s.big),
      s.requests,
      `≤ ${s.budget} (${s.formula})`,
      s.withinBudget ? "yes" : "**NO**",
      fmt(s.liveHeapPeakMB - s.heapBaseMB, 1),
      fmt(s.heapPeakMB - s.heapBaseMB, 1),
      fmt(s.maxRssMB),
      "",
    ]
      .join(" | ")
      .trim(),
  );
  const flat = (["repository", "organisation"] as const).flatMap((scope) => {
    const series = runs
      .filter((s) => s.scope === scope && s.u > 0)
      .sort((a, b) => a.n - b.n)
      .map((s) => `${fmt(s.liveHeapPeakMB - s.heapBaseMB, 1)} MB at ${fmt(s.n)}`);
    return series.length > 1 ? [`- ${scope} report: ${series.join(", ")}`] : [];
  });
  const ops = runs.map(
    (s) => `- ${s.scope}, ${fmt(s.n)} over ${fmt(s.repositories)}, U = ${fmt(s.u)}: ${operationsText(s.operations)}`,
  );
  return [
    head,
    `|${head
      .split("|")
      .slice(1, -1)
      .map(() => "---")
      .join("|")}|`,
    ...rows,
    "",
    ORGANISATION_BUDGET,
    ...(flat.length > 0 ? ["", "Live heap (held by the report, above its start) as the month grows:", ...flat] : []),
    "",
    "Requests by operation:",
    ...ops,
  ].join("\n");
}
