/**
 * `strategy.yml` text to a valid Strategy or located errors. Reading order: limits and YAML, then the
 * schema and cross-field rules; with `extends`, the base on its own, the local file as an overlay, then
 * the merge. Never throws: whatever goes wrong becomes an error at the top of the file.
 */
import { isRecord, stringAt } from "./data.js";
import { sortErrors, type StrategyError } from "./errors.js";
import { parseExtending } from "./extend.js";
import { loadYaml } from "./load.js";
import { notAMapping, place, type Parsed } from "./place.js";
import { validateExtending, validateStrategy } from "./validate.js";

export type { Parsed } from "./place.js";

/** More would not help anyone fix the file, and check runs take 50 annotations per request. */
export const MAX_ERRORS = 50;

/**
 * `file` is the path shown in errors (e.g. ".github/strategy.yml"); `base` the already-fetched text of the
 * strategy named by `extends` (leave it out when that strategy could not be found or read).
 */
export function parseStrategy(text: string, file: string, base?: { text: string; file: string }): Parsed {
  try {
    const result = parse(text, file, base);
    if (result.ok) return result;
    return { ok: false, errors: capped(sortErrors(result.errors, [file, base?.file ?? file])) };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      errors: [{ file, line: 1, column: 1, path: "", message: `the file could not be checked: ${reason}` }],
    };
  }
}

/** The `extends:` value of a file without validating it (undefined when absent or unreadable). */
export function extendsOf(text: string): string | undefined {
  try {
    return stringAt(loadYaml(text, "").data, "extends");
  } catch {
    return undefined;
  }
}

/**
 * A file that `extends` another, checked on its own when the strategy it extends is not at hand: its YAML,
 * its structure and its ids, but not the merged strategy. No errors means only that much is right.
 */
export function checkExtendingFile(text: string, file: string): StrategyError[] {
  try {
    const local = loadYaml(text, file);
    if (local.errors.length > 0) return capped(local.errors);
    if (!isRecord(local.data)) return [notAMapping(local)];
    return capped(sortErrors(place(local.source, validateExtending(local.data)), [file]));
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return [{ file, line: 1, column: 1, path: "", message: `the file could not be checked: ${reason}` }];
  }
}

function parse(text: string, file: string, base?: { text: string; file: string }): Parsed {
  const local = loadYaml(text, file);
  if (local.errors.length > 0) return { ok: false, errors: local.errors };
  if (!isRecord(local.data)) return { ok: false, errors: [notAMapping(local)] };
  if (local.data.extends !== undefined) return parseExtending(local.data, local.source, base);
  const { strategy, findings } = validateStrategy(local.data);
  return strategy ? { ok: true, strategy } : { ok: false, errors: place(local.source, findings) };
}

function capped(errors: StrategyError[]): StrategyError[] {
  const next = errors[MAX_ERRORS];
  if (next === undefined) return errors; // MAX_ERRORS at most
  return [
    ...errors.slice(0, MAX_ERRORS),
    { ...next, path: "", message: `${errors.length - MAX_ERRORS} more errors not shown` },
  ];
}
