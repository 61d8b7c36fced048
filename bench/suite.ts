/** The whole benchmark, full or quick: each section in turn, its results gathered for the tables. */
import nock from "nock";
import { measureCore } from "./core.js";
import { machine } from "./machine.js";
import { measureOverhead } from "./overhead.js";
import { measureReport } from "./report.js";
import { countEvents } from "./requests.js";
import { measureScale, type ScaleSpec } from "./scale.js";
import type { Results } from "./table.js";

export interface Plan {
  quick: boolean;
  /** Merged pull requests in each monthly report measured. */
  reports: number[];
  /** Pull requests for core throughput (pages of 100). */
  items: number;
  coreRounds: number;
  /** Events for handler overhead. */
  events: number;
  overheadRounds: number;
  /** Reports at scale against their request budgets, each in its own process (scale.ts). */
  scale: ScaleSpec[];
}

const repository = (n: number, unlabelled: ScaleSpec["unlabelled"] = "all"): ScaleSpec => ({
  scope: "repository",
  n,
  repositories: 1,
  unlabelled,
});
const organisation = (n: number, repositories: number, unlabelled: ScaleSpec["unlabelled"]): ScaleSpec => ({
  scope: "organisation",
  n,
  repositories,
  unlabelled,
});

export const FULL: Plan = {
  quick: false,
  reports: [100, 1000, 10_000],
  items: 100_000,
  coreRounds: 3,
  events: 100,
  overheadRounds: 3,
  scale: [
    repository(10_000, "none"),
    repository(1000),
    repository(10_000),
    repository(50_000),
    organisation(10_000, 300, "none"),
    organisation(1000, 30, "fifth"),
    organisation(10_000, 300, "fifth"),
    organisation(100_000, 1000, "fifth"),
  ],
};
export const QUICK: Plan = {
  quick: true,
  reports: [100],
  items: 5000,
  coreRounds: 2,
  events: 10,
  overheadRounds: 2,
  scale: [repository(1000, "none"), repository(1000), organisation(1000, 30, "none"), organisation(1000, 30, "fifth")],
};

export async function runBench(plan: Plan, progress: (step: string) => void = () => {}): Promise<Results> {
  // In this process GitHub is answered through nock only, and nothing else may be reached; connections are
  // allowed again at the end, for what runs next in the process (the several-process section polls its
  // processes and serves its fake GitHub over loopback).
  nock.disableNetConnect();
  try {
    return await measureAll(plan, progress);
  } finally {
    nock.enableNetConnect();
  }
}

async function measureAll(plan: Plan, progress: (step: string) => void): Promise<Results> {
  progress("requests per event");
  const events = await countEvents();
  const reports = [];
  for (const n of plan.reports) {
    progress(`monthly report, ${n.toLocaleString("en-US")} merged pull requests`);
    reports.push(await measureReport(n));
  }
  progress(`core throughput, ${plan.items.toLocaleString("en-US")} pull requests`);
  const core = await measureCore(plan.items, plan.coreRounds);
  progress(`handler overhead, ${plan.events} events`);
  const overhead = await measureOverhead(plan.events, plan.overheadRounds);
  const scale = [];
  for (const spec of plan.scale) {
    progress(
      `${spec.scope} report, ${spec.n.toLocaleString("en-US")} merged pull requests over ${spec.repositories.toLocaleString("en-US")} repositories, ${spec.unlabelled} without a strategy label`,
    );
    scale.push(await measureScale(spec));
  }
  return {
    quick: plan.quick,
    at: new Date().toISOString(),
    machine: machine(),
    events,
    reports,
    core,
    overhead,
    scale,
  };
}

/** Every target missed, in words (empty when all are met). */
export function missedTargets(r: Results): string[] {
  return [
    ...r.events
      .filter((e) => e.phase === "steady" && e.withinTarget === false)
      .map((e) => `${e.event} (${e.phase}): ${e.total} requests, ${e.paced} paced`),
    ...r.reports
      .filter((x) => !x.withinTarget)
      .map((x) => `report of ${x.n}: ${x.requests} requests, target ${x.target}`),
    ...r.scale
      .filter((x) => !x.withinBudget)
      .map((x) => `${x.scope} report of ${x.n} over ${x.repositories}: ${x.requests} requests, budget ${x.budget}`),
  ];
}
