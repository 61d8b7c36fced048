/**
 * npm run bench [-- --quick] [-- --docs]
 * Requests per event, the monthly report at scale, core throughput and handler overhead, as counts and
 * ratios measured in one run (they hold on a noisy machine; milliseconds are shown for context only).
 * Writes bench/results.json; --docs also rewrites docs/performance.md and docs/performance.json.
 */
import { writeFileSync } from "node:fs";
import { writePerformanceDocs } from "./docs.js";
import { FULL, missedTargets, QUICK, runBench } from "./suite.js";
import { resultsMarkdown } from "./table.js";

const quick = process.argv.includes("--quick");
const started = performance.now();
const results = await runBench(quick ? QUICK : FULL, (step) => process.stderr.write(`… ${step}\n`));
const seconds = (performance.now() - started) / 1000;

console.log(resultsMarkdown(results));
writeFileSync(new URL("results.json", import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
if (process.argv.includes("--docs")) writePerformanceDocs(results);

const missed = missedTargets(results);
console.log(`\nRan in ${seconds.toFixed(1)} s. ${missed.length === 0 ? "All targets met." : `TARGETS MISSED:\n- ${missed.join("\n- ")}`}`);
if (missed.length > 0) process.exitCode = 1;
