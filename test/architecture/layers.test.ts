/**
 * The layer check (`npm run layers`, .dependency-cruiser.cjs) fails on a wrong import: run over a small
 * tree laid out like src/, it names each broken rule, and passes the same tree once the imports go down.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CRUISE = join(ROOT, "node_modules/dependency-cruiser/bin/dependency-cruise.mjs");
const made: string[] = [];

/** Runs the project's layer check, as CI runs it, over `files` (path → text): its exit status and report. */
function cruise(files: Record<string, string>): { status: number | null; report: string } {
  const dir = mkdtempSync(join(tmpdir(), "throughline-layers-"));
  made.push(dir);
  const tree = {
    "tsconfig.json": JSON.stringify({ compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext" } }),
    ...files,
  };
  for (const [path, text] of Object.entries(tree)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const run = spawnSync(process.execPath, [CRUISE, "src", "--config", join(ROOT, ".dependency-cruiser.cjs")], {
    cwd: dir,
    encoding: "utf8",
  });
  return { status: run.status, report: run.stdout.replace(/\s+/g, " ") };
}

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const exported = (name: string, imports: string[] = []) =>
  `${imports.map((from, i) => `import { v as v${i} } from "${from}";`).join("\n")}\nexport const v = [${imports.map((_, i) => `v${i}`).join(", ")}];\nexport const ${name} = v;\n`;

describe("the layer check", () => {
  it("fails on an upward import, an import across the core, a cycle, and I/O in the core", () => {
    const { status, report } = cruise({
      // classify/ using render/ (upward): the kind of import the small text helpers in text/ replace.
      "src/classify/decide.ts": exported("decide", ["../render/quote.js"]),
      "src/render/quote.ts": exported("quote"),
      // tally/ using classify/: siblings in the core.
      "src/tally/count.ts": exported("count", ["../classify/decide.js"]),
      // Two modules importing each other.
      "src/text/a.ts": exported("a", ["./b.js"]),
      "src/text/b.ts": exported("b", ["./a.js"]),
      // The core reading a file.
      "src/strategy/read.ts": exported("read", ["node:fs"]),
      // The edge reaching up into the handlers.
      "src/github/client.ts": exported("client", ["../handlers/event.js"]),
      "src/handlers/event.ts": exported("event"),
    });
    expect(status).not.toBe(0);
    for (const broken of [
      "classify-layer: src/classify/decide.ts → src/render/quote.ts",
      "tally-layer: src/tally/count.ts → src/classify/decide.ts",
      "github-layer: src/github/client.ts → src/handlers/event.ts",
      "core-is-pure: src/strategy/read.ts → fs",
      "no-cycles: src/text/a.ts → src/text/b.ts → src/text/a.ts",
    ]) {
      expect(report).toContain(broken);
    }
    expect(report).toContain("5 dependency violations");
  });

  it("passes the same kinds of import going down the layers", () => {
    const { status, report } = cruise({
      "src/text/quote.ts": exported("quote"),
      "src/classify/decide.ts": exported("decide", ["../text/quote.js"]),
      "src/render/draw.ts": exported("draw", ["../classify/decide.js", "../text/quote.js"]),
      "src/github/client.ts": exported("client", ["../render/draw.js"]),
      "src/handlers/event.ts": exported("event", ["../github/client.js", "../classify/decide.js"]),
    });
    expect(report).toContain("no dependency violations found");
    expect(status).toBe(0);
  });
});
