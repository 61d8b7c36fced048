import { describe, expect, it } from "vitest";
import {
  buildReport,
  dataComment,
  metricHistory,
  monthPeriod,
  parseDataComment,
  previousData,
  previousTallies,
  reportData,
  tallyItems,
  type ReportModel,
} from "../../src/tally/index.js";
import { strategy } from "./strategy.js";

const SHA = "0123456789abcdef0123456789abcdef01234567";

function sampleModel(): ReportModel {
  const s = strategy({
    problems: [
      {
        id: "reliability",
        title: "Reliability",
        share: 40,
        metrics: [
          { name: "Sev-1 incidents per month", baseline: 6, target: 1, current: 4 },
          { name: "Flaky builds --> watch <b>", target: 0, count: "is:issue label:flaky created:{period}" },
        ],
        plan: [{ title: "Failover", issue: 1 }],
      },
      { id: "costs", title: "Hosting costs", share: 25 },
      { id: "dx", title: "Developer experience" },
    ],
  });
  const items = [
    ...Array.from({ length: 3 }, () => ({ author: "ada", problems: ["reliability"] })),
    { author: "ada", problems: ["reliability", "costs"] },
    ...Array.from({ length: 4 }, () => ({ author: "bob", problems: [] })),
  ];
  return buildReport({
    strategy: s,
    repo: "acme/platform",
    period: monthPeriod("2026-10", "UTC"),
    commit: SHA,
    tally: tallyItems(s, items),
    readings: { reliability: [undefined, { value: null, error: "GitHub rejected the query" }] },
    plans: { reliability: [{ exists: true, number: 1, state: "closed", stateReason: "completed" }] },
  });
}

describe("reportData", () => {
  it("has exactly the spec's shape", () => {
    // toStrictEqual: a key holding undefined is not the same as an absent key.
    expect(reportData(sampleModel())).toStrictEqual({
      version: 1,
      period: { from: "2026-10-01", to: "2026-10-31", timezone: "UTC" },
      commit: SHA,
      merged: 8,
      problems: {
        reliability: {
          merged: 4,
          share: 0.4375,
          metrics: [
            { name: "Sev-1 incidents per month", baseline: 6, current: 4, target: 1, progress: 0.4 },
            { name: "Flaky builds --> watch <b>", baseline: null, current: null, target: 0, progress: null },
          ],
          plan: { done: 1, total: 1 },
        },
        costs: { merged: 1, share: 0.0625, drift: true },
        dx: { merged: 0, share: 0 },
      },
      unaligned: { merged: 4, share: 0.5 },
    });
  });

  it("writes unknown figures as null rather than leaving them out", () => {
    const json = JSON.stringify(reportData(sampleModel()));
    expect(json).toContain('"baseline":null,"current":null,"target":0,"progress":null');
  });
});

describe("dataComment", () => {
  it("is one hidden comment that user text cannot close", () => {
    const comment = dataComment(sampleModel());
    expect(comment.startsWith('<!-- throughline:data {"version":1,"period":{"from":"2026-10-01"')).toBe(true);
    expect(comment.endsWith("} -->")).toBe(true);
    expect(comment.indexOf("-->")).toBe(comment.length - 3);
    expect(comment).not.toMatch(/<b>/);
    expect(comment).toContain("\\u003e");
  });

  it("round-trips through parseDataComment, even amid a report", () => {
    const model = sampleModel();
    const body = `# Strategy alignment: October 2026\n\nSome text --> and <!-- a comment -->\n\n${dataComment(model)}\n`;
    expect(parseDataComment(body)).toStrictEqual(reportData(model));
  });
});

describe("parseDataComment", () => {
  const valid = '{"version":1,"period":{"from":"2026-09-01","to":"2026-09-30","timezone":"UTC"},"commit":null,"merged":2,"problems":{"a":{"merged":1,"share":0.5}},"unaligned":{"merged":1,"share":0.5}}';

  it.each([
    ["not a string", 42],
    ["no comment", "# A report without data"],
    ["empty comment", "<!-- throughline:data  -->"],
    ["broken JSON", "<!-- throughline:data {\"version\":1, -->"],
    ["a future version", `<!-- throughline:data ${valid.replace('"version":1', '"version":2')} -->`],
    ["a string where a number belongs", `<!-- throughline:data ${valid.replace('"merged":2', '"merged":"2"')} -->`],
    ["a missing unaligned row", `<!-- throughline:data ${valid.replace(/,"unaligned":.*}$/, "}")} -->`],
    ["JSON null", "<!-- throughline:data null -->"],
    ["an array", "<!-- throughline:data [1,2] -->"],
    ["a bad date", `<!-- throughline:data ${valid.replace("2026-09-01", "September")} -->`],
  ])("returns null for %s", (_, body) => {
    expect(parseDataComment(body)).toBeNull();
  });

  it("reads a valid comment, keeping the last one and dropping malformed extras", () => {
    const withBadMetrics = valid.replace('"share":0.5}}', '"share":0.5,"metrics":"oops","plan":{"done":1,"total":2}}}');
    const body = `<!-- throughline:data {"broken": -->\n<!-- throughline:data ${withBadMetrics} -->`;
    expect(parseDataComment(body)?.problems).toEqual({ a: { merged: 1, share: 0.5, plan: { done: 1, total: 2 } } });
  });
});

describe("earlier reports", () => {
  const body = (key: string, merged: number, current: number | null) =>
    `<!-- throughline:data ${JSON.stringify({
      version: 1,
      period: { from: `${key}-01`, to: `${key}-28`, timezone: "UTC" },
      commit: null,
      merged,
      problems: { a: { merged, share: 1, metrics: [{ name: "m", baseline: 1, current, target: 0, progress: null }] } },
      unaligned: { merged: 0, share: 0 },
    })} -->`;

  it("gives tallies oldest first, one per month, skipping garbage", () => {
    const tallies = previousTallies([body("2026-09", 9, 3), "garbage", body("2026-07", 7, 5), body("2026-09", 99, 0), body("2026-08", 8, null)]);
    expect(tallies.map((t) => t.key)).toEqual(["2026-07", "2026-08", "2026-09"]);
    expect(tallies[2].tally).toEqual({ merged: 9, problems: { a: { merged: 9, share: 1 } }, unaligned: { merged: 0, share: 0 } });
  });

  it("gives metric readings by problem and name, oldest first", () => {
    const history = metricHistory(previousData([body("2026-09", 9, 3), body("2026-08", 8, null)]));
    expect(history).toEqual({ a: { m: [{ key: "2026-08", value: null }, { key: "2026-09", value: 3 }] } });
  });
});
