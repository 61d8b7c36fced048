/**
 * Whatever people type (titles, labels, metric names, notes, errors) comes out inert in everything the app
 * writes: no live mention, no HTML, no forged marker.
 */
import { describe, expect, it } from "vitest";
import type { Decision } from "../../src/classify/types.js";
import {
  PROGRESS_MARKER,
  REPORT_MARKER,
  renderAlignmentCheck,
  renderCommandHelp,
  renderComment,
  renderExplainReply,
  renderReport,
  renderStrategyFileCheck,
} from "../../src/render/index.js";
import { DATA, calmMonth, item, reportModel, strategy } from "./fixtures.js";
import { HOSTILE, HOSTILE_TITLE, LIVE_MENTION, outsideCode, withoutOwnTags } from "./helpers.js";

const hostileStrategy = strategy({
  name: HOSTILE_TITLE,
  problems: [
    { id: "reliability", title: HOSTILE_TITLE, share: 40, label: "@alice <b>x</b>" },
    { id: "costs", title: "@org/team", share: 20 },
  ],
});

const hostileDecision: Decision = {
  problems: ["reliability", "costs"],
  level: "rules",
  reasons: HOSTILE.flatMap((h) => [
    { problem: "reliability", source: "keywords" as const, detail: h },
    { problem: "costs", source: "paths" as const, detail: h },
    { problem: "costs", source: "labels" as const, detail: h },
  ]),
  notes: HOSTILE,
};

function hostileReport() {
  const model = reportModel();
  model.strategyName = HOSTILE_TITLE;
  model.repo = "@alice/<img src=x>";
  model.notes = HOSTILE;
  for (const p of model.problems) {
    p.title = HOSTILE_TITLE;
    p.notable = HOSTILE.map((h, i) => item(i + 1, h, [p.id]));
    for (const m of p.metrics) {
      m.name = HOSTILE_TITLE;
      m.unit = "@bob";
      m.error = "<script>@carol</script>";
    }
    for (const e of p.plan?.entries ?? []) {
      e.title = HOSTILE_TITLE;
      e.ref = "@dave <i>";
    }
  }
  model.unaligned.notable = HOSTILE.map((h, i) => item(i + 100, h, []));
  model.suggestions = [
    {
      rule: "labels",
      value: "@erin <u>",
      captured: 2,
      problem: "reliability",
      alike: { items: 3, serving: 2 },
      yaml: "match:\n  labels: ['@erin']\n",
    },
  ];
  return model;
}

/** Every Markdown text the app writes, from hostile input, with the marker it must start with (if any). */
const outputs: [string, string, string | null][] = [
  [
    "comment",
    renderComment({
      strategy: hostileStrategy,
      decision: hostileDecision,
      month: { title: "October 2026" },
      tally: calmMonth,
    }),
    PROGRESS_MARKER,
  ],
  ["invalid comment", renderComment({ invalid: { file: "@alice.yml", errors: HOSTILE } }), PROGRESS_MARKER],
  [
    "alignment check",
    renderAlignmentCheck({
      strategy: hostileStrategy,
      decision: hostileDecision,
      month: { title: "October 2026" },
      tally: calmMonth,
    }).summary,
    null,
  ],
  ["strategy file check", renderStrategyFileCheck({ path: "strategy.yml", strategy: hostileStrategy }).summary, null],
  [
    "strategy file errors",
    renderStrategyFileCheck({
      path: "strategy.yml",
      errors: HOSTILE.map((h, i) => ({ file: "strategy.yml", line: i + 1, column: 1, path: h, message: h })),
    }).summary,
    null,
  ],
  ["explain", renderExplainReply(hostileStrategy, hostileDecision), null],
  ["command help", renderCommandHelp(hostileStrategy, { kind: "unknown-id", ids: HOSTILE }), null],
  ["report", renderReport(hostileReport(), DATA).body, REPORT_MARKER],
];

describe.each(outputs)("%s from hostile input", (_name, md, marker) => {
  it("has no live mention outside code", () => {
    const text = outsideCode(md);
    expect(text.match(LIVE_MENTION)).toBeNull();
    expect(text).not.toContain("&#64;");
  });

  it("has no raw '<' from user text", () => {
    expect(withoutOwnTags(outsideCode(md))).not.toContain("<");
  });

  it("carries the app's marker exactly once, at the start, or not at all", () => {
    const count = (m: string) => md.split(m).length - 1;
    expect(count(PROGRESS_MARKER) + count(REPORT_MARKER)).toBe(marker ? 1 : 0);
    if (marker) expect(md.startsWith(`${marker}\n`)).toBe(true);
  });
});

describe("Mermaid labels from hostile titles", () => {
  it("cannot break the charts", () => {
    const body = renderReport(hostileReport(), DATA).body;
    const charts = [...body.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)].map((m) => m[1]);
    expect(charts).toHaveLength(2);
    for (const chart of charts) {
      const lines = chart!.split("\n").filter((l) => !l.startsWith("%%{init"));
      expect(lines[0]).toMatch(/^(pie title [^"]*|xychart-beta)$/);
      for (const line of lines.slice(1)) {
        // Labels are the quoted runs; no quote, semicolon, backtick, angle bracket or "@" survives inside one.
        expect((line.match(/"/g) ?? []).length % 2).toBe(0);
        for (const label of line.match(/"[^"]*"/g) ?? []) expect(label).not.toMatch(/[;`<>@#]/);
        expect(line.replace(/"[^"]*"/g, "")).not.toMatch(/[;`<@]/);
      }
    }
  });
});
