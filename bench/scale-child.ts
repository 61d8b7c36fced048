/**
 * One monthly report in a process of its own, against a fake GitHub served by the parent process (so this
 * process's memory is the report's alone): the repository report of `acme/platform`, or the organisation
 * report of `acme/.github`. Sends back what the report counted, its wall time and its memory: the heap's
 * peak as sampled (garbage included), the heap still live after a collection every few requests (what the
 * report holds), and the process's peak RSS.
 */
import { ProbotOctokit } from "probot";
import { publishReport } from "../src/handlers/report.js";
import { parseStrategy } from "../src/strategy/index.js";
import { parseDataComment } from "../src/tally/index.js";
import { ORG_STRATEGY } from "../test/fixtures/organisation.js";
import { reportStrategy } from "../test/report/strategy.js";
import { measured, reply } from "./child.js";

const [url = "", scope = "", botLogin = ""] = process.argv.slice(2);
/** A collection, and a reading of the live heap, after every this many requests. */
const LIVE_EVERY = 10;

function loaded(): Parameters<typeof publishReport>[0]["loaded"] {
  if (scope === "repository") return { strategy: reportStrategy(), commit: null };
  const parsed = parseStrategy(ORG_STRATEGY, "strategy.yml");
  if (!parsed.ok) throw new Error("the organisation strategy is invalid");
  return {
    strategy: parsed.strategy,
    commit: null,
    source: { owner: "acme", repo: ".github", path: "strategy.yml", text: ORG_STRATEGY },
  };
}

// Like Probot's, without retries or throttling: a failed request fails the run at once.
const octokit = new (ProbotOctokit.defaults((o: any) => ({
  ...o,
  retry: { enabled: false },
  throttle: { enabled: false },
})))({ auth: { token: "t" }, baseUrl: url });
const strategy = loaded();

let requests = 0;
let liveHeap = 0;
octokit.hook.after("request", () => {
  if (++requests % LIVE_EVERY !== 0 || !global.gc) return;
  global.gc();
  liveHeap = Math.max(liveHeap, process.memoryUsage().heapUsed);
});

const { result, measured: m } = await measured(() =>
  publishReport({
    octokit,
    owner: "acme",
    repo: scope === "repository" ? "platform" : ".github",
    month: "2026-10",
    loaded: strategy,
    botLogin,
    post: true,
    now: new Date("2026-11-01T09:00:00Z"),
  }),
);
reply({
  merged: parseDataComment(result.body)?.merged ?? null,
  ...m,
  liveHeapPeakMB: Math.max(liveHeap / 2 ** 20, m.heapBaseMB),
});
