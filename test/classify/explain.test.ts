import { describe, expect, it } from "vitest";
import { classify, describeReason, explainDecision } from "../../src/classify/index.js";
import type { Reason } from "../../src/classify/types.js";
import { item, strategy } from "./strategy.js";

const s = strategy();

describe("describeReason", () => {
  it.each<[Reason, string]>([
    [{ problem: "x", source: "keywords", detail: "outage", where: "title" }, 'keyword "outage" in the title'],
    [{ problem: "x", source: "keywords", detail: "outage", where: "body" }, 'keyword "outage" in the description'],
    [{ problem: "x", source: "paths", detail: "infra/main.tf (+3 more)" }, "path infra/main.tf (+3 more)"],
    [{ problem: "x", source: "labels", detail: "bug" }, 'label "bug"'],
    [{ problem: "x", source: "linked", detail: "#12" }, "closes \\#12"],
    [{ problem: "x", source: "serves", detail: "Serves: x" }, "Serves: line in the description"],
    [{ problem: "x", source: "command", detail: "/strategy x" }, "/strategy command"],
    [{ problem: "x", source: "label", detail: "strategy: x" }, 'label "strategy: x" applied by a person'],
    [{ problem: "x", source: "patterns", detail: "^fix:" }, 'title matches "^fix:"'],
    [{ problem: "x", source: "branches", detail: "hotfix/a" }, "branch hotfix/a"],
    [{ problem: "x", source: "milestones", detail: "Q3" }, 'milestone "Q3"'],
    [{ problem: "x", source: "authors", detail: "sre-bot" }, "author sre-bot"],
    [{ problem: "x", source: "labels", detail: "<img src=x> @org/team" }, 'label "&lt;img src=x&gt; @\u200dorg/team"'],
  ])("%j", (reason, phrase) => {
    expect(describeReason(reason)).toBe(phrase);
  });
});

describe("explainDecision", () => {
  it("names the problems served, by title, and why", () => {
    const d = classify(s, item({ title: "fix: outage", labels: ["dx"], files: ["infra/a", "infra/b"] }));
    expect(explainDecision(s, d)).toBe(
      [
        "This item serves 2 problems (matched by the strategy's rules):",
        "",
        '- **Reliability** (`reliability`): keyword "outage" in the title; title matches "^fix(\\\\(.+\\\\))?:"; path infra/a (+1 more)',
        '- **Developer &lt;b&gt;experience&lt;/b&gt; @\u200dteam** (`dx`): label "dx"',
        "",
        "To change it, add a line `Serves: <id>` (or `Serves: none`) to the description, or comment `/strategy <id>` (or `/strategy none`). Valid ids: `reliability`, `costs`, `dx`.",
      ].join("\n"),
    );
  });

  it("says an unserved item serves no problem and how to change that", () => {
    const text = explainDecision(s, classify(s, item({ title: "Update readme" })));
    expect(text).toMatch(/^This item serves \*\*no problem\*\* of the strategy \(no rule matched\)\./);
    expect(text).toContain("`Serves: <id>`");
    expect(text).toContain("`/strategy <id>`");
    expect(text).toContain("Valid ids: `reliability`, `costs`, `dx`.");
  });

  it("names the explicit source of a none, and carries notes", () => {
    const text = explainDecision(s, classify(s, item({ body: "Serves: speed\nServes: none" })));
    expect(text).toContain("serves **no problem** of the strategy (chosen explicitly, by a `Serves:` line in the description)");
    const noted = explainDecision(s, classify(s, item({ body: "Serves: speed, dx" })));
    expect(noted).toContain('_The Serves: line names no such problem: "speed" (valid ids: reliability, costs, dx)._');
  });
});
