// @vitest-environment happy-dom
/**
 * Every Mermaid block the report writes parses with the real Mermaid library (GitHub renders them with
 * it), and the pie gives each problem the trend chart's colour, in the legend's order. Mermaid needs a
 * DOM only for its sanitiser: happy-dom provides it, no browser.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import mermaid from "mermaid";
import { describe, expect, it } from "vitest";
import { renderReport } from "../../src/render/index.js";
import { DATA, reportModel } from "./fixtures.js";
import { uvReport } from "./uv-report.js";

/** The content of each ```mermaid block. */
function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^(`{3,})mermaid\n([\s\S]*?)\n\1$/gm)].map((m) => m[2]!);
}

/** The pie's colours in slice order, the trend's palette in line order, and the legend's colours. */
function chartColours(markdown: string) {
  const [pie, trend] = mermaidBlocks(markdown);
  const pieColours = [...(pie ?? "").matchAll(/"pie\d+": "(#[0-9a-f]{6})"/g)].map((m) => m[1]);
  const pieLabels = [...(pie ?? "").matchAll(/^ {4}"([^"]*)" :/gm)].map((m) => m[1]);
  const palette = /"plotColorPalette": "([^"]*)"/.exec(trend ?? "")?.[1]?.split(", ") ?? [];
  return { pieColours, pieLabels, palette };
}

async function expectParses(markdown: string) {
  const blocks = mermaidBlocks(markdown);
  for (const block of blocks) await expect(mermaid.parse(block), block).resolves.toBeTruthy();
  return blocks.length;
}

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const demoReport = readFileSync(join(root, "demo/output/report.md"), "utf8");

describe("the report's Mermaid charts", () => {
  it("fails a broken block, so a pass means something", async () => {
    await expect(mermaid.parse('pie title X\n    "A : 10')).rejects.toThrow();
  });

  it("parse, in the rendered report and in the demo's", async () => {
    expect(await expectParses(renderReport(reportModel(), DATA).body)).toBe(2);
    expect(await expectParses(demoReport)).toBe(2);
    expect(await expectParses(uvReport().body)).toBe(2);
    expect(await expectParses(uvReport("author_weeks").body)).toBe(2);
  });

  it("colour the pie as the trend in the report over real work", () => {
    const { pieColours, pieLabels, palette } = chartColours(uvReport().body);
    expect(pieLabels.at(-1)).toBe("Unaligned");
    expect(pieColours).toHaveLength(pieLabels.length);
    // Every problem has work this month, so slice i is line i.
    expect(pieColours).toEqual(palette);
  });

  it("colour the pie as the trend, slice by slice in the legend's order", () => {
    const { body } = renderReport(reportModel(), DATA);
    const { pieColours, pieLabels, palette } = chartColours(body);
    expect(pieLabels).toEqual(["Reliability", "Hosting costs", "Unaligned"]);
    expect(pieColours).toEqual(palette);
    expect(pieColours).toEqual(["#d73a4a", "#0969da", "#8c959f"]);
  });

  it("keep the colours when a problem has no share this month (no slice, no shift)", () => {
    const model = reportModel();
    model.problems[0]!.held = 0;
    model.problems[0]!.share = 0;
    const { pieColours, pieLabels, palette } = chartColours(renderReport(model, DATA).body);
    expect(pieLabels).toEqual(["Hosting costs", "Unaligned"]);
    expect(pieColours).toEqual([palette[1], palette[2]]);
  });
});
