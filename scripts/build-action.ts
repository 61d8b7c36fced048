/**
 * Bundles the Action entry (src/action/main.ts) with every dependency into dist/action.js, which
 * action.yml runs: a workflow runs it straight from the repository, with no install step. The output
 * is stable (no timestamps, paths relative to the repository) so a rebuild can be compared byte for
 * byte with the committed file (scripts/check-action.ts).
 *
 *   npm run build:action
 */
import { writeFile, mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const OUTFILE = "dist/action.js";

// Bundled CommonJS dependencies call require(); an ES module has none, so give them one.
const BANNER = [
  "// Throughline GitHub Action, bundled by scripts/build-action.ts from src/action/main.ts: do not edit.",
  'import { createRequire as __throughlineCreateRequire } from "node:module";',
  "const require = __throughlineCreateRequire(import.meta.url);",
].join("\n");

/** The bundle's text, built in memory. */
export async function bundleAction(): Promise<string> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ["src/action/main.ts"],
    outfile: OUTFILE,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node24",
    banner: { js: BANNER },
    legalComments: "eof",
    charset: "utf8",
    write: false,
    logLevel: "warning",
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error("esbuild wrote no bundle");
  return output.text;
}

async function main(): Promise<void> {
  const text = await bundleAction();
  await mkdir(resolve(ROOT, "dist"), { recursive: true });
  await writeFile(resolve(ROOT, OUTFILE), text);
  console.log(`${OUTFILE}: ${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
