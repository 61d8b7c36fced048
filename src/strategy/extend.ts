/**
 * A file with `extends`: the base validated on its own (errors in the base's file), the local file as an
 * overlay (each problem needs only its id), then the merge, with each error placed in the file its value
 * came from.
 */
import { isRecord, type Data } from "./data.js";
import type { StrategyError } from "./errors.js";
import { loadYaml, type Loaded } from "./load.js";
import { mergeStrategies } from "./merge.js";
import { notAMapping, place, placeOne, type Parsed } from "./place.js";
import { errorAt, locate, type SourceText } from "./source.js";
import { validateExtending, validateStrategy } from "./validate.js";
import { quote } from "./words.js";

export function parseExtending(
  localData: Data,
  localSource: SourceText,
  base?: { text: string; file: string },
): Parsed {
  const errors = place(localSource, validateExtending(localData));
  const extended = typeof localData.extends === "string" ? localData.extends : undefined;
  if (base === undefined) {
    if (extended !== undefined && errors.every((e) => e.path !== "extends")) {
      const message = `cannot extend ${quote(extended)}: its strategy file was not found or could not be read`;
      errors.push(errorAt(localSource, locate(localSource, ["extends"]), ["extends"], message));
    }
    return { ok: false, errors };
  }
  const inherited = loadYaml(base.text, base.file);
  errors.push(...inherited.errors);
  if (inherited.errors.length === 0) errors.push(...checkBase(inherited));
  if (errors.length > 0 || !isRecord(inherited.data)) return { ok: false, errors };
  return merged(inherited.data, inherited.source, localData, localSource);
}

function checkBase(base: Loaded): StrategyError[] {
  if (!isRecord(base.data)) return [notAMapping(base)];
  const errors = place(base.source, validateStrategy(base.data).findings);
  if (base.data.extends !== undefined) {
    const message = "a strategy that others extend cannot extend another one";
    errors.push(errorAt(base.source, locate(base.source, ["extends"], "key"), ["extends"], message));
  }
  return errors;
}

function merged(baseData: Data, baseSource: SourceText, localData: Data, localSource: SourceText): Parsed {
  const merge = mergeStrategies(baseData, localData);
  const { strategy, findings } = validateStrategy(merge.data);
  if (strategy) return { ok: true, strategy };
  return fail(
    findings.map((finding) => {
      const { side, path } = merge.origin(finding.path);
      const [field, index, key] = finding.path;
      const isNewProblem = field === "problems" && typeof index === "number" && merge.isNew(index);
      const message =
        isNewProblem && finding.message === "required" && typeof key === "string"
          ? `required: this problem is not in the strategy it extends, so it needs its own ${key}`
          : finding.message;
      return placeOne(side === "local" ? localSource : baseSource, { ...finding, path, message });
    }),
  );
}

function fail(errors: StrategyError[]): Parsed {
  return { ok: false, errors };
}
