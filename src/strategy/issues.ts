/**
 * zod's issues in plain English, one finding per problem: each unknown key becomes its own finding at
 * that key, with a suggestion when a known key is a likely typo.
 */
import type { z } from "zod";
import type { Finding } from "./finding.js";
import { closest } from "./hint.js";
import { formatPath, type Path } from "./path.js";
import { keysAt } from "./schema-walk.js";
import { code, describeValue, expectedName } from "./words.js";

export function issueFindings(issues: readonly z.core.$ZodIssue[], schema: z.ZodType): Finding[] {
  return issues.flatMap((issue): Finding[] => {
    const path = issue.path.filter((s): s is string | number => typeof s !== "symbol");
    if (issue.code === "unrecognized_keys") {
      const describe = unknownKeys(schema, path);
      return issue.keys.map((key) => ({ path: [...path, key], at: "key", message: describe(key) }));
    }
    return [{ path, message: issueMessage(issue) }];
  });
}

/** Messages for unknown keys in the object at `at`: a likely typo, a key that belongs one level down, or the choices. */
function unknownKeys(schema: z.ZodType, at: Path): (key: string) => string {
  const known = keysAt(schema, at);
  // A rule written straight under the problem instead of under `match`, and the like.
  const homes = new Map<string, string>();
  for (const parent of known)
    for (const child of keysAt(schema, [...at, parent])) if (!homes.has(child)) homes.set(child, parent);
  const choices = known.map((k) => `\`${k}\``).join(", ");
  return (raw) => {
    const key = code(raw);
    const typo = closest(raw, known);
    if (typo) return `unknown key ${key} (did you mean \`${typo}\`?)`;
    const home = homes.get(raw);
    if (home) return `unknown key ${key} (it belongs under \`${formatPath([home])}\`)`;
    return known.length > 0 ? `unknown key ${key}; expected one of ${choices}` : `unknown key ${key}`;
  };
}

function issueMessage(issue: z.core.$ZodIssue): string {
  const input: unknown = issue.input;
  switch (issue.code) {
    case "invalid_type":
      if (input === undefined) return "required";
      return `expected ${expectedName(issue.expected)}, got ${describeValue(input)}`;
    case "invalid_value": {
      if (input === undefined) return "required";
      const values = issue.values.map((v) => String(v));
      if (values.length === 1) {
        const quoted = typeof input === "string" && typeof issue.values[0] !== "string" && input === values[0];
        return quoted ? `must be ${values[0]}, without quotes` : `must be ${values[0]}`;
      }
      const typo = typeof input === "string" ? closest(input, values) : undefined;
      return `expected one of ${values.join(", ")}, got ${describeValue(input)}${typo ? ` (did you mean ${typo}?)` : ""}`;
    }
    case "too_small":
      return tooSmall(issue.origin, Number(issue.minimum), issue.inclusive !== false, input);
    case "too_big":
      return tooBig(issue.origin, Number(issue.maximum), issue.inclusive !== false, input);
    case "invalid_format":
      return issue.message.startsWith("Invalid") ? `${describeValue(input)} has the wrong format` : issue.message;
    case "invalid_union": {
      // The alternative the value's type belongs to says what is wrong with it; if none, list the types.
      const firsts = issue.errors.flatMap(([first]) => (first ? [first] : [])); // each alternative's first issue
      const sameType = (e: z.core.$ZodIssue) =>
        e.code === "invalid_type" &&
        (typeof input === "number" ? ["number", "int"].includes(e.expected) : e.expected === typeof input);
      const typed = firsts.find((e) => e.code !== "invalid_type") ?? firsts.find(sameType);
      if (typed) return issueMessage(typed);
      const expected = firsts.flatMap((e) => (e.code === "invalid_type" ? [expectedName(e.expected)] : []));
      if (input === undefined) return "required";
      if (expected.length > 0) return `expected ${[...new Set(expected)].join(" or ")}, got ${describeValue(input)}`;
      return issue.message.replace(/^Invalid input/, "invalid value");
    }
    default:
      return issue.message.replace(/^Invalid input/, "invalid value");
  }
}

function tooSmall(origin: string, minimum: number, inclusive: boolean, input: unknown): string {
  if (origin === "array") return minimum <= 1 ? "needs at least one entry" : `needs at least ${minimum} entries`;
  if (origin === "string") return minimum <= 1 ? "must not be empty" : `must be at least ${minimum} characters`;
  return `must be ${inclusive ? "at least" : "more than"} ${minimum}, got ${describeValue(input)}`;
}

function tooBig(origin: string, maximum: number, inclusive: boolean, input: unknown): string {
  if (origin === "array")
    return `has ${Array.isArray(input) ? input.length : "too many"} entries; at most ${maximum} allowed`;
  if (origin === "string") {
    const length = typeof input === "string" ? Array.from(input).length : undefined;
    return `is ${length ?? "too many"} characters long; at most ${maximum} allowed`;
  }
  return `must be ${inclusive ? "at most" : "less than"} ${maximum}, got ${describeValue(input)}`;
}
