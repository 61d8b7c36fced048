/**
 * A strategy file's text with its parsed YAML document, and the way back from a path in the data to a
 * line and column in the text.
 */
import { isMap, isNode, isSeq, LineCounter, type Document, type Pair, type YAMLMap } from "yaml";
import type { StrategyError } from "./errors.js";
import { formatPath, type Path } from "./path.js";
import { keyText } from "./plain.js";

export interface SourceText {
  file: string;
  text: string;
  lines: LineCounter;
  doc?: Document.Parsed;
}

export function createSource(text: string, file: string): SourceText {
  // Filled here rather than by the parser, so errors found before parsing have positions too.
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lines.addNewLine(i + 1);
  return { file, text, lines };
}

export function errorAt(source: SourceText, offset: number, path: Path, message: string): StrategyError {
  const { line, col } = source.lines.linePos(Math.max(0, Math.min(offset, source.text.length)));
  return { file: source.file, line: Math.max(1, line), column: Math.max(1, col), path: formatPath(path), message };
}

/**
 * The offset of the node at `path`: its key when `at` is "key", else its value (or its key when the value
 * is empty). A path that goes beyond the document stops at the nearest node that exists.
 */
export function locate(source: SourceText, path: Path, at: "key" | "value" = "value"): number {
  let node: unknown = source.doc?.contents;
  let offset = start(node) ?? 0;
  let keyOffset: number | undefined;
  let matched = 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = pairsOf(node).get(String(segment));
      if (!pair) break;
      keyOffset = start(pair.key) ?? offset;
      node = pair.value;
      offset = nonEmpty(node) ? (start(node) ?? keyOffset) : keyOffset;
    } else if (isSeq(node) && typeof segment === "number" && isNode(node.items[segment])) {
      node = node.items[segment];
      keyOffset = undefined;
      offset = start(node) ?? offset;
    } else break;
    matched++;
  }
  return at === "key" && matched === path.length && keyOffset !== undefined ? keyOffset : offset;
}

function start(node: unknown): number | undefined {
  return isNode(node) && node.range ? node.range[0] : undefined;
}

function nonEmpty(node: unknown): boolean {
  return isNode(node) && node.range !== undefined && node.range !== null && node.range[1] > node.range[0];
}

// Many errors in one large mapping would otherwise search it once per error.
const indexes = new WeakMap<YAMLMap, Map<string, Pair>>();

function pairsOf(map: YAMLMap): Map<string, Pair> {
  let index = indexes.get(map);
  if (!index) {
    index = new Map();
    for (const pair of map.items) {
      const key = keyText(pair.key);
      if (key !== undefined && !index.has(key)) index.set(key, pair);
    }
    indexes.set(map, index);
  }
  return index;
}
