import { describe, expect, it } from "vitest";
import { inForceDuring, notInForce } from "../../src/strategy/in-force.js";
import { parseStrategy } from "../../src/strategy/index.js";
import type { Strategy } from "../../src/strategy/schema.js";

function strategy(head: string): Strategy {
  const parsed = parseStrategy(`version: 1\n${head}problems:\n  - id: a\n    title: A\n`, "strategy.yml");
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join("; "));
  return parsed.strategy;
}

describe("whether a strategy is in force", () => {
  it.each([
    ["", "2026-11-25", undefined],
    ["status: draft\n", "2026-11-25", "the strategy is a draft (`status: draft`)"],
    ["status: retired\n", "2026-11-25", "the strategy is retired (`status: retired`)"],
    ["effective: { from: 2027-01-01 }\n", "2026-12-31", "the strategy takes effect on 2027-01-01"],
    ["effective: { from: 2027-01-01 }\n", "2027-01-01", undefined],
    ["effective: { until: 2026-10-31 }\n", "2026-10-31", undefined],
    ["effective: { until: 2026-10-31 }\n", "2026-11-01", "the strategy ended on 2026-10-31"],
  ])("%s on %s: %s", (head, day, reason) => {
    expect(notInForce(strategy(head), day)).toBe(reason);
  });

  it.each([
    ["", true],
    ["status: draft\n", false],
    ["effective: { until: 2026-10-15 }\n", true],
    ["effective: { until: 2026-09-30 }\n", false],
    ["effective: { from: 2026-10-31 }\n", true],
    ["effective: { from: 2026-11-01 }\n", false],
  ])("%s during October 2026: %s", (head, expected) => {
    expect(inForceDuring(strategy(head), "2026-10-01", "2026-10-31")).toBe(expected);
  });
});
