/**
 * `extends`: the local file on top of the strategy it names. Problems with an inherited id take the local
 * fields, except `match`, whose lists are appended; new problems are added; top-level fields and settings
 * (key by key, `report` too) override. Plain data in, plain data out, so the result is validated like any
 * file; `origin` tells which file and path a value of the result came from, to place errors.
 */
import { hasPath, isRecord, listAt, recordAt, stringAt, type Data } from "./data.js";
import type { Path } from "./path.js";

export type Side = "local" | "base";

export interface Merged {
  data: Data;
  origin(path: Path): { side: Side; path: Path };
  /** Whether the problem at this index of the result exists only in the local file. */
  isNew(index: number): boolean;
}

interface Provenance {
  base?: number;
  local?: number;
}

export function mergeStrategies(base: Data, local: Data): Merged {
  const data = copy(base);
  for (const key of Object.keys(local)) {
    if (key !== "problems" && key !== "settings") data[key] = local[key];
  }
  const [baseSettings, localSettings] = [recordAt(base, "settings"), recordAt(local, "settings")];
  const settings = overlay(baseSettings, localSettings);
  settings.report = overlay(recordAt(baseSettings, "report"), recordAt(localSettings, "report"));
  data.settings = settings;

  const problems: { value: unknown; from: Provenance }[] = listAt(base, "problems").map((value, j) => ({
    value,
    from: { base: j },
  }));
  listAt(local, "problems").forEach((value, k) => {
    const id = stringAt(value, "id");
    const inherited = problems.find(
      (p) => p.from.local === undefined && id !== undefined && stringAt(p.value, "id") === id,
    );
    if (inherited === undefined) problems.push({ value, from: { local: k } });
    else {
      inherited.value = mergeProblem(inherited.value, value);
      inherited.from = { ...inherited.from, local: k };
    }
  });
  data.problems = problems.map((p) => p.value);

  const origin = (path: Path): { side: Side; path: Path } => {
    const from = path[0] === "problems" && typeof path[1] === "number" ? problems[path[1]]?.from : undefined;
    if (from === undefined) return { side: hasPath(local, path) || !hasPath(base, path) ? "local" : "base", path };
    return problemOrigin(from, path.slice(2), base, local);
  };
  return { data, origin, isNew: (index) => problems[index]?.from.base === undefined };
}

function problemOrigin(from: Provenance, rest: Path, base: Data, local: Data): { side: Side; path: Path } {
  const inBase = (tail: Path): Path => ["problems", from.base as number, ...tail];
  const inLocal = (tail: Path): Path => ["problems", from.local as number, ...tail];
  if (from.base === undefined) return { side: "local", path: inLocal(rest) };
  if (from.local === undefined) return { side: "base", path: inBase(rest) };
  const [field, list, index, ...deeper] = rest;
  // Appended lists: the inherited entries come first, then the local ones.
  if (field === "match" && typeof list === "string" && typeof index === "number") {
    const inherited = listAt(recordAt(listAt(base, "problems")[from.base], "match"), list).length;
    if (index < inherited) return { side: "base", path: inBase(rest) };
    return { side: "local", path: inLocal(["match", list, index - inherited, ...deeper]) };
  }
  return hasPath(local, inLocal(rest)) ? { side: "local", path: inLocal(rest) } : { side: "base", path: inBase(rest) };
}

function mergeProblem(inherited: unknown, local: unknown): Data {
  const result = copy(isRecord(inherited) ? inherited : {});
  if (!isRecord(local)) return result;
  for (const key of Object.keys(local)) {
    if (key === "match" && isRecord(local.match)) {
      const match = copy(recordAt(inherited, "match") ?? {});
      for (const list of Object.keys(local.match)) match[list] = [...listAt(match, list), ...listAt(local.match, list)];
      result.match = match;
    } else result[key] = local[key];
  }
  return result;
}

function overlay(under: Data | undefined, over: Data | undefined): Data {
  return Object.assign(copy(under ?? {}), over ?? {});
}

/** A shallow copy without a prototype, like the objects the YAML reader makes. */
function copy(record: Data): Data {
  return Object.assign(Object.create(null) as Data, record);
}
