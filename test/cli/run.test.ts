import { describe, expect, it } from "vitest";
import { cli } from "./helpers.js";

describe("throughline", () => {
  it.each([[[]], [["--help"]], [["help"]]])("%j lists the commands", async (argv) => {
    const run = await cli(argv);
    expect(run.code).toBe(0);
    for (const name of ["validate", "schema", "explain", "report", "backfill"])
      expect(run.stdout).toMatch(new RegExp(`^  ${name} `, "m"));
  });

  it.each(["validate", "schema", "explain", "report", "backfill"])("%s --help prints its usage", async (name) => {
    for (const argv of [
      [name, "--help"],
      [name, "-h"],
      ["help", name],
    ]) {
      const run = await cli(argv);
      expect(run.code).toBe(0);
      expect(run.out[0]).toMatch(new RegExp(`^Usage: throughline ${name}`));
    }
  });

  it("prints its version", async () => {
    const run = await cli(["--version"]);
    expect(run.out).toEqual([expect.stringMatching(/^\d+\.\d+\.\d+/)]);
  });

  it("refuses an unknown command with exit code 2", async () => {
    const run = await cli(["deploy"]);
    expect(run.code).toBe(2);
    expect(run.err[0]).toMatch(/^throughline: unknown command "deploy"/);
  });
});
