/**
 * npm run test:replicas: the several-process tests alone (a real redis-server, the built server as child
 * processes), ending with one plain line of their figures.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const dir = mkdtempSync(join(tmpdir(), "throughline-figures-"));
const figures = join(dir, "figures.txt");
const run = spawnSync(process.execPath, ["node_modules/vitest/vitest.mjs", "run", "test/replicas/"], {
  stdio: "inherit",
  env: { ...process.env, REPLICA_FIGURES: figures },
});
let line = "replicas: no figures (the tests stopped before their end)";
try {
  line = readFileSync(figures, "utf8").trim().split("\n").at(-1) ?? line;
} catch {
  // no file: keep the line above
}
rmSync(dir, { recursive: true, force: true });
console.log(`\n${line}`);
process.exit(run.status ?? 1);
