/** The preview of a strategy change in pure code: figures under both files, changes, and their text. */
import { describe, expect, it } from "vitest";
import { previewKeyOf, previewMark, previewSentence, renderPreview } from "../../src/render/strategy-preview.js";
import { renderStrategyFileCheck } from "../../src/render/strategy-file-check.js";
import { parseStrategy } from "../../src/strategy/index.js";
import type { Strategy } from "../../src/strategy/schema.js";
import { createPreview, renamedLabels, type PreviewPull } from "../../src/tally/preview.js";

const strategy = (text: string): Strategy => {
  const parsed = parseStrategy(text, "strategy.yml");
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join("; "));
  return parsed.strategy;
};

const TWO = `version: 1
problems:
  - id: reliability
    title: Reliability
  - id: costs
    title: Hosting costs
`;

let n = 0;
const pull = (before: string[], after: string[], over: Partial<PreviewPull> = {}): PreviewPull => ({
  number: ++n,
  title: `Pull ${n}`,
  url: `https://github.com/o/r/pull/${n}`,
  author: "alice",
  mergedAt: `2026-10-${String((n % 28) + 1).padStart(2, "0")}T10:00:00Z`,
  before,
  after,
  ...over,
});

describe("the preview of a strategy change", () => {
  it("holds shares in author-weeks when the file in force measures by them", () => {
    const measured = strategy(`${TWO}settings:\n  report:\n    measure: author_weeks\n`);
    const preview = createPreview(measured, measured);
    // alice merges three pull requests in one week, bob one: two author-weeks.
    for (let i = 0; i < 3; i++)
      preview.add(pull([], ["reliability"], { author: "alice", mergedAt: "2026-10-06T10:00:00Z" }));
    preview.add(pull(["costs"], ["costs"], { author: "bob", mergedAt: "2026-10-06T10:00:00Z" }));
    const model = preview.result();
    expect(model.measure).toBe("author_weeks");
    const reliability = model.rows.find((r) => r.id === "reliability")!;
    expect(reliability.before).toEqual({ merged: 0, share: 0 });
    expect(reliability.after).toEqual({ merged: 3, share: 0.5 });
    expect(model.unaligned.before.share).toBe(0.5);
    expect(previewSentence(model, "October 2026")).toBe(
      "Last month under this change: Reliability 0% → 50%, unaligned 50% → 0% (3 pull requests change).",
    );
    expect(renderPreview({ model, month: "October 2026" }, "")).toContain("Shares are of author-weeks");
  });

  it('counts what each file\'s ignore_authors leaves out as a change to "not counted"', () => {
    const ignoring = strategy(`${TWO}settings:\n  ignore_authors: ["bot[bot]"]\n`);
    const preview = createPreview(strategy(TWO), ignoring);
    preview.add(pull(["costs"], ["costs"], { author: "bot[bot]" }));
    preview.add(pull(["costs"], ["costs"]));
    const model = preview.result();
    expect(model.merged).toEqual({ before: 2, after: 1 });
    expect(model.changed.count).toBe(1);
    expect(model.changed.first[0]?.after).toBeNull();
    expect(renderPreview({ model, month: "October 2026" }, "")).toContain(": Hosting costs → not counted");
  });

  it("keeps the first 20 changes in merge order, whatever order they come in, and counts the rest", () => {
    const preview = createPreview(strategy(TWO), strategy(TWO));
    const days = Array.from({ length: 30 }, (_, i) => 30 - i);
    for (const d of days)
      preview.add(
        pull([], ["costs"], { number: 1000 + d, mergedAt: `2026-10-${String(d).padStart(2, "0")}T10:00:00Z` }),
      );
    const { changed } = preview.result();
    expect(changed.count).toBe(30);
    expect(changed.first.map((c) => c.number)).toEqual(Array.from({ length: 20 }, (_, i) => 1001 + i));
  });

  it("finds renamed labels by problem id, and the unaligned label", () => {
    const before = strategy(`${TWO}settings:\n  unaligned_label: none\n`);
    const after = strategy(
      TWO.replace("title: Hosting costs", 'title: Hosting costs\n    label: "area: costs"').concat(
        "settings:\n  unaligned_label: unaligned\n",
      ),
    );
    expect([...renamedLabels(before, after)]).toEqual([
      ["strategy: costs", "area: costs"],
      ["none", "unaligned"],
    ]);
  });

  it("quotes pull request titles inertly and carries its mark at the end", () => {
    const preview = createPreview(strategy(TWO), strategy(TWO));
    preview.add(pull([], ["costs"], { title: "@victim <img src=x> [x](https://evil.example)" }));
    const text = renderPreview(
      { model: preview.result(), month: "October 2026" },
      previewMark("month=2026-10 file=abc"),
    );
    expect(text).not.toMatch(/@victim/);
    expect(text).not.toContain("<img");
    expect(text).not.toContain("[x](https://evil");
    expect(previewKeyOf(text)).toBe("month=2026-10 file=abc");
  });

  it("says one pull request in the singular", () => {
    const preview = createPreview(strategy(TWO), strategy(TWO));
    preview.add(pull(["costs"], ["costs"]));
    expect(previewSentence(preview.result(), "October 2026")).toBe(
      "Last month under this change: no change, the 1 merged pull request of October 2026 serves the same problems.",
    );
  });
});

describe("the preview in a check run summary", () => {
  // 30 problems in force and 30 others proposed, every title long and made of characters that escaping lengthens.
  const file = (prefix: string) =>
    `version: 1\nproblems:\n${Array.from(
      { length: 30 },
      (_, i) => `  - id: ${prefix}${i}\n    title: "${"<&".repeat(100)} ${i}"\n    label: "${prefix} ${i} @ops"\n`,
    ).join("")}`;

  it("stays within GitHub's 65,535 characters, the sentence first and the mark last", () => {
    const before = strategy(file("a"));
    const after = strategy(file("b"));
    const preview = createPreview(before, after);
    const all = (p: string) => Array.from({ length: 30 }, (_, i) => `${p}${i}`);
    for (let i = 0; i < 40; i++) preview.add(pull(all("a"), all("b"), { title: "&<".repeat(500) }));
    const model = preview.result();
    const mark = previewMark("month=2026-10 file=abc");
    const text = renderPreview({ model, month: "October 2026" }, mark);
    const check = renderStrategyFileCheck({ path: "strategy.yml", strategy: after, preview: { text, title: "t" } });
    expect(check.summary.length).toBeLessThanOrEqual(65_535);
    expect(check.summary.split("\n")[0]).toBe(previewSentence(model, "October 2026"));
    expect(previewKeyOf(check.summary)).toBe("month=2026-10 file=abc");
    expect(check.summary).toContain("40 pull requests");
  });

  it("cuts the list of changes to what fits and counts the rest", () => {
    const preview = createPreview(strategy(TWO), strategy(TWO));
    for (let i = 0; i < 25; i++) preview.add(pull(["costs"], ["reliability"], { title: "<".repeat(1_000) }));
    const text = renderPreview({ model: preview.result(), month: "October 2026" }, "", 4_000);
    expect(text.length).toBeLessThanOrEqual(4_000);
    const listed = text.split("\n").filter((l) => l.startsWith("- [")).length;
    expect(listed).toBeGreaterThan(0);
    expect(listed).toBeLessThan(20);
    expect(text).toContain(`the first ${listed} of 25`);
    expect(text).toContain(`- …and ${25 - listed} more pull requests.`);
  });

  it("names a renamed label that holds a backtick without ending a code span or mentioning anyone", () => {
    const from = strategy(`${TWO.replace("title: Reliability", "title: Reliability\n    label: rel")}`);
    const to = strategy(`${TWO.replace("title: Reliability", 'title: Reliability\n    label: "x `` @ops ``"')}`);
    const preview = createPreview(from, to);
    preview.add(pull(["reliability"], ["reliability"]));
    const text = renderPreview({ model: preview.result(), month: "October 2026" }, "");
    expect(text).toContain("The label `rel` becomes x \\`\\` @\u200dops \\`\\`");
    expect(text).not.toMatch(/@ops/);
  });
});
