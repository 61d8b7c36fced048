/**
 * The organisation report over N merged pull requests across R repositories, in a process of its own:
 * `.github` holds the strategy, every other repository inherits it (one in ten extends it); the report
 * is published through publishReport against the fake GitHub, and its requests and memory sent back.
 */
import nock from "nock";
import { ProbotOctokit } from "probot";
import { publishReport } from "../src/handlers/report.js";
import { parseStrategy } from "../src/strategy/index.js";
import { parseDataComment } from "../src/tally/index.js";
import { FakeGitHub } from "../test/fixtures/github-fake/index.js";
import { EXTENDING, ORG_STRATEGY } from "../test/fixtures/organisation.js";
import { reply, sampledPeak } from "./child.js";

const OCTOBER = Date.parse("2026-10-01T00:00:00Z");
const MONTH_MS = 31 * 86_400_000;
const n = Number(process.argv[2]);
const r = Number(process.argv[3]);

nock.disableNetConnect();
const gh = new FakeGitHub({ now: new Date("2026-11-01T09:00:00Z") });
const repos = [
  gh.addRepository({ owner: "acme", name: ".github", files: { "strategy.yml": ORG_STRATEGY } }),
  ...Array.from({ length: r - 1 }, (_, i) =>
    gh.addRepository({
      owner: "acme",
      name: `service-${String(i).padStart(4, "0")}`,
      files: i % 10 === 0 ? { ".github/strategy.yml": EXTENDING } : {},
    }),
  ),
];
for (let i = 0; i < n; i++) {
  const at = new Date(OCTOBER + Math.floor((i * MONTH_MS) / n)).toISOString();
  // Labelled as the app labels live: one in five left unlabelled (judged by the rules now).
  const labels =
    [["strategy: reliability"], ["strategy: costs"], ["strategy: reliability", "strategy: costs"], ["strategy: costs"]][
      i % 5
    ] ?? [];
  gh.item(repos[i % r]!, 1 + Math.floor(i / r), {
    title: i % 10 === 4 ? `Fix outage ${i}` : `Change ${i}`,
    labels,
    createdAt: at,
    mergedAt: at,
    state: "closed",
  });
}
gh.intercept();
const parsed = parseStrategy(ORG_STRATEGY, "strategy.yml");
if (!parsed.ok) throw new Error("the organisation strategy is invalid");
const octokit = new (ProbotOctokit.defaults((o: any) => ({
  ...o,
  retry: { enabled: false },
  throttle: { enabled: false },
})))({ auth: { token: "t" } });

global.gc?.();
const base = process.memoryUsage();
const started = performance.now();
const { result, peak } = await sampledPeak(
  () => process.memoryUsage().heapUsed,
  () =>
    publishReport({
      octokit,
      owner: "acme",
      repo: ".github",
      month: "2026-10",
      loaded: {
        strategy: parsed.strategy,
        commit: null,
        source: { owner: "acme", repo: ".github", path: "strategy.yml", text: ORG_STRATEGY },
      },
      botLogin: gh.appLogin,
      post: true,
      now: new Date("2026-11-01T09:00:00Z"),
    }),
);
const ms = performance.now() - started;
const data = parseDataComment(result.body);
if (data?.merged !== n) throw new Error(`the organisation report counted ${data?.merged} of ${n} pull requests`);
if (gh.problems.length > 0)
  throw new Error(`the fake GitHub was asked what it does not model: ${gh.problems.join("; ")}`);
const operations: Record<string, number> = {};
for (const entry of gh.log)
  operations[entry.operation ?? entry.path] = (operations[entry.operation ?? entry.path] ?? 0) + 1;
reply({
  n,
  repositories: r,
  requests: gh.log.length,
  operations,
  ms,
  heapBaseMB: base.heapUsed / 2 ** 20,
  heapPeakMB: peak / 2 ** 20,
  maxRssMB: process.resourceUsage().maxRSS / 1024,
});
