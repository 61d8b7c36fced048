/** Findings placed in a file: the step from "what is wrong at which path" to "which line and column". */
import type { StrategyError } from "./errors.js";
import type { Finding } from "./finding.js";
import type { Loaded } from "./load.js";
import type { Strategy } from "./schema.js";
import { errorAt, locate, type SourceText } from "./source.js";

export type Parsed = { ok: true; strategy: Strategy } | { ok: false; errors: StrategyError[] };

export function place(source: SourceText, findings: Finding[]): StrategyError[] {
  return findings.map((finding) => placeOne(source, finding));
}

export function placeOne(source: SourceText, finding: Finding): StrategyError {
  const error = errorAt(source, locate(source, finding.path, finding.at), finding.path, finding.message);
  if (!finding.also?.length) return error;
  const lines = [
    ...finding.also.map((path) => errorAt(source, locate(source, path, finding.at), path, "").line),
    error.line,
  ];
  return { ...error, message: `${finding.message}: on lines ${listOf(lines)}` };
}

function listOf(numbers: number[]): string {
  return numbers.length < 2
    ? String(numbers[0])
    : `${numbers.slice(0, -1).join(", ")} and ${numbers[numbers.length - 1]}`;
}

/** The whole document is something other than `key: value` lines (empty, a list, a lone word). */
export function notAMapping(loaded: Loaded): StrategyError {
  const message =
    loaded.data === null || loaded.data === undefined
      ? "the file is empty; it needs at least `version: 1` and `problems`"
      : "expected a mapping (key: value) with `version` and `problems`";
  return errorAt(loaded.source, locate(loaded.source, []), [], message);
}
