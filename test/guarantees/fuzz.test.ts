/**
 * The fuzz run over generated hostile strategy files (see fuzz.ts for what each file goes through and
 * what must hold). FUZZ_RUNS sets the number of files: a CI-sized run by default; `npx tsx
 * scripts/fuzz.ts` runs 10,000.
 */
import { describe, expect, it } from "vitest";
import { fuzzStrategies } from "./fuzz.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_125);

describe("generated hostile strategy files", () => {
  it(`${RUNS} files: no throw, every error located, output inert, prototypes untouched`, {
    timeout: Math.max(20_000, RUNS * 20),
  }, () => {
    const result = fuzzStrategies(RUNS, SEED);
    expect(result.violations).toEqual([]);
    // Both paths must be exercised, or the run proves little.
    expect(result.valid).toBeGreaterThan(RUNS / 20);
    expect(result.invalid).toBeGreaterThan(RUNS / 4);
  });
});
