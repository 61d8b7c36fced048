/**
 * One monthly report over N merged pull requests, in a process of its own: the report is published
 * through publishReport against the fake GitHub (GraphQL search pages of 100, search windows split past
 * 1,000 results), and its requests, wall time and memory are sent back.
 */
import nock from "nock";
import { ProbotOctokit } from "probot";
import { publishReport } from "../src/handlers/report.js";
import { parseDataComment } from "../src/tally/index.js";
import { FakeGitHub, type Item } from "../test/fixtures/github-fake/index.js";
import { reportStrategy } from "../test/report/strategy.js";
import { measured, reply } from "./child.js";

const OCTOBER = Date.parse("2026-10-01T00:00:00Z");
const MONTH_MS = 31 * 86_400_000;

/** n pull requests spread over October: two in five carry a strategy label, the rest are judged by the rules. */
function pulls(n: number): (Partial<Item> & { number: number })[] {
  return Array.from({ length: n }, (_, i) => ({
    number: i + 1,
    title: i % 10 === 3 ? `Fix outage in checkout ${i}` : `Change ${i}`,
    body: "Part of the quarter's work.\n\n".repeat(4),
    labels: [["strategy: reliability"], ["strategy: costs"]][i % 5] ?? [],
    createdAt: new Date(OCTOBER - 86_400_000 + i).toISOString(),
    mergedAt: new Date(OCTOBER + Math.floor((i * MONTH_MS) / n)).toISOString(),
    state: "closed" as const,
    comments: Array.from({ length: i % 7 }, (_, c) => ({
      id: c,
      author: "alice",
      body: "",
      createdAt: new Date(OCTOBER).toISOString(),
    })),
  }));
}

const n = Number(process.argv[2]);
nock.disableNetConnect();
const gh = new FakeGitHub({ now: new Date("2026-11-01T09:00:00Z") });
const repo = gh.addRepository({ owner: "acme", name: "platform" });
for (const pull of pulls(n)) gh.item(repo, pull.number, pull);
gh.intercept();
const log = gh.log;

// Time spent waiting on requests (the fake GitHub answering, nock, HTTP parsing), so the report's own
// work can be told apart: overlapping requests count once.
// Like Probot's, without retries or throttling: a failed request fails the run at once.
const octokit = new (ProbotOctokit.defaults((o: any) => ({
  ...o,
  retry: { enabled: false },
  throttle: { enabled: false },
})))({ auth: { token: "t" } });
let inFlight = 0;
let since = 0;
let waitingMs = 0;
octokit.hook.wrap("request", async (request, options) => {
  if (inFlight++ === 0) since = performance.now();
  try {
    return await request(options);
  } finally {
    if (--inFlight === 0) waitingMs += performance.now() - since;
  }
});

const { result, measured: m } = await measured(() =>
  publishReport({
    octokit,
    owner: "acme",
    repo: "platform",
    month: "2026-10",
    loaded: { strategy: reportStrategy(), commit: null },
    botLogin: gh.appLogin,
    post: true,
    now: new Date("2026-11-01T09:00:00Z"),
  }),
);
const data = parseDataComment(result.body);
if (data?.merged !== n) throw new Error(`the report counted ${data?.merged} of ${n} pull requests`);
if (gh.problems.length > 0)
  throw new Error(`the fake GitHub was asked what it does not model: ${gh.problems.join("; ")}`);
const operations: Record<string, number> = {};
for (const r of log) operations[r.operation ?? r.path] = (operations[r.operation ?? r.path] ?? 0) + 1;
reply({
  n,
  requests: log.length,
  operations,
  ...m,
  ownMs: m.ms - waitingMs,
  action: result.action,
});
