import { tmpdir } from "node:os";
import { basename, dirname } from "node:path";
import { describe, expect, it } from "vitest";

describe("a test run's temporary files", () => {
  it("go into one folder for the run, which the run removes when it ends", () => {
    expect(basename(tmpdir())).toMatch(/^throughline-test-run-/);
    expect(dirname(tmpdir())).not.toBe(tmpdir());
  });
});
