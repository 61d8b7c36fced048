import { describe, expect, it } from "vitest";
import { parseStrategy } from "../../src/strategy/index.js";
import type { Strategy } from "../../src/strategy/schema.js";
import { monthPeriod } from "../../src/tally/index.js";
import { mergeHistory, strategyVersions, type FileVersion, type VersionsInput } from "../../src/tally/versions.js";

/** A strategy file whose typed Uptime reads `uptime` (null: no reading typed), with a counted metric beside it. */
function fileText(uptime: number | null, extra = ""): string {
  return [
    "version: 1",
    extra,
    "problems:",
    "  - id: reliability",
    "    title: Reliability",
    "    metrics:",
    `      - { name: Uptime, baseline: 99, target: 99.9${uptime === null ? "" : `, current: ${uptime}`} }`,
    "      - { name: Sev-1 incidents, baseline: 6, target: 1, count: 'is:issue label:sev1 created:{period}' }",
    "  - id: costs",
    "    title: Hosting costs",
  ].join("\n");
}

function current(text: string): Strategy {
  const parsed = parseStrategy(text, "strategy.yml");
  if (!parsed.ok) throw new Error("test strategy is invalid");
  return parsed.strategy;
}

const sha = (c: string) => c.repeat(40);
const version = (c: string, date: string, text: string | null = fileText(99.5)): FileVersion => ({
  commit: sha(c),
  date,
  text,
});

function run(versions: FileVersion[], over: Partial<VersionsInput> = {}) {
  return strategyVersions({
    versions,
    complete: true,
    strategy: current(versions[0]?.text ?? fileText(99.5)),
    period: monthPeriod("2026-10", "Europe/Paris"),
    file: "strategy.yml",
    ...over,
  });
}

describe("the versions in force during the month", () => {
  it("lists the one in force at the start and each committed inside, dated in the report's time zone", () => {
    const found = run([
      version("c", "2026-10-14T22:30:00Z"), // 00:30 on 15 October in Paris
      version("b", "2026-08-03T10:00:00Z"),
      version("a", "2026-06-01T10:00:00Z"),
    ]);
    expect(found.versions).toEqual([
      { commit: sha("b"), from: "2026-08-03" },
      { commit: sha("c"), from: "2026-10-15" },
    ]);
    expect(found.commit).toBe(sha("c"));
    expect(found.notes).toEqual([
      "strategy.yml changed during the month; the figures use the version in force at its end (ccccccc).",
    ]);
  });

  it.each([
    ["a commit at 00:30 on 1 October in Paris is inside the month", "2026-09-30T22:30:00Z", 2],
    ["a commit at 23:30 on 30 September in Paris is before it", "2026-09-30T21:30:00Z", 0],
    ["a commit at 23:30 on 31 October in Paris (UTC+1) is inside", "2026-10-31T22:30:00Z", 2],
    ["a commit at 00:30 on 1 November in Paris is after it", "2026-10-31T23:30:00Z", 0],
  ])("%s", (_, date, listed) => {
    expect(run([version("c", date), version("a", "2026-06-01T10:00:00Z")]).versions).toHaveLength(listed);
  });

  it("lists none when the file did not change in the month, with no note", () => {
    const found = run([version("b", "2026-09-20T10:00:00Z"), version("a", "2026-06-01T10:00:00Z")]);
    expect(found.versions).toEqual([]);
    expect(found.commit).toBe(sha("b"));
    expect(found.notes).toEqual([]);
  });

  it("says so when the figures use a version newer than the month's end", () => {
    const found = run([version("c", "2026-11-05T10:00:00Z"), version("b", "2026-09-20T10:00:00Z")]);
    expect(found.versions).toEqual([]);
    expect(found.notes).toEqual([
      "The figures use strategy.yml as it is now (ccccccc, committed 2026-11-05), which is newer than the month; bbbbbbb was in force when the month ended.",
    ]);
  });

  it("lists what it has, and says so, when the file changed more often than the versions read", () => {
    const found = run([version("c", "2026-10-20T10:00:00Z"), version("b", "2026-10-10T10:00:00Z")], {
      complete: false,
    });
    expect(found.versions).toEqual([
      { commit: sha("b"), from: "2026-10-10" },
      { commit: sha("c"), from: "2026-10-20" },
    ]);
    expect(found.notes).toContain(
      "strategy.yml changed more than 2 times since the month began; only its last 2 versions were read.",
    );
  });

  it("knows nothing without versions", () => {
    expect(run([])).toEqual({ commit: null, versions: [], history: {}, notes: [] });
  });
});

describe("typed metric history from the file's versions", () => {
  const versions = [
    version("e", "2026-10-02T10:00:00Z", fileText(99.7)), // inside the month: not history
    version("d", "2026-08-31T21:30:00Z", fileText(99.6)), // 23:30 on 31 August in Paris: August's reading
    version("c", "2026-07-15T10:00:00Z", fileText(null)), // no reading typed
    version("b", "2026-06-10T10:00:00Z", fileText(99.2)),
    version("a", "2026-05-20T10:00:00Z", fileText(99.0)), // the file begins here
  ];

  it("reads each earlier month's typed reading from the version in force at its end, six months back", () => {
    const found = run(versions);
    expect(found.history).toEqual({
      reliability: {
        Uptime: [
          { key: "2026-05", value: 99.0 },
          { key: "2026-06", value: 99.2 },
          { key: "2026-07", value: null },
          { key: "2026-08", value: 99.6 },
          { key: "2026-09", value: 99.6 },
        ],
      },
    });
  });

  it("reads nothing for months whose end is older than the versions read", () => {
    const found = run(versions.slice(0, 3), { complete: false });
    expect(found.history.reliability!.Uptime!.map((r) => r.key)).toEqual(["2026-07", "2026-08", "2026-09"]);
  });

  it("skips an invalid version, with a note, and lets the valid one before it stand", () => {
    const broken = version(
      "x",
      "2026-07-20T10:00:00Z",
      "version: 1\nproblems:\n  - id: Reliability!\n    title: Reliability\n",
    );
    const found = run([versions[0]!, versions[1]!, broken, ...versions.slice(3)]);
    expect(found.history.reliability!.Uptime).toContainEqual({ key: "2026-07", value: 99.2 });
    const skipped = found.notes.filter((n) => !n.includes("changed during the month"));
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatch(
      /^strategy\.yml at xxxxxxx \(committed 2026-07-20\) is not valid \(line \d+: .+\); its metric readings are left out of the history\.$/,
    );
  });

  it("skips a version that could not be read, with a note", () => {
    const found = run([versions[0]!, version("y", "2026-09-01T10:00:00Z", null), ...versions.slice(1)]);
    expect(found.history.reliability!.Uptime!.at(-1)).toEqual({ key: "2026-09", value: 99.6 });
    expect(found.notes.slice(1)).toEqual([
      "strategy.yml at yyyyyyy (committed 2026-09-01) could not be read; its metric readings are left out of the history.",
    ]);
  });

  it("does not read versions that extend another strategy without it, and says so once", () => {
    const extending = (c: string, date: string) =>
      version(c, date, "version: 1\nextends: .github\nproblems:\n  - id: reliability\n");
    const found = run([versions[0]!, extending("g", "2026-09-10T10:00:00Z"), extending("f", "2026-08-10T10:00:00Z")], {
      strategy: current(fileText(99.7)),
      complete: false,
    });
    expect(found.history).toEqual({});
    expect(found.notes.slice(1)).toEqual([
      "Earlier versions of strategy.yml extend another strategy, which was not read as it was then; their metric readings are left out of the history.",
    ]);
  });

  it("reads no version, and notes nothing, when no metric is typed", () => {
    const countedOnly = "version: 1\nproblems:\n  - id: reliability\n    title: Reliability\n";
    const found = run([
      version("e", "2026-09-02T10:00:00Z", countedOnly),
      version("x", "2026-08-02T10:00:00Z", "not: [valid"),
    ]);
    expect(found).toMatchObject({ history: {}, notes: [] });
  });
});

describe("mergeHistory", () => {
  it("keeps what earlier reports recorded and fills the months they lack from the file, oldest first", () => {
    const reported = {
      reliability: { Uptime: [{ key: "2026-08", value: 98 }], "Sev-1 incidents": [{ key: "2026-08", value: 3 }] },
    };
    const fromFile = {
      reliability: {
        Uptime: [
          { key: "2026-07", value: 99.2 },
          { key: "2026-08", value: 99.6 },
          { key: "2026-09", value: 99.6 },
        ],
      },
    };
    expect(mergeHistory(reported, fromFile)).toEqual({
      reliability: {
        Uptime: [
          { key: "2026-07", value: 99.2 },
          { key: "2026-08", value: 98 },
          { key: "2026-09", value: 99.6 },
        ],
        "Sev-1 incidents": [{ key: "2026-08", value: 3 }],
      },
    });
  });
});
