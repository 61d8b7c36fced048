/** The whole benchmark, full or quick: each section in turn, its results gathered for the tables. */
import nock from "nock";
import { measureCore } from "./core.js";
import { machine } from "./machine.js";
import { measureOverhead } from "./overhead.js";
import { measureReport } from "./report.js";
import { countEvents } from "./requests.js";
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
}

export const FULL: Plan = {
  quick: false,
  reports: [100, 1000, 10_000],
  items: 100_000,
  coreRounds: 3,
  events: 100,
  overheadRounds: 3,
};
export const QUICK: Plan = { quick: true, reports: [100], items: 5000, coreRounds: 2, events: 10, overheadRounds: 2 };

export async function runBench(plan: Plan, progress: (step: string) => void = () => {}): Promise<Results> {
  nock.disableNetConnect();
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
  return { quick: plan.quick, at: new Date().toISOString(), machine: machine(), events, reports, core, overhead };
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
  ];
}
