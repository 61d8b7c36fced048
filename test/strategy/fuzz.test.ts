import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatError, parseStrategy, type Parsed } from "../../src/strategy/index.js";
import { prng } from "../fixtures/prng.js";

const read = (name: string) => readFileSync(new URL(`../../examples/${name}`, import.meta.url), "utf8");

const CHARS = [..."abz09 -:[]{},&*!|>'\"%@#?\\\t\n~.`", "__proto__", "<<", "---", "\u0000", "é", "😀"];

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const index = (random: Random, n: number) => Math.floor(random() * n);

const LINE_MUTATIONS: ((lines: string[], random: Random) => void)[] = [
  (lines, r) => void lines.splice(index(r, lines.length), 1),
  (lines, r) => {
    const i = index(r, lines.length);
    lines.splice(i, 0, lines[i]!);
  },
  (lines, r) => {
    const [i, j] = [index(r, lines.length), index(r, lines.length)];
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
  },
  (lines, r) => {
    const i = index(r, lines.length);
    lines[i] = r() < 0.5 ? `  ${lines[i]}` : lines[i]!.replace(/^ {1,2}/, "");
  },
];

const TEXT_MUTATIONS: ((text: string, random: Random) => string)[] = [
  (text, r) => {
    const i = index(r, text.length);
    return text.slice(0, i) + pick(r, CHARS) + text.slice(i + 1);
  },
  (text, r) => {
    const i = index(r, text.length + 1);
    return text.slice(0, i) + pick(r, CHARS) + text.slice(i);
  },
  (text, r) => text.slice(0, index(r, text.length + 1)),
];

function mutate(text: string, random: Random): string {
  let out = text;
  const rounds = 1 + index(random, 5);
  for (let n = 0; n < rounds; n++) {
    if (random() < 0.5) {
      const lines = out.split("\n");
      if (lines.length > 0) pick(random, LINE_MUTATIONS)(lines, random);
      out = lines.join("\n");
    } else out = pick(random, TEXT_MUTATIONS)(out, random);
  }
  return out;
}

/** A random YAML-ish value, sometimes shaped like a strategy. */
function randomYaml(random: Random, depth = 0): string {
  const scalars = [
    "1",
    "forty",
    "null",
    "~",
    "true",
    "'x'",
    '"y"',
    "[]",
    "{}",
    "*a",
    "&a 3",
    "!!str 1",
    "- x",
    "|\n  text",
  ];
  if (depth > 3 || random() < 0.3) return pick(random, scalars);
  const keys = [
    "version",
    "problems",
    "id",
    "title",
    "match",
    "settings",
    "report",
    "schedule",
    "share",
    "extends",
    "plan",
    "x",
  ];
  const pad = "  ".repeat(depth + 1);
  const n = 1 + index(random, 4);
  if (random() < 0.5) return Array.from({ length: n }, () => `\n${pad}- ${randomYaml(random, depth + 1)}`).join("");
  return Array.from({ length: n }, () => `\n${pad}${pick(random, keys)}: ${randomYaml(random, depth + 1)}`).join("");
}

/** What is wrong with a result, if anything: plain checks, one assertion per test, so 1,000s of files stay fast. */
function malformed(parsed: Parsed, files: string[]): string[] {
  if (parsed.ok) return parsed.strategy.problems.length > 0 ? [] : ["a valid strategy without problems"];
  if (parsed.errors.length === 0) return ["invalid without errors"];
  return parsed.errors.flatMap((error) => {
    const located =
      files.includes(error.file) &&
      Number.isInteger(error.line) &&
      Number.isInteger(error.column) &&
      error.line >= 1 &&
      error.column >= 1 &&
      error.message.length > 0 &&
      formatError(error).startsWith(`${error.file}:${error.line}:${error.column} `);
    return located ? [] : [JSON.stringify(error)];
  });
}

// 1,000 files in all: 800 mutated examples, 100 mutated extending files, 100 random documents.
describe("fuzzing the reader", () => {
  const example = read("strategy.yml");
  const org = read("org-strategy.yml");
  const extending = read("repo-extends.yml");

  it("never throws on 800 mutated examples and always locates its errors", () => {
    const random = prng(20_260_101);
    let failures = 0;
    const wrong: string[] = [];
    for (let n = 0; n < 800; n++) {
      const parsed = parseStrategy(mutate(example, random), "strategy.yml");
      if (!parsed.ok) failures++;
      wrong.push(...malformed(parsed, ["strategy.yml"]));
    }
    expect(wrong).toEqual([]);
    // The mutations must actually break files most of the time, or the test proves little.
    expect(failures).toBeGreaterThan(400);
  });

  it("never throws on 100 mutated extending files over mutated bases", () => {
    const random = prng(7);
    const wrong: string[] = [];
    for (let n = 0; n < 100; n++) {
      const base = { text: random() < 0.5 ? org : mutate(org, random), file: "acme/.github:strategy.yml" };
      wrong.push(
        ...malformed(parseStrategy(mutate(extending, random), "strategy.yml", base), ["strategy.yml", base.file]),
      );
    }
    expect(wrong).toEqual([]);
  });

  it("never throws on 100 random YAML documents", () => {
    const random = prng(42);
    const wrong: string[] = [];
    for (let n = 0; n < 100; n++) {
      const text = `version: 1${randomYaml(random).replace(/^\n {2}/, "\n")}\n`;
      wrong.push(...malformed(parseStrategy(text, "strategy.yml"), ["strategy.yml"]));
    }
    expect(wrong).toEqual([]);
  });
});
