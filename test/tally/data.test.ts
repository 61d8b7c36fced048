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
      author_weeks: 2,
      measure: "pull_requests",
      problems: {
        reliability: {
          merged: 4,
          share: 0.4375,
          author_weeks: 0.875,
          share_author_weeks: 0.4375,
          metrics: [
            { name: "Sev-1 incidents per month", baseline: 6, current: 4, target: 1, progress: 0.4 },
            { name: "Flaky builds --> watch <b>", baseline: null, current: null, target: 0, progress: null },
          ],
          plan: { done: 1, total: 1 },
        },
        costs: { merged: 1, share: 0.0625, author_weeks: 0.125, share_author_weeks: 0.0625, drift: true },
        dx: { merged: 0, share: 0, author_weeks: 0, share_author_weeks: 0 },
      },
      unaligned: { merged: 4, share: 0.5, author_weeks: 1, share_author_weeks: 0.5 },
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
  const valid =
    '{"version":1,"period":{"from":"2026-09-01","to":"2026-09-30","timezone":"UTC"},"commit":null,"merged":2,"problems":{"a":{"merged":1,"share":0.5}},"unaligned":{"merged":1,"share":0.5}}';

  it.each([
    ["not a string", 42],
    ["no comment", "# A report without data"],
    ["empty comment", "<!-- throughline:data  -->"],
    ["broken JSON", '<!-- throughline:data {"version":1, -->'],
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
    const tallies = previousTallies([
      body("2026-09", 9, 3),
      "garbage",
      body("2026-07", 7, 5),
      body("2026-09", 99, 0),
      body("2026-08", 8, null),
    ]);
    expect(tallies.map((t) => t.key)).toEqual(["2026-07", "2026-08", "2026-09"]);
    expect(tallies[2]!.tally).toEqual({
      merged: 9,
      problems: { a: { merged: 9, share: 1 } },
      unaligned: { merged: 0, share: 0 },
    });
  });

  it("gives metric readings by problem and name, oldest first", () => {
    const history = metricHistory(previousData([body("2026-09", 9, 3), body("2026-08", 8, null)]));
    expect(history).toEqual({
      a: {
        m: [
          { key: "2026-08", value: null },
          { key: "2026-09", value: 3 },
        ],
      },
    });
  });
});

describe("author-weeks in the data", () => {
  const withWeeks = {
    version: 1,
    period: { from: "2026-09-01", to: "2026-09-30", timezone: "UTC" },
    commit: null,
    merged: 3,
    author_weeks: 2,
    problems: { a: { merged: 2, share: 2 / 3, author_weeks: 1.5, share_author_weeks: 0.75 } },
    unaligned: { merged: 1, share: 1 / 3, author_weeks: 0.5, share_author_weeks: 0.25 },
  };

  it("reads them back into the month's tally", () => {
    const [month] = previousTallies([`<!-- throughline:data ${JSON.stringify(withWeeks)} -->`]);
    expect(month!.tally.authorWeeks).toBe(2);
    expect(month!.tally.problems.a).toEqual({ merged: 2, share: 2 / 3, authorWeeks: 1.5, shareAuthorWeeks: 0.75 });
    expect(month!.tally.unaligned.shareAuthorWeeks).toBe(0.25);
  });

  it("keeps a month whose author-weeks are malformed, without them", () => {
    const bad = { ...withWeeks, author_weeks: "two", problems: { a: { merged: 2, share: 2 / 3, author_weeks: -1 } } };
    const data = parseDataComment(`<!-- throughline:data ${JSON.stringify(bad)} -->`);
    expect(data?.merged).toBe(3);
    expect(data && "author_weeks" in data).toBe(false);
    expect(data?.problems.a).toEqual({ merged: 2, share: 2 / 3 });
    expect(previousTallies([`<!-- throughline:data ${JSON.stringify(bad)} -->`])[0]!.tally.authorWeeks).toBeUndefined();
  });
});
