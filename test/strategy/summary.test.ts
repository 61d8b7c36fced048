import { describe, expect, it } from "vitest";
import { formatError, parseStrategy, summarizeStrategy } from "../../src/strategy/index.js";

function summaryOf(text: string): string {
  const parsed = parseStrategy(text, "strategy.yml");
  if (!parsed.ok) throw new Error(parsed.errors.map(formatError).join("\n"));
  return summarizeStrategy(parsed.strategy);
}

describe("summarizeStrategy", () => {
  it("tabulates the problems, their shares and rules", () => {
    const text = `version: 1
name: Platform 2026
effective: { from: 2026-01-01 }
problems:
  - id: reliability
    title: Reliability
    share: 40
    metrics: [{ name: Incidents, target: 1 }]
    match: { labels: [bug], keywords: [outage, flaky], paths: ["infra/**"] }
    plan: [{ title: Failover, issue: 12 }]
  - id: costs
    title: Costs
settings:
  check: require
  comment: false
`;
    expect(summaryOf(text)).toBe(
      [
        "**Platform 2026** · active · 2 problems · in force 2026-01-01 to …",
        "",
        "| Problem | Label | Intended share | Recognised by | Metrics | Plan |",
        "| --- | --- | ---: | --- | ---: | ---: |",
        "| Reliability (`reliability`) | strategy: reliability | 40% | 1 label, 2 keywords, 1 path | 1 | 1 |",
        "| Costs (`costs`) | strategy: costs | – | explicit choices only | 0 | 0 |",
        "",
        "Intended shares add up to 40%.",
        "Alignment check required; progress comment off; monthly report in Announcements at `0 9 1 * *` (UTC).",
      ].join("\n"),
    );
  });

  it("keeps user text inert: no mentions, no HTML, no table breaks", () => {
    const text = `version: 1
name: "@acme/leads <b>plan</b>"
problems:
  - id: a
    title: "Fix | @alice <img src=x>"
    label: "a|b"
`;
    const summary = summaryOf(text);
    expect(summary).not.toMatch(/@(acme|alice)/);
    expect(summary).not.toContain("<");
    const row = summary.split("\n").find((line) => line.includes("(`a`)")) ?? "";
    // Exactly the table's own seven pipes; the user's pipes are escaped.
    expect(row.replace(/\\\|/g, "").split("|")).toHaveLength(8);
  });
});
