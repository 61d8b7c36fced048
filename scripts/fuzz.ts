/**
 * The long fuzz run: 10,000 generated hostile strategy files (or `npx tsx scripts/fuzz.ts <runs> [seed]`),
 * each taken through parsing, classification and rendering as the app does (test/guarantees/fuzz.ts).
 * Exits non-zero with the first violations, each naming its seed and run so it reproduces.
 */
import { fuzzStrategies } from "../test/guarantees/fuzz.js";

const runs = Number(process.argv[2] ?? 10_000);
const seed = Number(process.argv[3] ?? Date.now() % 1_000_000_007);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  console.error("usage: npx tsx scripts/fuzz.ts [runs] [seed]");
  process.exit(2);
}

const started = Date.now();
const result = fuzzStrategies(runs, seed);
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(
  `${runs} files from seed ${seed} in ${seconds} s: ${result.valid} valid, ${result.invalid} refused with located errors`,
);
if (result.violations.length > 0) {
  console.error(`${result.violations.length} violation(s):\n\n${result.violations.join("\n\n")}`);
  process.exit(1);
}
