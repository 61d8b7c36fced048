import { describe, expect, it } from "vitest";
import { isoWeek } from "../../src/tally/weeks.js";
import { uvPulls, uvStrategy } from "../fixtures/uv/uv.js";
import { uvReport } from "./uv-report.js";

describe("a report over a real month (astral-sh/uv, June 2026)", () => {
  const { model, body } = uvReport();

  it("counts author-weeks beside pull requests: one per author and ISO week with merged work", () => {
    const ignored = new Set(uvStrategy().settings.ignore_authors);
    const counted = uvPulls("2026-06").filter((p) => !ignored.has(p.author));
    const weeks = new Set(counted.map((p) => `${p.author} ${isoWeek(p.mergedAt)}`));
    expect(model.tally.merged).toBe(counted.length);
    expect(model.tally.authorWeeks).toBe(weeks.size);
    expect(weeks.size).toBeLessThan(counted.length);
    const sum = model.problems.reduce((s, p) => s + (p.authorWeeks ?? 0), model.unaligned.authorWeeks ?? 0);
    expect(sum).toBeCloseTo(weeks.size, 9);
    expect(body).toContain(`**${counted.length} pull requests (${weeks.size} author-weeks) shipped** in June 2026`);
    expect(body).toContain(`"author_weeks":${weeks.size},`);
    expect(body).toContain('"share_author_weeks":');
  });

  it("holds shares, drift and the headline against author-weeks when the strategy says so", () => {
    const byWeeks = uvReport("author_weeks");
    expect(byWeeks.model.measure).toBe("author_weeks");
    for (const p of byWeeks.model.problems) expect(p.held).toBe(p.shareAuthorWeeks);
    expect(byWeeks.body).toMatch(
      /\*\*\d+ author-weeks of work \(\d+ pull requests\) shipped\*\* in June 2026; \*\*[\d.]+% of the author-weeks served the strategy\*\*/,
    );
    expect(byWeeks.body).toContain("Shares of author-weeks are held against the intended share");
  });

  it("links each problem's row to the search of its merged pull requests", () => {
    const search = (label: string) =>
      `https://github.com/astral-sh/uv/pulls?q=${encodeURIComponent(`is:pr is:merged base:main merged:2026-06-01..2026-06-30 label:"${label}" -author:app/renovate -author:app/github-actions`)}`;
    for (const p of model.problems) expect(body).toContain(`| [${p.title}](${search(p.label)}) | ${p.merged} |`);
  });

  it("names notable work without bumps or vendoring, each item under two problems at most", () => {
    const notable = [...model.problems.flatMap((p) => p.notable), ...model.unaligned.notable];
    expect(notable.length).toBeGreaterThan(5);
    const titles = notable.map((i) => i.title);
    expect(titles.filter((t) => /^(bump|update rust crate|sync|vendor)\b/i.test(t))).toEqual([]);
    // June's largest pull requests: a Python release sync (a version bump) and vendored test scenarios.
    expect(titles).not.toContain("Sync Python 3.13.14 and 3.14.6");
    expect(titles).not.toContain("Vendor packse scenarios and serve them from an in-memory index");
    const times = new Map<number, number>();
    for (const i of notable) times.set(i.number, (times.get(i.number) ?? 0) + 1);
    expect(Math.max(...times.values())).toBeLessThanOrEqual(2);
    expect(body).toContain("### Notable shipped work");
  });

  it("suggests rules that name the problem they would serve, or say the work looks outside the strategy", () => {
    expect(model.suggestions.length).toBeGreaterThan(0);
    const named = model.suggestions.filter((s) => s.problem !== null);
    expect(named.length).toBeGreaterThan(0);
    for (const s of named) {
      const title = model.problems.find((p) => p.id === s.problem)?.title;
      expect(body).toContain(`It would serve **${title}**: ${s.alike.serving} of the`);
      expect(s.yaml.startsWith(`# add to problem ${s.problem}\n`)).toBe(true);
    }
    for (const s of model.suggestions.filter((x) => x.problem === null)) expect(s.yaml).toBe("");
    expect(body).not.toContain("<problem-id>");
  });
});
