/**
 * The YAML document as plain data for the schema. Written out rather than using `toJS` so that every
 * limit is ours: aliases are counted, expansion is bounded, depth is checked at each level, and keys land
 * on prototype-less objects, where `__proto__` or `constructor` is just an (unknown) key.
 */
import { isAlias, isMap, isNode, isScalar, isSeq, type Document } from "yaml";
import { quote } from "./words.js";
import { MAX_ALIASES, MAX_DEPTH, MAX_VALUES, type LimitViolation } from "./limits.js";

class Stop extends Error {
  constructor(readonly violation: LimitViolation) {
    super(violation.message);
  }
}

export interface PlainResult {
  value: unknown;
  problems: LimitViolation[];
}

export function toPlain(doc: Document.Parsed): PlainResult {
  const problems: LimitViolation[] = [];
  let aliases = 0;
  let values = 0;

  // `via`: the outermost alias being expanded, where a limit hit inside the expansion is reported.
  const convert = (node: unknown, depth: number, via?: number): unknown => {
    const offset = via ?? (isNode(node) && node.range ? node.range[0] : 0);
    if (depth > MAX_DEPTH) throw new Stop({ offset, message: `the file nests deeper than ${MAX_DEPTH} levels` });
    if (++values > MAX_VALUES) throw new Stop({ offset, message: "the file expands to too many values" });
    if (isAlias(node)) {
      if (++aliases > MAX_ALIASES) throw new Stop({ offset, message: `more than ${MAX_ALIASES} aliases` });
      const target = node.resolve(doc);
      if (target === undefined)
        throw new Stop({ offset, message: `the alias *${node.source} has no anchor &${node.source} before it` });
      return convert(target, depth + 1, offset);
    }
    if (isScalar(node)) return scalar(node.value, node.source);
    if (isSeq(node)) return node.items.map((item) => convert(item, depth + 1, via));
    if (isMap(node)) {
      const object: Record<string, unknown> = Object.create(null);
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (pair.key !== null && !isScalar(pair.key)) {
          const at = isNode(pair.key) && pair.key.range ? pair.key.range[0] : offset;
          problems.push({ offset: at, message: "keys must be plain text" });
          continue;
        }
        const key = keyText(pair.key) ?? "";
        // Checked here rather than by the parser, whose check compares every pair with every other.
        if (seen.has(key))
          problems.push({ offset: pair.key?.range?.[0] ?? offset, message: `the key ${quote(key)} appears twice` });
        seen.add(key);
        object[key] = pair.value === null ? null : convert(pair.value, depth + 1, via);
      }
      return object;
    }
    return null;
  };

  try {
    return { value: convert(doc.contents, 0), problems };
  } catch (e) {
    if (e instanceof Stop) return { value: undefined, problems: [...problems, e.violation] };
    throw e;
  }
}

/** Plain YAML values pass through; anything a `%YAML 1.1` tag made richer (dates, binary) stays as written. */
function scalar(value: unknown, source: unknown): unknown {
  if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  return typeof source === "string" ? source : String(value);
}

/** A mapping key as the data spells it; undefined for keys that are not plain values. */
export function keyText(key: unknown): string | undefined {
  if (key === null) return "";
  if (!isScalar(key)) return undefined;
  // Keys are names: `null:` or `~:` mean the word as written, not an empty key.
  if (key.value === null) return typeof key.source === "string" ? key.source : "";
  return String(scalar(key.value, key.source));
}
