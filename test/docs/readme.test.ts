import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { demoBlocks, quoted, withDemoBlocks } from "../../scripts/readme-demo.js";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

describe("the README", () => {
  it("shows the comment and report the demo really wrote (run `npx tsx scripts/readme-demo.ts` after `npm run demo`)", () => {
    expect(withDemoBlocks(readme)).toBe(readme);
    expect(readme).toContain(quoted(demoBlocks().comment!));
  });

  it("gives the two commands on its first screen", () => {
    const firstScreen = readme.split("\n").slice(0, 15).join("\n");
    expect(firstScreen).toContain("npm ci && npm start");
    expect(firstScreen).toContain("npm ci && npm test");
  });
});
