import { describe, expect, it } from "vitest";
import { StrategyFiles } from "../../src/github/strategy-file.js";
import { createDeps } from "../../src/index.js";
import { testProbot } from "../fixtures/probot.js";

describe("the app state", () => {
  it("is fresh for each app: no cache, guard or memory is shared between two apps", () => {
    const [a, b] = [createDeps(testProbot()), createDeps(testProbot())];
    for (const part of ["strategies", "labels", "permissions", "guards", "onboarded", "identity"] as const) {
      expect(a[part]).not.toBe(b[part]);
    }
  });

  it("takes the parts an entry point supplies, and reports through the same state", () => {
    const strategies = new StrategyFiles();
    const deps = createDeps(testProbot(), { strategies });
    expect(deps.strategies).toBe(strategies);
    expect(deps.report).toBeTypeOf("function");
  });
});
