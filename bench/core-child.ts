/**
 * Core throughput, in a process of its own: classify + tally + render of N merged pull requests (the
 * report's pure work, through the same tallyShipped the report uses), against the floor of only
 * JSON-parsing their search pages. Both read the same page strings, alternately, and the fastest of a
 * few rounds counts, so a noisy machine slows both alike.
 */
import { readFileSync } from "node:fs";
import { getHeapStatistics } from "node:v8";
import { isPull, toPull, type PullNode, type SearchPage } from "../src/github/merged-pulls-query.js";
import { tallyShipped } from "../src/handlers/report-shipped.js";
import { renderReport } from "../src/render/index.js";
import { parseStrategy } from "../src/strategy/index.js";
import { buildReport, dataComment, monthPeriod } from "../src/tally/index.js";
import { reply } from "./child.js";
import { searchPages } from "./core-pages.js";

const items = Number(process.argv[2]);
const rounds = Number(process.argv[3] ?? 3);
const parsed = parseStrategy(
  readFileSync(new URL("../examples/strategy.yml", import.meta.url), "utf8"),
  "strategy.yml",
);
if (!parsed.ok) throw new Error("examples/strategy.yml does not parse");
const strategy = parsed.strategy;
const pages = searchPages(Math.ceil(items / 100));
const inputMB = pages.reduce((sum, p) => sum + p.length, 0) / 2 ** 20;

// Shipped work leaves out `ignore_authors` (dependabot here): what the tally must come to.
const ignored = new Set(strategy.settings.ignore_authors);
const counted = pages
  .flatMap((p) => ((JSON.parse(p).data.s0 as SearchPage).nodes ?? []).filter(isPull).map((n) => toPull(n as PullNode)))
  .filter((p) => !ignored.has(p.author)).length;

// Sampled every few pages (both loops alike): a synchronous loop gives a timer no chance to sample.
let heapPeak = 0;
const heapNow = () => getHeapStatistics().used_heap_size;
const sample = (page: number) => page % 5 === 0 && (heapPeak = Math.max(heapPeak, heapNow()));
/** Time and heap peak of one pass, starting from a collected heap so each pass's peak is its own. */
async function pass(work: () => unknown): Promise<{ ms: number; peak: number }> {
  global.gc?.();
  heapPeak = heapNow();
  const t = performance.now();
  await work();
  const ms = performance.now() - t;
  return { ms, peak: Math.max(heapPeak, heapNow()) };
}

/** The floor: parse every page, and look at it so the parse cannot be skipped. */
function parseOnly(): number {
  let seen = 0;
  pages.forEach((page, i) => {
    seen += (JSON.parse(page).data.s0 as SearchPage).nodes?.length ?? 0;
    sample(i);
  });
  return seen;
}

async function* pulls() {
  for (const [i, page] of pages.entries()) {
    yield ((JSON.parse(page).data.s0 as SearchPage).nodes ?? []).filter(isPull).map((n) => toPull(n as PullNode));
    sample(i);
  }
}

/** The report's pure work: parse, classify and tally page by page, then build and render the report. */
async function core(): Promise<number> {
  const period = monthPeriod("2026-10", strategy.settings.report.timezone);
  const shipped = await tallyShipped(strategy, pulls());
  const model = buildReport({
    strategy,
    repo: "acme/platform",
    period,
    commit: null,
    tally: shipped.tally,
    items: shipped.items,
    notes: shipped.notes,
  });
  const body = renderReport(model, dataComment(model)).body;
  if (shipped.tally.merged !== counted) throw new Error(`tallied ${shipped.tally.merged} of ${counted} pull requests`);
  return body.length;
}

global.gc?.();
const heapBase = heapNow();
const floor = { ms: Infinity, peak: 0 };
const work = { ms: Infinity, peak: 0 };
for (let round = 0; round < rounds; round++) {
  for (const [best, fn] of [
    [floor, parseOnly],
    [work, core],
  ] as const) {
    const { ms, peak } = await pass(fn);
    best.ms = Math.min(best.ms, ms);
    best.peak = Math.max(best.peak, peak);
  }
}
const shipped = await tallyShipped(strategy, pulls());
global.gc?.();
const MB = 2 ** 20;
reply({
  items: pages.length * 100,
  rounds,
  inputMB,
  floorMs: floor.ms,
  coreMs: work.ms,
  ratio: work.ms / floor.ms,
  perItemMicros: (work.ms * 1000) / (pages.length * 100),
  unalignedShare: shipped.tally.unaligned.merged / shipped.tally.merged,
  heapBaseMB: heapBase / MB,
  floorHeapPeakMB: (floor.peak - heapBase) / MB,
  coreHeapPeakMB: (work.peak - heapBase) / MB,
  retainedMB: (heapNow() - heapBase) / MB,
  maxRssMB: process.resourceUsage().maxRSS / 1024,
});
