import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { directoryGlobs, suggestRules, titleWords } from "../../src/tally/index.js";
import { shipped } from "./items.js";
import { strategy } from "./strategy.js";

const s = strategy({
  problems: [
    {
      id: "reliability",
      title: "Reliability",
      match: { labels: ["incident"], keywords: ["outage"], paths: ["infra/**"] },
    },
    { id: "costs", title: "Hosting costs" },
  ],
  settings: { unaligned_label: "unaligned" },
});

describe("candidates", () => {
  it("takes directory globs at depth 1 and 2, skipping generic top-level directories", () => {
    expect(directoryGlobs("billing/api/invoice.ts")).toEqual(["billing/**", "billing/api/**"]);
    expect(directoryGlobs("billing/x.ts")).toEqual(["billing/**"]);
    expect(directoryGlobs("src/billing/deep/x.ts")).toEqual(["src/billing/**"]);
    expect(directoryGlobs("README.md")).toEqual([]);
  });

  it("takes title words of 4 letters or more, without filler or commit types", () => {
    expect(titleWords("feat(billing): Add invoice export for the billing page #123")).toEqual([
      "billing",
      "invoice",
      "export",
      "page",
    ]);
    expect(titleWords("chore: bump lodash from 4.17.20 to 4.17.21")).toEqual(["lodash"]);
  });
});

describe("suggestRules", () => {
  it.each([
    {
      name: "nothing unaligned, nothing to suggest",
      items: [],
      expected: [],
    },
    {
      name: "a pattern in one item only is not a suggestion",
      items: [shipped(1, { files: ["billing/a.ts"] }), shipped(2, { files: ["search/b.ts"] })],
      expected: [],
    },
    {
      name: "a directory shared by several items, the broader glob on a tie",
      items: [
        shipped(1, { files: ["billing/api/a.ts"] }),
        shipped(2, { files: ["billing/api/b.ts", "README.md"] }),
        shipped(3, { files: ["billing/api/c.ts"] }),
        shipped(4, { files: ["search/d.ts"] }),
      ],
      expected: [["paths", "billing/**", 3]],
    },
    {
      name: "labels no rule uses, before paths on a tie; used and strategy labels are skipped",
      items: [
        shipped(1, { labels: ["payments", "incident", "unaligned"], files: ["pay/a.ts"] }),
        shipped(2, { labels: ["Payments", "incident"], files: ["pay/b.ts"] }),
        shipped(3, { labels: ["strategy: costs"] }),
      ],
      expected: [["labels", "payments", 2]],
    },
    {
      name: "greedy: each pick must add items the earlier ones did not capture (used paths are skipped)",
      items: [
        shipped(1, { files: ["billing/a.ts"], title: "Invoice rounding" }),
        shipped(2, { files: ["billing/b.ts"], title: "Invoice totals" }),
        shipped(3, { files: ["billing/c.ts"], title: "Invoice emails" }),
        shipped(4, { title: "Search ranking tweak" }),
        shipped(5, { title: "Search synonyms" }),
        shipped(6, { title: "Tidy infra", files: ["infra/x.tf"] }),
        shipped(7, { title: "Infra alerts", files: ["infra/y.tf"] }),
      ],
      expected: [
        ["paths", "billing/**", 3],
        ["keywords", "infra", 2],
        ["keywords", "search", 2],
      ],
    },
    {
      name: "at most three, and at least 20% of the unaligned items each",
      items: [
        ...[1, 2, 3].map((n) => shipped(n, { files: [`a/${n}.ts`] })),
        ...[4, 5, 6].map((n) => shipped(n, { files: [`b/${n}.ts`] })),
        ...[7, 8, 9].map((n) => shipped(n, { files: [`c/${n}.ts`] })),
        ...[10, 11, 12].map((n) => shipped(n, { files: [`d/${n}.ts`] })),
        ...[13, 14].map((n) => shipped(n, { files: [`e/${n}.ts`] })),
        ...[15].map((n) => shipped(n, { files: [`f/${n}.ts`] })),
      ],
      // 15 items: 20% is 3, so e/** (2 items) could never qualify; a/** to d/** tie and the first three by name win.
      expected: [
        ["paths", "a/**", 3],
        ["paths", "b/**", 3],
        ["paths", "c/**", 3],
      ],
    },
  ])("$name", ({ items, expected }) => {
    const suggestions = suggestRules(items, s);
    expect(suggestions.map((x) => [x.rule, x.value, x.captured])).toEqual(expected);
  });

  const costsWork = [
    shipped(10, { problems: ["costs"], files: ["billing/x.ts"], labels: ['team "pay"'] }),
    shipped(11, { problems: ["costs"], files: ["billing/y.ts"], labels: ['team "pay"'] }),
    shipped(12, { problems: ["reliability"], files: ["billing/z.ts"] }),
  ];

  it("names the problem whose matched work shares most with the items, with a snippet for it that parses", () => {
    const [suggestion] = suggestRules(
      [shipped(1, { labels: ['team "pay"'] }), shipped(2, { labels: ['team "pay"'] })],
      s,
      3,
      costsWork,
    );
    expect(suggestion).toMatchObject({ problem: "costs", alike: { items: 2, serving: 2 } });
    expect(suggestion!.yaml.split("\n")[0]).toBe("# add to problem costs");
    expect(parse(suggestion!.yaml)).toEqual({ match: { labels: ['team "pay"'] } });
    const [path] = suggestRules(
      [shipped(1, { files: ["billing/a.ts"] }), shipped(2, { files: ["billing/b.ts"] })],
      s,
      3,
      costsWork,
    );
    expect(path).toMatchObject({
      rule: "paths",
      value: "billing/**",
      problem: "costs",
      alike: { items: 3, serving: 2 },
    });
    expect(path!.yaml.split("\n").slice(1).join("\n")).toBe('match:\n  paths: ["billing/**"]');
  });

  it("names no problem, and offers no rule to paste, when no problem's work stands out", () => {
    const mixed = [
      shipped(10, { problems: ["costs"], files: ["billing/x.ts"] }),
      shipped(11, { problems: ["reliability"], files: ["billing/y.ts"] }),
    ];
    for (const aligned of [[], mixed]) {
      const [suggestion] = suggestRules(
        [shipped(1, { files: ["billing/a.ts"] }), shipped(2, { files: ["billing/b.ts"] })],
        s,
        3,
        aligned,
      );
      expect(suggestion).toMatchObject({ problem: null, yaml: "" });
    }
  });
});
