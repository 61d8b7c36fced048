/**
 * Fails (exit 1) when a committed file generated from the strategy schema differs from what the schema
 * produces now, so the editor schema and the reference cannot drift from what the app accepts.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generatedFiles } from "../src/strategy/generated.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

const stale = generatedFiles().filter((file) => {
  try {
    return readFileSync(join(root, file.path), "utf8") !== file.content;
  } catch {
    return true;
  }
});

if (stale.length > 0) {
  for (const file of stale) console.error(`${file.path} is out of date with src/strategy/schema.ts`);
  console.error("Run `npm run schema` and commit the result.");
  process.exit(1);
}
console.log("Generated files are up to date.");
