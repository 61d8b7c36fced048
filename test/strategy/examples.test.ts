import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatError, parseStrategy, type Parsed } from "../../src/strategy/index.js";
import { STRATEGY_SCHEMA_URL } from "../../src/strategy/json-schema.js";

const read = (name: string) => readFileSync(new URL(`../../examples/${name}`, import.meta.url), "utf8");

function valid(parsed: Parsed) {
  if (!parsed.ok) throw new Error(parsed.errors.map(formatError).join("\n"));
  return parsed.strategy;
}

describe("the example strategies", () => {
  it.each(["strategy.yml", "org-strategy.yml", "repo-extends.yml", "rumelt-kernel.yml", "okr.yml"])(
    "%s points editors at the JSON Schema",
    (name) => {
      expect(read(name).split("\n")[0]).toBe(`# yaml-language-server: $schema=${STRATEGY_SCHEMA_URL}`);
    },
  );

  it("strategy.yml is valid, with defaults filled in and labels resolved", () => {
    const s = valid(parseStrategy(read("strategy.yml"), "strategy.yml"));
    expect(s.problems.map((p) => [p.id, p.label, p.share])).toEqual([
      ["reliability", "strategy: reliability", 40],
      ["costs", "strategy: costs", 20],
      ["onboarding", "strategy: onboarding", 15],
    ]);
    expect(s.effective).toEqual({ from: "2026-01-01", until: "2026-12-31" });
    expect(s.problems[0]!.match.patterns).toEqual(["^fix(\\(.+\\))?:", "(?i)\\bsev-?1\\b"]);
    expect(s.problems[2]!.plan).toEqual([]);
    expect(s.settings.report).toEqual({
      category: "Announcements",
      schedule: "0 9 1 * *",
      timezone: "Europe/Paris",
      measure: "pull_requests",
    });
  });

  it("org-strategy.yml states the four classic problems, each with a metric and a plan", () => {
    const s = valid(parseStrategy(read("org-strategy.yml"), "strategy.yml"));
    expect(s.problems.map((p) => p.id)).toEqual(["reliability", "costs", "people", "innovation"]);
    for (const p of s.problems) expect([p.id, p.metrics.length > 0, p.plan.length > 0]).toEqual([p.id, true, true]);
    expect(s.settings.report.schedule).toBe("0 9 1 * *");
  });

  it("repo-extends.yml is valid on top of org-strategy.yml", () => {
    const base = { text: read("org-strategy.yml"), file: "acme/.github:strategy.yml" };
    const s = valid(parseStrategy(read("repo-extends.yml"), "strategy.yml", base));
    expect(s.problems.map((p) => p.id)).toEqual(["reliability", "costs", "people", "innovation"]);
    expect(s.problems[0]!.match.paths).toEqual(["services/payments/retry/**", "infra/**"]);
    expect(s.problems[0]!.match.labels).toEqual(["bug", "incident", "sev1", "payments-incident"]);
    expect(s.settings.check).toBe("require");
    expect(s.settings.report.category).toBe("Payments");
    expect(s.settings.ignore_authors).toEqual(["dependabot[bot]"]);
  });

  it("gives each parse its own default lists", () => {
    const text = "version: 1\nproblems:\n  - id: a\n    title: A\n  - id: b\n    title: B\n";
    const first = valid(parseStrategy(text, "strategy.yml"));
    const second = valid(parseStrategy(text, "strategy.yml"));
    first.problems[0]!.match.labels.push("changed");
    first.settings.ignore_authors.push("changed");
    expect(first.problems[1]!.match.labels).toEqual([]);
    expect(second.problems[0]!.match.labels).toEqual([]);
    expect(second.settings.ignore_authors).toEqual([]);
  });

  it("rumelt-kernel.yml has a diagnosis, guiding policies and coherent actions", () => {
    const s = valid(parseStrategy(read("rumelt-kernel.yml"), "strategy.yml"));
    expect(s.diagnosis).toMatch(/front door/);
    expect(s.policies).toHaveLength(3);
    expect(s.problems.flatMap((p) => p.plan.map((a) => a.title))).toHaveLength(3);
  });

  it("okr.yml gives each objective key results with a baseline and a target", () => {
    const s = valid(parseStrategy(read("okr.yml"), "strategy.yml"));
    for (const p of s.problems)
      for (const m of p.metrics)
        expect([m.name, typeof m.baseline, typeof m.target]).toEqual([m.name, "number", "number"]);
  });
});
