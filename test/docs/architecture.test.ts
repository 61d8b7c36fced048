/** docs/architecture.md describes the folders src/ has: every folder listed, none that is gone. */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const doc = readFileSync(new URL("../../docs/architecture.md", import.meta.url), "utf8");
const folders = readdirSync(new URL("../../src/", import.meta.url), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

/** The "## Folders" section's list: one `- \`src/NAME/\`` line per folder. */
function listed(): string[] {
  const section = doc.split(/^## /m).find((s) => s.startsWith("Folders\n")) ?? "";
  return [...section.matchAll(/^- `src\/([a-z-]+)\/`/gm)].map((m) => m[1] ?? "").sort();
}

describe("docs/architecture.md", () => {
  it("lists exactly the folders of src/", () => {
    expect(folders.length).toBeGreaterThan(5);
    expect(listed()).toEqual(folders);
  });

  it("places every folder in the layer table", () => {
    const table = doc.split(/^## /m).find((s) => s.startsWith("Layers\n")) ?? "";
    for (const folder of folders) expect(table).toContain(`\`${folder}/\``);
  });
});
