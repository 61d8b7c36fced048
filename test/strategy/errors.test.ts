import { describe, expect, it } from "vitest";
import { formatError, parseStrategy } from "../../src/strategy/index.js";
import { file, problem, PROBLEM } from "./cases.js";

function errorsOf(text: string): string[] {
  const parsed = parseStrategy(text, "strategy.yml");
  return parsed.ok ? [] : parsed.errors.map(formatError);
}

const many = Array.from({ length: 31 }, (_, i) => problem(`p${i}`)).join("");

// [what, file text, the exact errors]
const INVALID: [string, string, string[]][] = [
  [
    "YAML syntax error",
    file("  - id: a\n    title: [unclosed\n"),
    ["strategy.yml:4:12 (file): the `[` on line 4 is never closed with `]`"],
  ],
  [
    "tabs as indentation",
    "version: 1\nproblems:\n\t- id: a\n",
    ["strategy.yml:3:1 (file): line 3 is indented with a tab; YAML indents with spaces only"],
  ],
  [
    "a tab among spaces, one error for one cause",
    file("  - id: a\n    title: A\n    match:\n    \tlabels: [bug]\n      keywords: [x]\n"),
    ["strategy.yml:6:5 (file): line 6 is indented with a tab; YAML indents with spaces only"],
  ],
  [
    "a key indented more than the one above",
    "version: 1\nname: X\nproblems:\n  - id: reliability\n    title: Reliability\n      why: Outages\n",
    [
      "strategy.yml:6:7 (file): line 6 is indented more than the key above it (line 5); keys of one mapping start in the same column",
    ],
  ],
  [
    "a key indented less than the one above",
    file("  - id: reliability\n    title: Reliability\n   why: Outages\n"),
    [
      "strategy.yml:5:4 (file): line 5 is indented 3 spaces, in line with no key above it; keys of one mapping start in the same column",
    ],
  ],
  [
    "a tab inside a block of text is text; the mistake after it is found",
    file("  - id: a\n    title: A\n    why: |\n      line\n      \tindented with a tab\n  - id: b\n   title: B\n"),
    [
      "strategy.yml:9:4 (file): line 9 is indented 3 spaces, in line with no key above it; keys of one mapping start in the same column",
    ],
  ],
  [
    "a dash without a space",
    file("  - id: a\n    title: A\n  -id: b\n"),
    ["strategy.yml:5:3 (file): line 5 starts with `-` and no space after it; a list item is `- ` followed by the item"],
  ],
  [
    "an unclosed quote",
    file('  - id: a\n    title: "unclosed\n    why: x\n'),
    ['strategy.yml:4:12 (file): the quote " opened on line 4 is never closed'],
  ],
  [
    "a missing colon",
    file("  - id: a\n    title A\n"),
    [
      "strategy.yml:4:5 (file): line 4 is neither `key: value` nor a list item `- …`; is the colon after the key missing?",
    ],
  ],
  [
    "a colon inside a plain value",
    file("  - id: a\n    title: A\n    why: x: y\n"),
    ["strategy.yml:5:10 (file): line 5 has a second `: ` after its key; put the value in quotes if it holds one"],
  ],
  [
    "two documents",
    file(PROBLEM, "---\nversion: 1\n"),
    ["strategy.yml:5:1 (file): the file holds more than one YAML document (a second `---`); keep one"],
  ],
  [
    "a key given twice",
    `version: 1\nversion: 1\nproblems:\n${PROBLEM}`,
    ['strategy.yml:2:1 (file): the key "version" appears twice'],
  ],
  [
    "a key that is not plain text",
    file(PROBLEM, "? [a, b]\n: c\n"),
    ["strategy.yml:5:3 (file): keys must be plain text"],
  ],
  ["an empty file", "", ["strategy.yml:1:1 (file): the file is empty; it needs at least `version: 1` and `problems`"]],
  [
    "a list at the top",
    "- version: 1\n",
    ["strategy.yml:1:1 (file): expected a mapping (key: value) with `version` and `problems`"],
  ],
  [
    "unknown key with a hint",
    file(problem("reliability", "    match:\n      keyword: [outage]\n")),
    ["strategy.yml:6:7 problems[0].match.keyword: unknown key `keyword` (did you mean `keywords`?)"],
  ],
  [
    "a key with two letters swapped",
    file(problem("reliability", "    macth:\n      labels: [bug]\n")),
    ["strategy.yml:5:5 problems[0].macth: unknown key `macth` (did you mean `match`?)"],
  ],
  [
    "unknown key without a hint",
    file(PROBLEM, "colour: red\n"),
    [
      "strategy.yml:5:1 colour: unknown key `colour`; expected one of `version`, `extends`, `name`, `owner`, `status`, `effective`, `diagnosis`, `policies`, `problems`, `settings`",
    ],
  ],
  [
    "a rule outside match",
    file(problem("reliability", "    keywords: [outage]\n")),
    ["strategy.yml:5:5 problems[0].keywords: unknown key `keywords` (it belongs under `match`)"],
  ],
  [
    "duplicate id",
    file(problem("reliability") + problem("reliability")),
    ['strategy.yml:5:9 problems[1].id: "reliability" is used twice: on lines 3 and 5'],
  ],
  [
    "an id used three times",
    file(problem("reliability") + problem("costs") + problem("reliability") + problem("reliability")),
    [
      'strategy.yml:7:9 problems[2].id: "reliability" is used twice: on lines 3 and 7',
      'strategy.yml:9:9 problems[3].id: "reliability" is used 3 times: on lines 3, 7 and 9',
    ],
  ],
  [
    "an id a command reserves",
    file(problem("none")),
    ['strategy.yml:3:9 problems[0].id: "none" is reserved by `/strategy none`; choose another id'],
  ],
  [
    "duplicate label, other case",
    file(problem("reliability", "    label: Ops\n") + problem("costs", "    label: ops\n")),
    ['strategy.yml:8:12 problems[1].label: label "ops" is already used by problems[0]'],
  ],
  [
    "unaligned label taken by a problem",
    file(PROBLEM, 'settings:\n  unaligned_label: "Strategy: Reliability"\n'),
    ['strategy.yml:6:20 settings.unaligned_label: "Strategy: Reliability" is the label of problems[0]; pick another'],
  ],
  [
    "shares over 100",
    file(
      problem("reliability", "    share: 60\n") +
        problem("costs", "    share: 30\n") +
        problem("people", "    share: 20\n"),
    ),
    ["strategy.yml:11:12 problems[2].share: shares add up to 110; together they can be at most 100"],
  ],
  [
    "bad regex",
    file(problem("reliability", "    match:\n      patterns: ['^fix(']\n")),
    ["strategy.yml:6:18 problems[0].match.patterns[0]: not a valid RE2 regular expression: missing closing ): `^fix(`"],
  ],
  [
    "a lookbehind",
    file(problem("reliability", "    match:\n      patterns: ['(?<=x)y']\n")),
    [
      "strategy.yml:6:18 problems[0].match.patterns[0]: not a valid RE2 regular expression: `(?<=` is a lookbehind, which RE2 does not support",
    ],
  ],
  [
    "a lookahead",
    file(problem("reliability", "    match:\n      patterns: ['fix(?!ture)']\n")),
    [
      "strategy.yml:6:18 problems[0].match.patterns[0]: not a valid RE2 regular expression: `(?!` is a negative lookahead, which RE2 does not support",
    ],
  ],
  [
    "a backreference",
    file(problem("reliability", "    match:\n      patterns: ['(a)\\1']\n")),
    [
      "strategy.yml:6:18 problems[0].match.patterns[0]: not a valid RE2 regular expression: `\\1` is a backreference, which RE2 does not support",
    ],
  ],
  [
    "bad glob",
    file(problem("reliability", "    match:\n      paths: ['infra/[abc']\n")),
    [
      'strategy.yml:6:15 problems[0].match.paths[0]: not a valid glob: missing closing "]" (write "\\[" for the character itself)',
    ],
  ],
  [
    "absolute path glob",
    file(problem("reliability", "    match:\n      paths: [/infra/**]\n")),
    [
      'strategy.yml:6:15 problems[0].match.paths[0]: paths are relative to the repository root; drop the leading "/" or "./"',
    ],
  ],
  [
    "blank keyword",
    file(problem("reliability", "    match:\n      keywords: ['  ']\n")),
    ["strategy.yml:6:18 problems[0].match.keywords[0]: must not be blank"],
  ],
  [
    "cron with 4 fields",
    file(PROBLEM, "settings:\n  report:\n    schedule: 0 9 1 *\n"),
    [
      'strategy.yml:7:15 settings.report.schedule: expected a cron expression of 5 fields (minute hour day-of-month month day-of-week), e.g. "0 9 1 * *"; got "0 9 1 *"',
    ],
  ],
  [
    "cron out of range",
    file(PROBLEM, "settings:\n  report:\n    schedule: 61 9 1 * *\n"),
    ["strategy.yml:7:15 settings.report.schedule: not a valid cron expression: minute must be 0-59, not 61"],
  ],
  [
    "cron day of month out of range",
    file(PROBLEM, "settings:\n  report:\n    schedule: 0 9 32 * *\n"),
    ["strategy.yml:7:15 settings.report.schedule: not a valid cron expression: day of month must be 1-31, not 32"],
  ],
  [
    "cron month out of range, in a range",
    file(PROBLEM, "settings:\n  report:\n    schedule: 0 9 1 6-13 *\n"),
    ["strategy.yml:7:15 settings.report.schedule: not a valid cron expression: month must be 1-12, not 13"],
  ],
  [
    "cron that never fires",
    file(PROBLEM, "settings:\n  report:\n    schedule: 0 9 30 2 *\n"),
    ['strategy.yml:7:15 settings.report.schedule: "0 9 30 2 *" never fires'],
  ],
  [
    "bad timezone",
    file(PROBLEM, "settings:\n  report:\n    timezone: Europe/Pariss\n"),
    [
      'strategy.yml:7:15 settings.report.timezone: "Europe/Pariss" is not an IANA time zone such as "Europe/Paris" or "UTC"',
    ],
  ],
  [
    "offset instead of a zone",
    file(PROBLEM, 'settings:\n  report:\n    timezone: "+01:00"\n'),
    ['strategy.yml:7:15 settings.report.timezone: "+01:00" is not an IANA time zone such as "Europe/Paris" or "UTC"'],
  ],
  [
    "plan entry with two refs",
    file(
      problem(
        "reliability",
        "    plan:\n      - title: Failover\n        issue: 12\n        milestone: Multi-region\n",
      ),
    ),
    [
      "strategy.yml:8:20 problems[0].plan[0].milestone: gives both issue and milestone; an entry names exactly one of issue, milestone or label",
    ],
  ],
  [
    "plan entry with no ref",
    file(problem("reliability", "    plan:\n      - title: Failover\n")),
    ["strategy.yml:6:9 problems[0].plan[0]: needs one of issue, milestone or label"],
  ],
  [
    "plan issue not a whole number",
    file(problem("reliability", "    plan:\n      - title: X\n        issue: 1.5\n")),
    ["strategy.yml:7:16 problems[0].plan[0].issue: expected a whole number, got 1.5"],
  ],
  [
    "label too long",
    file(problem("reliability", `    label: "${"x".repeat(51)}"\n`)),
    ["strategy.yml:5:12 problems[0].label: is 51 characters long; at most 50 allowed"],
  ],
  [
    "id not a slug, colour with #",
    file('  - id: Reliability\n    title: Reliability\n    color: "#b60205"\n'),
    [
      "strategy.yml:3:9 problems[0].id: expected a lowercase slug: letters, digits and '-', e.g. 'reliability'",
      "strategy.yml:5:12 problems[0].color: expected a 6-digit hex colour without '#', e.g. 'b60205'",
    ],
  ],
  ["wrong version", `version: 2\nproblems:\n${PROBLEM}`, ["strategy.yml:1:10 version: must be 1"]],
  ["quoted version", `version: "1"\nproblems:\n${PROBLEM}`, ["strategy.yml:1:10 version: must be 1, without quotes"]],
  [
    "an alias without its anchor",
    "version: 1\nproblems:\n  - *reliability\n",
    ["strategy.yml:3:5 (file): the alias *reliability has no anchor &reliability before it"],
  ],
  ["no version", `problems:\n${PROBLEM}`, ["strategy.yml:1:1 version: required"]],
  ["missing problems", "version: 1\nname: Empty\n", ["strategy.yml:1:1 problems: required"]],
  ["no problems", "version: 1\nproblems: []\n", ["strategy.yml:2:11 problems: needs at least one entry"]],
  ["too many problems", file(many), ["strategy.yml:3:3 problems: has 31 entries; at most 30 allowed"]],
  [
    "a word for a number",
    file(problem("reliability", "    share: forty\n")),
    ['strategy.yml:5:12 problems[0].share: expected a number, got "forty"'],
  ],
  ["missing title", file("  - id: reliability\n    why: Outages\n"), ["strategy.yml:3:5 problems[0].title: required"]],
  [
    "metric without target",
    file(problem("reliability", "    metrics:\n      - name: Incidents\n")),
    ["strategy.yml:6:9 problems[0].metrics[0].target: required"],
  ],
  [
    "unknown placeholder in a count",
    file(
      problem(
        "reliability",
        '    metrics:\n      - name: Incidents\n        target: 1\n        count: "label:incident created:{month}"\n',
      ),
    ),
    ["strategy.yml:8:16 problems[0].metrics[0].count: unknown placeholder {month}; only {period} is replaced"],
  ],
  [
    "enum value",
    file(PROBLEM, "settings:\n  check: warning\n"),
    ['strategy.yml:6:10 settings.check: expected one of off, warn, require, got "warning"'],
  ],
  [
    "empty list value",
    file(PROBLEM, "policies:\n"),
    ["strategy.yml:5:1 policies: expected a list, got an empty value"],
  ],
  [
    "until before from",
    file(PROBLEM, "effective: { from: 2026-12-31, until: 2026-01-01 }\n"),
    ['strategy.yml:5:39 effective.until: "2026-01-01" is before from ("2026-12-31")'],
  ],
  [
    "a date not in the calendar",
    file(PROBLEM, "effective:\n  from: 2026-02-30\n"),
    ['strategy.yml:6:9 effective.from: "2026-02-30" is not a date in the calendar'],
  ],
  [
    "extends something else",
    "version: 1\nextends: acme/repo/extra\n",
    ["strategy.yml:2:10 extends: expected OWNER/REPO or .github"],
  ],
  [
    "a Project URL that is not one",
    file(PROBLEM, "settings:\n  project:\n    url: https://github.com/acme/projects/5\n"),
    [
      "strategy.yml:7:10 settings.project.url: expected a GitHub Project URL such as 'https://github.com/orgs/acme/projects/5' or 'https://github.com/users/octocat/projects/2'",
    ],
  ],
  [
    "a Project without its URL",
    file(PROBLEM, "settings:\n  project: { field: Problem }\n"),
    ["strategy.yml:6:12 settings.project.url: required"],
  ],
  [
    "a title the Project field keeps for itself",
    file(problem("several", ""), "settings:\n  project: { url: 'https://github.com/orgs/acme/projects/5' }\n"),
    [
      'strategy.yml:4:12 problems[0].title: "Several" is an option the Project field keeps for itself (settings.project); choose another title',
    ],
  ],
  [
    "two titles alike with a Project",
    file(
      problem("ops", "") + "  - id: sre\n    title: OPS\n",
      "settings:\n  project: { url: 'https://github.com/orgs/acme/projects/5' }\n",
    ),
    [
      'strategy.yml:6:12 problems[1].title: "OPS" is also the title of problems[0]; with settings.project each title is a field option, so titles must differ',
    ],
  ],
];

describe("invalid strategy files", () => {
  it.each(INVALID)("%s", (_what, text, expected) => {
    expect(errorsOf(text)).toEqual(expected);
  });

  it("reports every problem of a file at once, in reading order", () => {
    const text = file(
      problem("reliability", "    share: forty\n    match:\n      patterns: ['(']\n") + problem("reliability"),
      "settings:\n  chek: warn\n",
    );
    expect(errorsOf(text)).toEqual([
      'strategy.yml:5:12 problems[0].share: expected a number, got "forty"',
      "strategy.yml:7:18 problems[0].match.patterns[0]: not a valid RE2 regular expression: missing closing ): `(`",
      'strategy.yml:8:9 problems[1].id: "reliability" is used twice: on lines 3 and 8',
      "strategy.yml:11:3 settings.chek: unknown key `chek` (did you mean `check`?)",
    ]);
  });

  it("names the file it was given", () => {
    const parsed = parseStrategy("version: 3\nproblems: []\n", ".github/strategy.yaml");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.errors[0]).toEqual({
        file: ".github/strategy.yaml",
        line: 1,
        column: 10,
        path: "version",
        message: "must be 1",
      });
  });
});

describe("valid variations", () => {
  it.each([
    ["(?i) in a pattern", file(problem("reliability", "    match:\n      patterns: ['(?i)^fix']\n"))],
    [
      "a metric with neither current nor count",
      file(problem("reliability", "    metrics:\n      - name: Incidents\n        target: 1\n")),
    ],
    [
      "{period} in a count",
      file(
        problem(
          "reliability",
          '    metrics:\n      - name: Incidents\n        target: 1\n        count: "created:{period}"\n',
        ),
      ),
    ],
    [
      "shares of exactly 100 in fractions",
      file(["33.3", "33.3", "33.4"].map((s, i) => problem(`p${i}`, `    share: ${s}\n`)).join("")),
    ],
    ["a null unaligned label", file(PROBLEM, "settings:\n  unaligned_label: null\n")],
    ["effective from only", file(PROBLEM, "effective: { from: 2026-01-01 }\n")],
    [
      "a tab and a dash inside a block of text",
      file(problem("reliability", "    why: |\n      Outages:\n      \t-every Friday\n")),
    ],
    [
      "a plain value continued on a more indented line",
      file(problem("reliability", "    why: Customers are\n      upset\n")),
    ],
  ])("accepts %s", (_what, text) => {
    expect(errorsOf(text)).toEqual([]);
  });
});
