/** The results as Markdown tables: printed by `npm run bench` and copied into docs/performance.md. */
import type { CoreRun } from "./core.js";
import type { Machine } from "./machine.js";
import type { Overhead } from "./overhead.js";
import type { ReportRun } from "./report.js";
import type { EventCount } from "./requests.js";
import { scaleMarkdown, type ScaleRun } from "./scale.js";

export interface Results {
  quick: boolean;
  at: string;
  machine: Machine;
  events: EventCount[];
  reports: ReportRun[];
  core: CoreRun;
  overhead: Overhead;
  scale: ScaleRun[];
}

const table = (head: string[], rows: (string | number)[][]) =>
  [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join(
    "\n",
  );

const n = (x: number, digits = 0) =>
  x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const verdict = (ok: boolean | null) => (ok === null ? "" : ok ? "yes" : "**NO**");
/** Targets bind in steady state; a cold event over them is shown, but as the one-off it is. */
const eventVerdict = (e: EventCount) =>
  e.phase === "cold" && e.withinTarget === false ? "no (cold)" : verdict(e.withinTarget);

function targetText(t: EventCount["target"]): string {
  const parts = [t.total !== undefined ? `≤ ${t.total}` : "", t.paced !== undefined ? `≤ ${t.paced} paced` : ""].filter(
    Boolean,
  );
  return parts.join(", ") || "";
}

const COLD_NOTE =
  "Cold events cost more once: the strategy is read in full (a 200, not a free 304), each strategy label is looked up and " +
  "created once per repository, the app's identity (GET /app, under Auth) once per process, and an item that was never " +
  "synced needs all its writes (label, comment, check); the item's history is read when its labels are not in step.";

export function eventsTable(events: EventCount[]): string {
  const rows = events.map((e) => [
    e.event,
    e.phase,
    e.total,
    e.paced,
    e.free,
    e.writes,
    e.floor,
    e.auth,
    targetText(e.target),
    eventVerdict(e),
  ]);
  const line = (e: EventCount, what: string) => `- ${e.event} (${e.phase}): ${what}: ${e.requests.join(", ")}`;
  const over = events.filter((e) => e.withinTarget === false);
  const above = events.filter((e) => e.writes > e.floor);
  return [
    table(["Event", "State", "Total", "Paced", "Free (304)", "Writes", "Floor", "Auth", "Target", "Within"], rows),
    ...(over.length
      ? ["", "Over target:", ...over.map((e) => line(e, e.phase === "steady" ? "OVER TARGET" : "cold"))]
      : []),
    ...(over.some((e) => e.phase === "cold") ? ["", COLD_NOTE] : []),
    ...(above.length
      ? ["", "Writes above the floor:", ...above.map((e) => line(e, `${e.writes - e.floor} more than needed`))]
      : []),
  ].join("\n");
}

export function reportsTable(reports: ReportRun[]): string {
  const rows = reports.map((r) => [
    n(r.n),
    n(r.u),
    r.requests,
    `≤ ${r.target}`,
    verdict(r.withinTarget),
    `≈ ${n(r.requests)} s`,
    n(r.ms),
    n(r.ownMs),
    n(r.heapPeakMB - r.heapBaseMB, 1),
    n(r.maxRssMB),
  ]);
  return table(
    [
      "Merged PRs",
      "Without label",
      "Requests",
      "Target",
      "Within",
      "Pacing (1 s each)",
      "Wall ms",
      "Own ms",
      "Heap peak MB",
      "Max RSS MB",
    ],
    rows,
  );
}

export function coreTable(c: CoreRun): string {
  return table(
    [
      "Pull requests",
      "Input MB",
      "Parse only ms",
      "Core ms",
      "Ratio",
      "µs per PR",
      "Heap peak MB (parse / core)",
      "Retained MB",
      "Max RSS MB",
    ],
    [
      [
        n(c.items),
        n(c.inputMB, 1),
        n(c.floorMs),
        n(c.coreMs),
        `${n(c.ratio, 1)}×`,
        n(c.perItemMicros, 1),
        `${n(c.floorHeapPeakMB)} / ${n(c.coreHeapPeakMB)}`,
        n(c.retainedMB, 1),
        n(c.maxRssMB),
      ],
    ],
  );
}

export function overheadTable(o: Overhead): string {
  return table(
    ["Events", "App ms", "Bare app ms", "Ratio", "Requests per event (app / bare)"],
    [[o.events, n(o.appMs), n(o.bareMs), `${n(o.ratio, 2)}×`, `${n(o.appRequests, 1)} / ${n(o.bareRequests, 1)}`]],
  );
}

export function machineLine(m: Machine): string {
  return `${m.nproc} CPUs (nproc), ${n(m.memoryGB, 1)} GB memory, Node ${m.node}, ${m.cpu}`;
}

export function resultsMarkdown(r: Results): string {
  return [
    `Machine: ${machineLine(r.machine)}${r.quick ? " (quick run)" : ""}`,
    "",
    "### 1. Requests per event",
    "",
    eventsTable(r.events),
    "",
    "### 2. Monthly report",
    "",
    reportsTable(r.reports),
    "",
    "### 3. Core throughput (classify + tally + render against parsing the pages)",
    "",
    coreTable(r.core),
    "",
    "### 4. Handler overhead (the app against a bare Probot app making the same requests)",
    "",
    overheadTable(r.overhead),
    "",
    "### 5. Reports at scale: requests against their budgets, and memory",
    "",
    scaleMarkdown(r.scale),
  ].join("\n");
}
