import { describe, expect, it } from "vitest";
import { INVALID_STRATEGY, STRATEGY } from "../fixtures/strategies.js";
import { cli, workdir } from "./helpers.js";

const EXTENDING = `version: 1
extends: acme/.github
problems:
  - id: reliability
    match: { paths: ["services/**"] }
`;
const BASE = `version: 1
problems:
  - id: reliability
    title: Reliability
    match: { labels: [bug] }
`;

describe("throughline validate", () => {
  it("prints a summary and exits 0 for a valid file", async () => {
    const run = await cli(["validate"], { cwd: workdir({ "strategy.yml": STRATEGY }) });
    expect(run.code).toBe(0);
    expect(run.out).toEqual([
      'strategy.yml is valid: "Platform strategy 2026", active, 2 problems.',
      '  reliability  label "strategy: reliability", share 40%, 2 labels, 2 keywords, 1 pattern, 1 path, 1 branch',
      '  costs        label "strategy: costs", share 20%, 2 keywords, 1 path',
      'Check warn; comment on; report in "Announcements" at "0 9 1 * *" (UTC).',
    ]);
  });

  it("prints each error as file:line:col path: message and exits 1", async () => {
    const run = await cli(["validate"], { cwd: workdir({ ".github/strategy.yml": `${INVALID_STRATEGY}    share: 120\n` }) });
    expect(run.code).toBe(1);
    expect(run.out).toEqual([
      '.github/strategy.yml:5:9 problems[1].id: "reliability" is used twice: on lines 3 and 5',
      ".github/strategy.yml:7:12 problems[1].share: must be at most 100, got 120",
    ]);
    expect(run.err).toEqual([".github/strategy.yml: 2 errors"]);
  });

  it("takes the file as an argument, with the path as given", async () => {
    const cwd = workdir({ "plans/next.yaml": "version: 2\nproblems: []\n" });
    const run = await cli(["validate", "plans/next.yaml"], { cwd });
    expect(run.code).toBe(1);
    expect(run.out.every((line) => line.startsWith("plans/next.yaml:"))).toBe(true);
    expect(run.out[0]).toMatch(/^plans\/next\.yaml:1:10 version: /);
  });

  it("checks the merged strategy with --extends, and hints at it without", async () => {
    const cwd = workdir({ "strategy.yml": EXTENDING, "base.yml": BASE });
    const merged = await cli(["validate", "--extends", "base.yml"], { cwd });
    expect(merged.code).toBe(0);
    expect(merged.out[1]).toBe('  reliability  label "strategy: reliability", 1 label, 1 path');
    const alone = await cli(["validate"], { cwd });
    expect(alone.code).toBe(1);
    expect(alone.out[0]).toMatch(/^strategy\.yml:2:10 extends: /);
    expect(alone.err).toContain("hint: pass --extends BASE with a copy of acme/.github's strategy file to check the merged strategy");
  });

  it.each([
    [["validate"], 1, "no strategy file here"],
    [["validate", "missing.yml"], 1, "missing.yml: no such file"],
    [["validate", "a.yml", "b.yml"], 2, "unexpected argument: b.yml"],
    [["validate", "--strict"], 2, "Unknown option '--strict'"],
  ])("%j exits %i: %s", async (argv, code, message) => {
    const run = await cli(argv as string[]);
    expect(run.code).toBe(code);
    expect(run.err[0]).toContain(message);
  });

  it("prints its help with --help and exits 0", async () => {
    const run = await cli(["validate", "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: throughline validate \[FILE\]/);
  });
});
