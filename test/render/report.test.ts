import { describe, expect, it } from "vitest";
import { REPORT_MARKER, renderReport } from "../../src/render/index.js";
import type { ProblemReport, ReportModel } from "../../src/tally/report-model.js";
import { DATA, item, reportModel } from "./fixtures.js";
import { normalise } from "./helpers.js";

/** The parts that must survive any trimming. */
function expectCore(body: string) {
  expect(body.startsWith(`${REPORT_MARKER}\n`)).toBe(true);
  expect(body.endsWith(DATA)).toBe(true);
  expect(body).toContain(
    "**120 pull requests (24 author-weeks) shipped** in October 2026; **45% served the strategy**",
  );
  expect(body).toContain(
    "| Problem | Merged PRs | Share of PRs | Author-weeks | Share of author-weeks | Intended | vs last month | Issues closed |",
  );
  expect(body).toContain("| _Unaligned_ | 66 | 55% ⚠️ | 11.5 | 47.9% | — | ↑ 3 pts | — |");
  expect(body.length).toBeLessThan(65_536);
}

describe("renderReport", () => {
  it("renders the whole report, ending with the data comment", () => {
    const { title, body } = renderReport(reportModel(), DATA);
    expect(title).toBe("Strategy alignment: October 2026");
    expectCore(body);
    expect(normalise(body)).toMatchSnapshot();
  });

  it("puts the sections in reading order", () => {
    const { body } = renderReport(reportModel(), DATA);
    const order = [
      "> [!WARNING]",
      "### Shipped work by problem",
      "pie title",
      "xychart-beta",
      "### Metrics",
      "### Plan",
      "### Notable",
      "### Suggestions",
      "### Method",
      "<!-- throughline:data",
    ];
    const positions = order.map((s) => body.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("shows change in points with arrows, and flags drift in the summary and the table", () => {
    const model = reportModel();
    model.problems[1]!.drift = true;
    const { body } = renderReport(model, DATA);
    const search =
      "https://github.com/acme/widgets/pulls?q=is%3Apr%20is%3Amerged%20base%3Amain%20merged%3A2026-10-01..2026-10-31";
    expect(body).toContain(
      `| [Reliability](${search}%20label%3A%22strategy%3A%20reliability%22%20-author%3Aapp%2Fdependabot) | 48 | 37.5% | 9.5 | 39.6% | 40% | ↑ 5 pts | 14 |`,
    );
    expect(body).toContain(
      `| [Hosting costs](${search}%20label%3A%22strategy%3A%20costs%22%20-author%3Aapp%2Fdependabot) | 12 | 7.5% ⚠️ | 3 | 12.5% | 20% | ↓ 8.5 pts | 2 |`,
    );
    expect(body).toContain(
      `| **[All shipped work](${search}%20-author%3Aapp%2Fdependabot)** | **120** | 100% | **24** | 100% | 60% |  |  |`,
    );
    // Said once: in the call-out, not again beside the headline.
    expect(body.match(/12\.5 points under/g)).toHaveLength(1);
    expect(body).toContain(
      "> **Hosting costs** drifted: 7.5% of shipped work against 20% intended (12.5 points under).",
    );
    expect(body).not.toContain("Biggest drift");
  });

  it("has no alert when nothing drifted and unaligned work is under the threshold", () => {
    const model = reportModel();
    model.unaligned.alert = false;
    const { body } = renderReport(model, DATA);
    expect(body).not.toContain("[!WARNING]");
    expect(body).toContain("Every problem is within its drift threshold");
  });

  it("draws a trend line per problem plus unaligned, with a legend naming the colours", () => {
    const { body } = renderReport(reportModel(), DATA);
    expect(body).toContain('x-axis ["Aug 2026", "Sep 2026", "Oct 2026"]');
    expect(body).toContain("line [30, 32.5, 37.5]");
    expect(body).toContain("line [50, 51.5, 55]");
    expect(body).toContain("🟥 Reliability · 🟦 Hosting costs · ⬛ Unaligned");
  });

  it("keeps to the last six months and leaves the trend out without history", () => {
    const model = reportModel();
    model.previous = Array.from({ length: 9 }, (_, i) => ({ key: `2026-0${i + 1}`, tally: model.tally }));
    expect(renderReport(model, DATA).body).toContain(
      'x-axis ["May 2026", "Jun 2026", "Jul 2026", "Aug 2026", "Sep 2026", "Oct 2026"]',
    );
    model.previous = [];
    expect(renderReport(model, DATA).body).not.toContain("xychart-beta");
  });

  it("shows metric errors next to the figure, and flags plan entries that do not exist", () => {
    const { body } = renderReport(reportModel(), DATA);
    expect(body).toContain("| Reliability | Flaky tests | 40 → — (⚠️ GitHub rejected the count query) → 0 | — | — |");
    expect(body).toContain(
      "| Reliability | Sev-1 incidents per month | 6 → 4 → 1 incidents | 40% | Aug 2026: 5 · Sep 2026: 5 |",
    );
    expect(body).toContain("**Reliability**: 3 of 5 plan issues done (60%).");
    expect(body).toContain("- ⚠️ Runbooks: label “runbook” does not exist in this repository, so it counts nothing.");
  });

  it("lists strategy versions only when the file changed mid-month", () => {
    const model = reportModel();
    expect(renderReport(model, DATA).body).not.toContain("### Strategy versions");
    model.versions = [
      { commit: "1111111aaaaaaa", from: "2026-10-01" },
      { commit: "2222222bbbbbbb", from: "2026-10-14" },
    ];
    expect(renderReport(model, DATA).body).toContain("- `2222222` from 2026-10-14");
  });

  it("says plainly when nothing shipped, without a pie", () => {
    const model = reportModel();
    model.tally = { merged: 0, problems: {}, unaligned: { merged: 0, share: 0 } };
    const { body } = renderReport(model, DATA);
    expect(body).toContain("**No pull requests were merged** into the default branch in October 2026.");
    expect(body).not.toContain("pie title");
  });
});

describe("renderReport within GitHub's size limit", () => {
  const huge = "T".repeat(70_000);

  function bigModel(problems: number, build: (p: ProblemReport, i: number) => void): ReportModel {
    const model = reportModel();
    const base = model.problems[0]!;
    model.problems = Array.from({ length: problems }, (_, i) => {
      const p: ProblemReport = structuredClone({ ...base, id: `p${i}`, title: `${huge} ${i}` });
      build(p, i);
      return p;
    });
    return model;
  }

  it("survives 70,000-character titles everywhere", () => {
    const model = bigModel(30, (p) => {
      p.notable = [item(1, huge, [p.id])];
      p.metrics[0]!.name = huge;
      p.plan!.entries[0]!.title = huge;
    });
    model.strategyName = huge;
    const { body } = renderReport(model, DATA);
    expect(body.length).toBeLessThan(65_536);
    expect(body.startsWith(`${REPORT_MARKER}\n`)).toBe(true);
    expect(body.endsWith(DATA)).toBe(true);
    expect(body).toContain("| _Unaligned_ | 66 |");
  });

  it("stays within the limit with thousands of notable items", () => {
    const model = reportModel();
    for (const p of model.problems)
      p.notable = Array.from({ length: 5000 }, (_, i) => item(i, `Item ${i} ${"x".repeat(200)}`, [p.id]));
    model.unaligned.notable = Array.from({ length: 5000 }, (_, i) => item(i, "y".repeat(500), []));
    const { body } = renderReport(model, DATA);
    expectCore(body);
    expect(body).toContain("- …and 4995 more");
  });

  it("drops notable items, then history, then suggestions, keeping the core", () => {
    const model = bigModel(30, (p) => {
      p.metrics = Array.from({ length: 20 }, (_, i) => ({
        ...p.metrics[0]!,
        name: `Metric ${i}`,
        history: Array.from({ length: 6 }, (_, j) => ({ key: `2026-0${j + 1}`, value: j })),
      }));
    });
    model.suggestions = Array.from({ length: 5 }, (_, i) => ({
      rule: "paths" as const,
      value: `dir${i}/**`,
      captured: 3,
      problem: "p0",
      alike: { items: 3, serving: 3 },
      yaml: "x".repeat(5000),
    }));
    const { body } = renderReport(model, DATA);
    expect(body.length).toBeLessThan(65_536);
    expect(body.endsWith(DATA)).toBe(true);
    expect(body).not.toContain("### Notable shipped work");
    expect(body).not.toContain("| History |");
    expect(body).toContain("Left out to fit GitHub's size limit: notable items, metric history");
  });

  it("shortens metric and plan lists when even that is not enough", () => {
    const model = bigModel(30, (p) => {
      p.metrics = Array.from({ length: 200 }, (_, i) => ({ ...p.metrics[0]!, name: `Metric ${i}` }));
      p.plan!.entries = Array.from({ length: 500 }, (_, i) => ({
        title: `Step ${i}`,
        kind: "issue" as const,
        ref: `#${i}`,
        done: 0,
        total: 1,
        missing: i % 2 === 0,
      }));
    });
    const { body } = renderReport(model, DATA);
    expect(body.length).toBeLessThan(65_536);
    expect(body.endsWith(DATA)).toBe(true);
    expect(body).toContain("| _Unaligned_ | 66 |");
    expect(body).toMatch(/more metrics left out to fit GitHub's size limit/);
  });
});
