/**
 * npm run bench [-- --quick] [-- --docs]
 * Requests per event, the monthly report at scale, core throughput and handler overhead, repository and
 * organisation reports against their request budgets with their memory, and several processes on one Redis (requests of a monthly pass over 1,000 repositories, deliveries per second), as
 * counts and ratios measured in one run (they hold on a noisy machine; milliseconds are shown for context only).
 * Writes bench/results.json; --docs also rewrites docs/performance.md and docs/performance.json.
 */
import { writeFileSync } from "node:fs";
import { writePerformanceDocs } from "./docs.js";
import { FULL, missedTargets, QUICK, runBench } from "./suite.js";
import { measureReplicas, replicasMarkdown } from "./replicas.js";
import { resultsMarkdown } from "./table.js";

const quick = process.argv.includes("--quick");
const started = performance.now();
const results = await runBench(quick ? QUICK : FULL, (step) => process.stderr.write(`… ${step}\n`));
const seconds = (performance.now() - started) / 1000;

console.log(resultsMarkdown(results));
writeFileSync(new URL("results.json", import.meta.url), `${JSON.stringify(results, null, 2)}\n`);

// Several processes on one Redis: real child processes and a real redis-server.
try {
  const replicas = await measureReplicas(quick, (step) => process.stderr.write(`… ${step}\n`));
  console.log(`\n${replicasMarkdown(replicas)}`);
  writeFileSync(new URL("replicas.json", import.meta.url), `${JSON.stringify(replicas, null, 2)}\n`);
} catch (error) {
  console.log(`\nSeveral processes: not measured: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
if (process.argv.includes("--docs")) writePerformanceDocs(results);

const missed = missedTargets(results);
console.log(
  `\nRan in ${seconds.toFixed(1)} s. ${missed.length === 0 ? "All targets met." : `TARGETS MISSED:\n- ${missed.join("\n- ")}`}`,
);
if (missed.length > 0) process.exitCode = 1;
