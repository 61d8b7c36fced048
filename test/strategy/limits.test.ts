import { describe, expect, it } from "vitest";
import { formatError, MAX_STRATEGY_BYTES, parseStrategy } from "../../src/strategy/index.js";
import { file, PROBLEM } from "./cases.js";

function errorsOf(text: string): string[] {
  const parsed = parseStrategy(text, "strategy.yml");
  return parsed.ok ? [] : parsed.errors.map(formatError);
}

/** Nine levels of ten aliases each: about a billion values if expanded. */
function aliasBomb(): string {
  const lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"];
  for (let i = 1; i < 9; i++)
    lines.push(
      `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(", ")}]`,
    );
  return lines.join("\n");
}

describe("limits", () => {
  it("refuses files over 256 KiB at line 1, column 1", () => {
    const text = file(PROBLEM, `diagnosis: "${"x".repeat(300 * 1024)}"\n`);
    expect(errorsOf(text)).toEqual([
      "strategy.yml:1:1 (file): the file is 301 KiB; strategy files are limited to 256 KiB",
    ]);
  });

  it("counts bytes, not characters", () => {
    // 100 Ki three-byte characters: 300 KiB in UTF-8.
    expect(errorsOf(`name: ${"€".repeat(100 * 1024)}\n`)[0]).toMatch(/limited to 256 KiB$/);
    expect(MAX_STRATEGY_BYTES).toBe(256 * 1024);
  });

  it("stops an alias bomb", () => {
    // Reported at the alias whose expansion passes the limit.
    expect(errorsOf(aliasBomb())).toEqual(["strategy.yml:3:50 (file): more than 100 aliases"]);
  });

  it.each([
    [
      "10,000 nested flow sequences",
      "[".repeat(10_000),
      "strategy.yml:1:64 (file): the file nests deeper than 64 levels",
    ],
    [
      "the same as a value",
      `version: 1\nproblems: ${"[".repeat(10_000)}${"]".repeat(10_000)}`,
      "strategy.yml:2:74 (file): the file nests deeper than 64 levels",
    ],
    [
      "10,000 nested block sequences",
      `${"- ".repeat(10_000)}x`,
      "strategy.yml:1:129 (file): the file nests deeper than 64 levels",
    ],
    [
      "10,000 explicit keys",
      `${"? ".repeat(10_000)}x`,
      "strategy.yml:1:129 (file): the file nests deeper than 64 levels",
    ],
    [
      "100 indented mappings",
      `a:\n${Array.from({ length: 100 }, (_, i) => `${" ".repeat(i + 1)}b:`).join("\n")}`,
      "strategy.yml:65:65 (file): the file nests deeper than 64 levels",
    ],
  ])("refuses %s with a located error", (_what, text, expected) => {
    expect(errorsOf(text)).toEqual([expected]);
  });

  it("refuses an alias that nests beyond the limit when expanded, at the alias", () => {
    const deep = (inner: string) => `${"[".repeat(40)}${inner}${"]".repeat(40)}`;
    expect(errorsOf(`a: &x ${deep("y")}\nb: ${deep("*x")}\n`)).toEqual([
      "strategy.yml:2:44 (file): the file nests deeper than 64 levels",
    ]);
  });

  it("treats __proto__ and constructor as unknown keys and leaves prototypes alone", () => {
    const text = file(
      `${PROBLEM}    __proto__: { polluted: true }\n`,
      "constructor: { prototype: { polluted: true } }\n__proto__:\n  polluted: true\n",
    );
    expect(errorsOf(text)).toEqual([
      "strategy.yml:5:5 problems[0].__proto__: unknown key `__proto__`; expected one of `id`, `title`, `why`, `label`, `color`, `share`, `metrics`, `match`, `plan`",
      "strategy.yml:6:1 constructor: unknown key `constructor`; expected one of `version`, `extends`, `name`, `owner`, `status`, `effective`, `diagnosis`, `policies`, `problems`, `settings`",
      "strategy.yml:7:1 __proto__: unknown key `__proto__`; expected one of `version`, `extends`, `name`, `owner`, `status`, `effective`, `diagnosis`, `policies`, `problems`, `settings`",
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("caps the number of errors and says how many more there are", () => {
    const errors = errorsOf(file(PROBLEM, Array.from({ length: 80 }, (_, i) => `k${i}: 1\n`).join("")));
    expect(errors).toHaveLength(51);
    expect(errors[50]).toBe("strategy.yml:55:1 (file): 30 more errors not shown");
  });

  it("reads a file at the size limit", () => {
    const padding = MAX_STRATEGY_BYTES - file(PROBLEM, 'diagnosis: ""\n').length;
    const text = file(PROBLEM, `diagnosis: "${"x".repeat(padding)}"\n`);
    expect(Buffer.byteLength(text)).toBe(MAX_STRATEGY_BYTES);
    expect(errorsOf(text)).toEqual([]);
  });
});
