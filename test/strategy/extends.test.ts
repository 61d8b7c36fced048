import { describe, expect, it } from "vitest";
import { extendsOf, formatError, parseStrategy, type Parsed } from "../../src/strategy/index.js";

const BASE_FILE = "acme/.github:strategy.yml";
const BASE = `version: 1
name: Engineering strategy
policies: [Reliability first.]
problems:
  - id: reliability
    title: Reliability
    share: 40
    match:
      labels: [bug]
      paths: [infra/**]
  - id: costs
    title: Costs
    share: 30
settings:
  ignore_authors: ["dependabot[bot]"]
  report:
    category: Engineering
    timezone: Europe/Paris
`;

/** `base` null: the extended strategy could not be read. */
function parse(local: string, base: string | null = BASE): Parsed {
  return parseStrategy(local, "strategy.yml", base === null ? undefined : { text: base, file: BASE_FILE });
}

function strategyOf(parsed: Parsed) {
  if (!parsed.ok) throw new Error(parsed.errors.map(formatError).join("\n"));
  return parsed.strategy;
}

function errorsOf(parsed: Parsed): string[] {
  return parsed.ok ? [] : parsed.errors.map(formatError);
}

describe("extends: merging", () => {
  it("inherits everything when the local file adds nothing", () => {
    const s = strategyOf(parse("version: 1\nextends: .github\n"));
    expect(s.name).toBe("Engineering strategy");
    expect(s.problems.map((p) => [p.id, p.share])).toEqual([
      ["reliability", 40],
      ["costs", 30],
    ]);
    expect(s.settings.report).toEqual({
      category: "Engineering",
      schedule: "0 9 1 * *",
      timezone: "Europe/Paris",
      measure: "pull_requests",
    });
  });

  it("appends local match lists to the inherited ones and keeps the other inherited fields", () => {
    const local =
      "version: 1\nextends: .github\nproblems:\n  - id: reliability\n    match:\n      paths: [services/api/**]\n      keywords: [outage]\n";
    const [reliability, costs] = strategyOf(parse(local)).problems;
    expect(reliability!.match.paths).toEqual(["infra/**", "services/api/**"]);
    expect(reliability!.match.labels).toEqual(["bug"]);
    expect(reliability!.match.keywords).toEqual(["outage"]);
    expect([reliability!.title, reliability!.share, reliability!.label]).toEqual([
      "Reliability",
      40,
      "strategy: reliability",
    ]);
    expect(costs!.match.paths).toEqual([]);
  });

  it("replaces other fields of an inherited problem and adds new problems at the end", () => {
    const local = `version: 1
extends: acme/strategy
name: Payments
problems:
  - id: costs
    title: Hosting costs
    share: 10
  - id: security
    title: Security
    share: 20
settings:
  check: require
  report:
    category: Payments
`;
    const s = strategyOf(parse(local));
    expect(s.name).toBe("Payments");
    expect(s.policies).toEqual(["Reliability first."]);
    expect(s.extends).toBe("acme/strategy");
    expect(s.problems.map((p) => [p.id, p.title, p.share])).toEqual([
      ["reliability", "Reliability", 40],
      ["costs", "Hosting costs", 10],
      ["security", "Security", 20],
    ]);
    expect(s.settings.check).toBe("require");
    expect(s.settings.ignore_authors).toEqual(["dependabot[bot]"]);
    expect(s.settings.report).toEqual({
      category: "Payments",
      schedule: "0 9 1 * *",
      timezone: "Europe/Paris",
      measure: "pull_requests",
    });
  });
});

describe("extends: errors", () => {
  it("wants a title for a problem the base does not have", () => {
    expect(errorsOf(parse("version: 1\nextends: .github\nproblems:\n  - id: security\n    share: 5\n"))).toEqual([
      "strategy.yml:4:5 problems[0].title: required: this problem is not in the strategy it extends, so it needs its own title",
    ]);
  });

  it("places an error in an appended list entry at its line in the local file", () => {
    const local =
      "version: 1\nextends: .github\nproblems:\n  - id: reliability\n    match:\n      paths: [ok/**, 'bad/[x']\n";
    expect(errorsOf(parse(local))).toEqual([
      'strategy.yml:6:22 problems[0].match.paths[1]: not a valid glob: missing closing "]" (write "\\[" for the character itself)',
    ]);
  });

  it("places shares over 100 at the local share that passes 100", () => {
    const local = "version: 1\nextends: .github\nproblems:\n  - id: security\n    title: Security\n    share: 31\n";
    expect(errorsOf(parse(local))).toEqual([
      "strategy.yml:6:12 problems[0].share: shares add up to 101; together they can be at most 100",
    ]);
  });

  it("places an error in the base file when the value comes from there", () => {
    // The local label takes the one `costs` has by default, and `costs` is defined only in the base.
    const local = 'version: 1\nextends: .github\nproblems:\n  - id: reliability\n    label: "strategy: costs"\n';
    expect(errorsOf(parse(local))).toEqual([
      'acme/.github:strategy.yml:11:5 problems[1].label: label "strategy: costs" is already used by problems[0]',
    ]);
  });

  it("reports the base's own errors with the base's file name, and merges nothing", () => {
    const base = BASE.replace("share: 30", "share: lots");
    // Whether `costz` is new (and needs a title) is only known once the base can be read.
    expect(errorsOf(parse("version: 1\nextends: .github\nproblems:\n  - id: costz\n", base))).toEqual([
      'acme/.github:strategy.yml:13:12 problems[1].share: expected a number, got "lots"',
    ]);
  });

  it("refuses a base that extends another strategy", () => {
    expect(errorsOf(parse("version: 1\nextends: .github\n", `extends: acme/other\n${BASE}`))).toEqual([
      "acme/.github:strategy.yml:1:1 extends: a strategy that others extend cannot extend another one",
    ]);
  });

  it("says so at `extends` when the extended strategy could not be read", () => {
    expect(errorsOf(parse("version: 1\nname: Mine\nextends: acme/strategy\n", null))).toEqual([
      'strategy.yml:3:10 extends: cannot extend "acme/strategy": its strategy file was not found or could not be read',
    ]);
  });

  it("checks the local file's own structure and ids", () => {
    const local =
      "version: 1\nextends: .github\nproblems:\n  - id: reliability\n    mach: {}\n  - id: reliability\n  - title: No id\n";
    expect(errorsOf(parse(local))).toEqual([
      "strategy.yml:5:5 problems[0].mach: unknown key `mach` (did you mean `match`?)",
      'strategy.yml:6:9 problems[1].id: "reliability" is used twice: on lines 4 and 6',
      "strategy.yml:7:5 problems[2].id: required",
    ]);
  });

  it("refuses an extends value that names neither a repository nor .github", () => {
    expect(errorsOf(parse("version: 1\nextends: https://example.com/strategy.yml\n"))).toEqual([
      "strategy.yml:2:10 extends: expected OWNER/REPO or .github",
    ]);
  });
});

describe("extendsOf", () => {
  it.each([
    ["version: 1\nextends: .github\n", ".github"],
    ["extends: acme/strategy\nproblems: [oops", undefined],
    ["version: 1\nextends: acme/strategy\nproblems: 3\n", "acme/strategy"],
    ["version: 1\n", undefined],
    ["extends: 12\n", undefined],
    ["- extends: .github\n", undefined],
    ["[".repeat(10_000), undefined],
    ["", undefined],
  ])("%j -> %j", (text, expected) => {
    expect(extendsOf(text)).toBe(expected);
  });
});
