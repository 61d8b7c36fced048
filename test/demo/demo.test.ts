/**
 * `npm run demo` writes what the README shows: if the app's labels, comment, check or report change,
 * this fails until the demo is run again and its output committed, so the README never shows text the
 * app no longer writes.
 */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main, OUTPUT_DIR } from "../../demo/run.js";

const FILES = ["check.md", "comment.md", "labels.md", "organisation-report.md", "project.md", "report.md"];
const committed = (name: string) => readFileSync(join(OUTPUT_DIR, name), "utf8");

describe("the offline demo", () => {
  it("writes the six files, each equal to the committed one (run `npm run demo` to refresh them)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "throughline-demo-"));
    const outputs = await main(dir);
    expect(readdirSync(dir).sort()).toEqual(FILES);
    for (const name of FILES) {
      const written = readFileSync(join(dir, name), "utf8");
      expect(written).toBe(outputs[name as keyof typeof outputs]);
      expect(written, `demo/output/${name} is out of date: run \`npm run demo\` and commit it`).toBe(committed(name));
    }
  }, 60_000);

  it("shows what the app wrote: its marked progress comment, the check, the report with its data", () => {
    expect(committed("comment.md").startsWith("<!-- throughline:progress -->\n")).toBe(true);
    expect(committed("check.md")).toMatch(/^\*\*Strategy alignment\*\* on pull request #\d+: `success`/);
    expect(committed("report.md").startsWith("<!-- throughline:report -->")).toBe(true);
    expect(committed("report.md")).toMatch(
      /<!-- throughline:data \{"version":1,"period":\{"from":"2026-10-01","to":"2026-10-31"/,
    );
    expect(committed("labels.md")).toContain("| Pull request #");
    expect(committed("organisation-report.md")).toContain("### Shipped work by repository");
    expect(committed("organisation-report.md")).toMatch(/"scope":"organisation","repositories":\{"\.github":/);
  });
});
