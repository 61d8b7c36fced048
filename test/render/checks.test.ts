import { describe, expect, it } from "vitest";
import { renderAlignmentCheck, renderStrategyFileCheck, type StrategyErrorLike } from "../../src/render/index.js";
import { calmMonth, served, strategy, unaligned } from "./fixtures.js";

const oct = { title: "October 2026" };

describe("renderAlignmentCheck", () => {
  it.each([
    ["serves a problem, warn", "warn", served, undefined, "success"],
    ["serves a problem, require", "require", served, undefined, "success"],
    ["unaligned, warn", "warn", unaligned, undefined, "neutral"],
    ["unaligned, require", "require", unaligned, undefined, "failure"],
    ["unaligned, require, ignored author", "require", unaligned, "dependabot[bot]", "neutral"],
    ["unaligned, off", "off", unaligned, undefined, "neutral"],
  ] as const)("%s → %s", (_name, check, decision, author, conclusion) => {
    const s = strategy({ settings: { check, ignore_authors: ["dependabot[bot]"] } });
    expect(renderAlignmentCheck({ strategy: s, decision, month: oct, tally: calmMonth, author }).conclusion).toBe(
      conclusion,
    );
  });

  it("is a line and a link to the progress comment, not a copy of it", () => {
    const commentUrl = "https://github.com/acme/widgets/pull/7#issuecomment-99";
    const out = renderAlignmentCheck({
      strategy: strategy(),
      decision: served,
      month: oct,
      tally: calmMonth,
      commentUrl,
    });
    expect(out.summary).toBe(
      "This pull request serves **Reliability** (“outage” in the title, changes infra/main.tf (+2 more)) and **Hosting costs** (changes terraform/db.tf).\n\n" +
        `The month so far and every reason: [the progress comment](${commentUrl}).`,
    );
  });

  it("without a comment (settings.comment: false), has the comment's content without the marker, and a short title", () => {
    const out = renderAlignmentCheck({ strategy: strategy(), decision: served, month: oct, tally: calmMonth });
    expect(out.title).toBe("Serves Reliability and Hosting costs");
    expect(out.summary.startsWith("This pull request serves **Reliability**")).toBe(true);
    expect(out.summary).not.toContain("throughline:progress");
    expect(out).toMatchSnapshot();
  });

  it("is neutral while the strategy file is invalid", () => {
    const out = renderAlignmentCheck({
      invalid: { file: "strategy.yml", errors: ["strategy.yml:1:1 version: expected 1"] },
    });
    expect(out).toMatchObject({ conclusion: "neutral", title: "The strategy file is invalid" });
    expect(out.summary).toContain("version: expected 1");
  });

  it("keeps the summary under GitHub's limit", () => {
    const reasons = Array.from({ length: 4000 }, (_, i) => ({
      problem: "costs",
      source: "paths" as const,
      detail: `terraform/${"x".repeat(100)}-${i}.tf`,
    }));
    const out = renderAlignmentCheck({
      strategy: strategy(),
      decision: { ...served, reasons },
      month: oct,
      tally: calmMonth,
    });
    expect(out.summary.length).toBeLessThan(65_535);
  });
});

describe("renderStrategyFileCheck", () => {
  it("lists the problems of a valid file", () => {
    const out = renderStrategyFileCheck({ path: "strategy.yml", strategy: strategy() });
    expect(out.conclusion).toBe("success");
    expect(out.title).toBe("2 problems");
    expect(out.annotations).toBeUndefined();
    expect(out.summary).toContain("| Reliability | `reliability` | strategy: reliability | 40% |");
    expect(out.summary).toContain("| Hosting costs | `costs` | strategy: costs | 20% |");
    expect(out).toMatchSnapshot();
  });

  it("says '1 problem' for one", () => {
    const one = strategy({ problems: [{ id: "speed", title: "Speed" }] });
    expect(renderStrategyFileCheck({ path: "strategy.yml", strategy: one }).title).toBe("1 problem");
  });

  const errors: StrategyErrorLike[] = [
    { file: "strategy.yml", line: 14, column: 9, path: "problems[1].id", message: '"reliability" is used twice' },
    { file: "strategy.yml", line: 3, column: 1, path: "setings", message: "unknown key <b>setings</b>" },
  ];

  it("fails with one annotation per error on the file's path and line", () => {
    const out = renderStrategyFileCheck({ path: "strategy.yml", errors });
    expect(out.conclusion).toBe("failure");
    expect(out.title).toBe("2 errors in strategy.yml");
    expect(out.annotations).toEqual([
      {
        path: "strategy.yml",
        start_line: 14,
        end_line: 14,
        annotation_level: "failure",
        message: 'problems[1].id: "reliability" is used twice',
        title: "problems[1].id",
      },
      {
        path: "strategy.yml",
        start_line: 3,
        end_line: 3,
        annotation_level: "failure",
        message: "setings: unknown key <b>setings</b>",
        title: "setings",
      },
    ]);
    expect(out.summary).toContain('- line 14, column 9 problems\\[1\\].id: "reliability" is used twice');
    expect(out.summary).toContain("unknown key &lt;b&gt;setings&lt;/b&gt;");
    expect(out).toMatchSnapshot();
  });

  it("annotates a file under .github by its full path, and an inherited file's error on line 1", () => {
    const out = renderStrategyFileCheck({
      path: ".github/strategy.yml",
      errors: [
        { ...errors[0]!, file: "strategy.yml" },
        {
          file: "acme/.github:strategy.yml",
          line: 7,
          column: 3,
          path: "problems[0].share",
          message: "expected a number",
        },
      ],
    });
    expect(out.annotations?.map((a) => [a.path, a.start_line])).toEqual([
      [".github/strategy.yml", 14],
      [".github/strategy.yml", 1],
    ]);
    expect(out.annotations?.[1]?.message).toBe("acme/.github:strategy.yml:7:3 problems[0].share: expected a number");
  });

  it("returns every annotation (the edge batches them by 50) and a summary under the limit", () => {
    const many = Array.from({ length: 1200 }, (_, i) => ({
      ...errors[0]!,
      line: i + 1,
      message: `bad value ${"x".repeat(100)}`,
    }));
    const out = renderStrategyFileCheck({ path: "strategy.yml", errors: many });
    expect(out.annotations).toHaveLength(1200);
    expect(out.title).toBe("1,200 errors in strategy.yml");
    expect(out.summary.length).toBeLessThan(65_535);
    expect(out.summary).toMatch(/…and \d+ more \(see the annotations\)\.$/);
  });
});
