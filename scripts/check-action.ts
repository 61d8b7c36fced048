/**
 * Fails when dist/action.js is not what the sources build to (someone changed src/ and forgot
 * `npm run build:action`): the workflow runs the committed bundle, not the sources.
 *
 *   npx tsx scripts/check-action.ts
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { bundleAction, OUTFILE, ROOT } from "./build-action.js";

const built = await bundleAction();
const committed = await readFile(resolve(ROOT, OUTFILE), "utf8").catch(() => "");
if (built !== committed) {
  const at = [...built].findIndex((c, i) => c !== committed[i]);
  const line = built.slice(0, at).split("\n").length;
  console.error(
    `${OUTFILE} is out of date (first difference at line ${line}): run \`npm run build:action\` and commit it.`,
  );
  process.exit(1);
}
console.log(`${OUTFILE} is up to date.`);
