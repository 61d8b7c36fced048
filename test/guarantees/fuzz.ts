/**
 * Generated hostile strategy files, each taken through everything the app does with one: parse, and
 * then either judge hostile items with it and render the comment and check, or render the failing
 * `Strategy file` check. What must hold for every file: nothing throws, every error is located inside
 * the file, what is written stays inert, and no prototype changes. Shared by the test (a CI-sized run)
 * and scripts/fuzz.ts (the long run); returns violations instead of asserting, so both can report them.
 */
import { classify } from "../../src/classify/index.js";
import { renderAlignmentCheck, renderComment, renderStrategyFileCheck } from "../../src/render/index.js";
import { parseStrategy } from "../../src/strategy/index.js";
import { tallyFromCounts } from "../../src/tally/index.js";
import type { WorkItem } from "../../src/classify/types.js";
import { prng } from "../fixtures/prng.js";

type Random = () => number;
const pick = <T>(r: Random, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
const int = (r: Random, n: number) => Math.floor(r() * n);

const HOSTILE_TEXT = [
  "@victim",
  "@acme/admins",
  "<img src=x onerror=alert(1)>",
  "<!-- throughline:progress -->",
  "</details>",
  "[x](https://evil.example)",
  "\u202e",
  "\u0000",
  "😀",
  "é",
  "'",
  '"',
  "\\",
  "#",
  "|",
  "`",
  "*",
];
/** Valid RE2, several of them catastrophic for a backtracking engine. */
const PATTERNS = [
  "^fix(\\(.+\\))?:",
  "(a+)+$",
  "(x+x+)+y",
  "^(\\w+\\s?)*$",
  "(.*a){12}",
  "(?i)outage",
  "(?P<n>x)",
  "\\p{Greek}+",
];
const BAD_PATTERNS = ["[", "(?<=x)y", "\\", "a{1001}", "(", "x**"];
/** At most two wildcards in a segment: more can make a glob slow on long names (see docs/guarantees.md). */
const GLOBS = ["infra/**", "**/*.tf", "src/{a,b}/**", "*.md", "**/**/**/x", "a/*b*/c", "**", "hotfix/*"];
const BAD_GLOBS = ["[", "\\", "{", "!(docs)/**", ""];
const KEYS = [
  "version",
  "extends",
  "name",
  "owner",
  "status",
  "problems",
  "settings",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "id",
  "title",
  "match",
  "share",
];

function hostileString(r: Random, max = 40): string {
  let s = "";
  const n = 1 + int(r, 4);
  for (let i = 0; i < n; i++)
    s +=
      r() < 0.5
        ? pick(r, HOSTILE_TEXT)
        : pick(r, ["outage", "cost", "a", "x", " ", "-", ":", "{", "}", "[", "]", "&a", "*a", "!!str"]);
  return s.slice(0, max);
}

/** A quoted string of hostile text: always valid YAML. */
const quoted = (r: Random) => `'${hostileString(r).replace(/'/g, "''")}'`;

/** A YAML scalar of any kind, quoted or not, sometimes invalid YAML on purpose. */
function scalar(r: Random, safe = false): string {
  if (safe) return quoted(r);
  const s = hostileString(r);
  switch (int(r, 6)) {
    case 0:
      return `'${s.replace(/'/g, "''")}'`;
    case 1:
      return JSON.stringify(s);
    case 2:
      return s; // raw: often invalid YAML
    case 3:
      return String(int(r, 300) - 100);
    case 4:
      return pick(r, ["null", "~", "true", "[]", "{}", "*nowhere", "&a x", "!!binary x", "1e309", "0x1F"]);
    default:
      return `|\n      ${s}`;
  }
}

/** One problem; `clean` keeps to the schema (hostile text only inside quoted strings), else anything goes. */
function problem(r: Random, i: number, clean: boolean): string {
  const odd = (p: number) => !clean && r() < p;
  const value = () => scalar(r, clean);
  const lines = [
    `  - id: ${odd(0.1) ? scalar(r) : `p${i}`}`,
    `    title: ${odd(0.3) ? scalar(r) : r() < 0.5 ? `Problem ${i}` : quoted(r)}`,
  ];
  if (r() < 0.5) lines.push(`    why: ${value()}`);
  if (r() < 0.4) lines.push(`    share: ${odd(0.5) ? pick(r, ["101", "-5", "x", "null"]) : pick(r, ["5", "10"])}`);
  if (odd(0.3)) lines.push(`    label: ${scalar(r)}`);
  if (odd(0.1)) lines.push(`    ${pick(r, KEYS)}: ${scalar(r)}`);
  lines.push("    match:");
  const list = (n: number, item: () => string) => `[${Array.from({ length: 1 + int(r, n) }, item).join(", ")}]`;
  if (r() < 0.6) lines.push(`      keywords: ${list(3, value)}`);
  if (r() < 0.6)
    lines.push(
      `      patterns: ${list(2, () => `'${pick(r, odd(0.3) ? BAD_PATTERNS : PATTERNS).replace(/'/g, "''")}'`)}`,
    );
  if (r() < 0.5) lines.push(`      paths: ${list(2, () => `'${pick(r, odd(0.3) ? BAD_GLOBS : GLOBS)}'`)}`);
  if (r() < 0.3) lines.push(`      branches: ['${pick(r, odd(0.3) ? BAD_GLOBS : GLOBS)}']`);
  if (r() < 0.3) lines.push(`      labels: [bug, ${value()}]`);
  if (r() < 0.2) lines.push(`      authors: [${value()}]`);
  if (odd(0.1)) lines.push(`      ${pick(r, KEYS)}: ${scalar(r)}`);
  if (r() < 0.2)
    lines.push(`    metrics:\n      - name: ${value()}\n        target: ${odd(0.5) ? pick(r, ["x", "null"]) : "1"}`);
  if (r() < 0.2)
    lines.push(
      `    plan:\n      - title: ${value()}\n        ${odd(0.5) ? pick(r, ["issue: -1", "nothing: 1", "issue: x"]) : pick(r, ["issue: 3", "milestone: Q4", "label: x"])}`,
    );
  return lines.join("\n");
}

/** Shapes that stress the reader rather than the schema: nesting, aliases, size, odd documents. */
const EXTREMES: ((r: Random) => string)[] = [
  (r) => `version: 1\nproblems: ${"[".repeat(100 + int(r, 10_000))}`,
  (r) => `${"- ".repeat(100 + int(r, 10_000))}x`,
  (r) => {
    const lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 3 + int(r, 8); i++)
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(", ")}]`,
      );
    return lines.join("\n");
  },
  (r) => `version: 1\nname: "${"x".repeat(200_000 + int(r, 200_000))}"\n`,
  () =>
    "version: 1\n__proto__: { polluted: true }\nconstructor: { prototype: { polluted: true } }\nproblems:\n  - { id: a, title: A, __proto__: { polluted: true } }\n",
  (r) => `version: 1\nproblems:\n${Array.from({ length: 1 + int(r, 60) }, (_, i) => problem(r, i, true)).join("\n")}\n`,
  () => "---\nversion: 1\n---\nversion: 2\n",
  (r) =>
    `\uFEFF${"\t".repeat(int(r, 3))}version: 1\nproblems: [{id: a, title: A, match: {patterns: ['${"(".repeat(int(r, 2000))}']}}]\n`,
];

/** Half keep to the schema with hostile text inside; the rest break it in every way, or stress the reader. */
export function generateStrategy(r: Random): string {
  if (r() < 0.1) return pick(r, EXTREMES)(r);
  const clean = r() < 0.5;
  const n = 1 + int(r, 5);
  const head = [
    "version: 1",
    r() < 0.3 ? `name: ${scalar(r, clean)}` : "",
    !clean && r() < 0.1 ? `${pick(r, KEYS)}: ${scalar(r)}` : "",
  ].filter(Boolean);
  const settings = clean
    ? `settings:\n  check: ${pick(r, ["warn", "require", "off"])}\n  unaligned_label: ${pick(r, ["null", "unaligned", quoted(r)])}\n  ignore_authors: ['dependabot[bot]']`
    : r() < 0.3
      ? `settings:\n  check: ${pick(r, ["warn", "x"])}\n  unaligned_label: ${scalar(r)}\n  report: { timezone: ${pick(r, ["UTC", "Mars/Base"])}, schedule: ${pick(r, ['"0 9 1 * *"', '"bad cron"'])} }`
      : "";
  const text = [...head, "problems:", ...Array.from({ length: n }, (_, i) => problem(r, i, clean)), settings].join(
    "\n",
  );
  if (clean) return text;
  // Damaged after the fact: a line dropped, or a character put anywhere.
  if (r() < 0.3) {
    const lines = text.split("\n");
    lines.splice(int(r, lines.length), 1);
    return lines.join("\n");
  }
  if (r() < 0.3) {
    const at = int(r, text.length);
    return text.slice(0, at) + pick(r, ["'", '"', "{", "[", ":", "\t", "&", "*", "\n  "]) + text.slice(at);
  }
  return text;
}

/** Items an attacker controls (title, body, labels, branch, paths), for the strategies that parse. */
function hostileItems(r: Random): WorkItem[] {
  const long = "a".repeat(10_000) + "!";
  return [
    {
      kind: "issue",
      number: 1,
      title: long,
      body: `${hostileString(r)} outage cost`.repeat(50),
      labels: ["bug", hostileString(r)],
      author: "octocat",
      milestone: "Q4",
    },
    {
      kind: "pull_request",
      number: 2,
      title: `fix: ${hostileString(r)}`,
      body: "Serves: p0, p1",
      labels: [],
      author: "dependabot[bot]",
      milestone: null,
      branch: `hotfix/${"x".repeat(200)}`,
      files: ["infra/main.tf", `src/a/${hostileString(r)}`, "docs/readme.md", "x".repeat(255)],
      filesComplete: r() < 0.5,
    },
  ];
}

const MENTION = /@(?!\u200d)[\w-]/;

export interface FuzzResult {
  runs: number;
  valid: number;
  invalid: number;
  violations: string[];
}

/** `runs` generated files from `seed`; stops collecting after 20 violations. */
export function fuzzStrategies(runs: number, seed = 20_261_125): FuzzResult {
  const r = prng(seed);
  const result: FuzzResult = { runs, valid: 0, invalid: 0, violations: [] };
  const before = Object.getOwnPropertyNames(Object.prototype).join();
  for (let n = 0; n < runs && result.violations.length < 20; n++) {
    const text = generateStrategy(r);
    const fail = (what: string) =>
      result.violations.push(
        `run ${n} (seed ${seed}): ${what}\n--- file (first 300 characters) ---\n${text.slice(0, 300)}`,
      );
    try {
      const parsed = parseStrategy(text, "strategy.yml");
      if (parsed.ok) {
        result.valid++;
        for (const item of hostileItems(r)) {
          const decision = classify(parsed.strategy, item);
          const tally = tallyFromCounts(parsed.strategy, { merged: 3, aligned: 1, problems: {} });
          const input = { strategy: parsed.strategy, decision, month: { title: "November 2026" }, tally };
          const comment = renderComment(input);
          const check = renderAlignmentCheck(input);
          if (MENTION.test(comment) || MENTION.test(check.summary)) fail("a live mention in the comment or check");
          // The marker first, the app's record of its answer last (problem ids only), nothing else.
          if (
            comment.split("<!--").length !== 3 ||
            !/\n<!-- throughline:served \{"problems":\[[a-z0-9",-]*\]\} -->$/.test(comment)
          ) {
            fail("an HTML comment besides the marker and the record in the progress comment");
          }
        }
      } else {
        result.invalid++;
        const lines = text.split("\n").length;
        for (const e of parsed.errors) {
          if (e.file !== "strategy.yml" || !(e.line >= 1 && e.line <= lines + 1) || !(e.column >= 1) || !e.message)
            fail(`an error not located in the file: ${JSON.stringify(e)}`);
        }
        const check = renderStrategyFileCheck({ path: "strategy.yml", errors: parsed.errors });
        if (check.conclusion !== "failure" || MENTION.test(check.summary))
          fail("a failing check that does not fail, or mentions someone");
      }
    } catch (error) {
      fail(`threw ${(error as Error)?.stack ?? String(error)}`);
    }
    if (
      ({} as Record<string, unknown>).polluted !== undefined ||
      Object.getOwnPropertyNames(Object.prototype).join() !== before
    ) {
      fail("Object.prototype changed");
      break;
    }
  }
  return result;
}
