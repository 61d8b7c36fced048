/**
 * Limits that keep a hostile or broken file cheap to reject. Nesting is checked on the token stream,
 * before the YAML composer sees a document: its recursion and memory grow with nesting: ten thousand `[` or `- ` would overflow the stack or exhaust
 * memory long before any schema could object.
 */
import { CST } from "yaml";

export const MAX_STRATEGY_BYTES = 256 * 1024;
/** Far beyond any real strategy (about 6 levels), far below what could hurt. */
export const MAX_DEPTH = 64;
/** Alias uses are legitimate in small numbers; many of them is how "billion laughs" files grow. */
export const MAX_ALIASES = 100;
/** Values produced from the document, aliases expanded: bounds the work of a file that expands. */
export const MAX_VALUES = 100_000;

export interface LimitViolation {
  offset: number;
  message: string;
}

export function sizeViolation(text: string): LimitViolation | undefined {
  // UTF-16 length never exceeds the UTF-8 byte count, so the exact count is only needed near the limit.
  const bytes = text.length > MAX_STRATEGY_BYTES ? text.length : Buffer.byteLength(text, "utf8");
  if (bytes <= MAX_STRATEGY_BYTES) return undefined;
  return {
    offset: 0,
    message: `the file is ${Math.ceil(bytes / 1024)} KiB; strategy files are limited to ${MAX_STRATEGY_BYTES / 1024} KiB`,
  };
}

// Tokens the lexer emits as markers; they take no room in the source.
const MARKERS = new Set<string>([CST.DOCUMENT, CST.FLOW_END, CST.SCALAR]);

/**
 * Follows the lexer's tokens and returns a violation once nesting passes MAX_DEPTH. An upper estimate
 * (the lexer keeps no stack, so this is safe on any input): flow brackets count one level each; in block
 * context each line's indentation and each `- ` or `? ` before more content on the same line open a
 * level, the way an indentation stack does.
 */
export function depthTracker(): (token: string) => LimitViolation | undefined {
  const block: number[] = [];
  let flow = 0;
  let offset = 0;
  let column = 0;
  let lineStart = true;
  let nested = false;
  let afterScalarMarker = false;
  return (token) => {
    const type = afterScalarMarker ? "scalar" : CST.tokenType(token);
    afterScalarMarker = token === CST.SCALAR;
    if (!MARKERS.has(token) && type !== "space" && type !== "newline" && type !== "comment" && flow === 0) {
      if (lineStart) while ((block.at(-1) ?? -1) >= column) block.pop();
      if (lineStart || nested) block.push(column);
      lineStart = false;
      nested = type === "seq-item-ind" || type === "explicit-key-ind";
    }
    if (type === "flow-seq-start" || type === "flow-map-start") flow++;
    else if ((type === "flow-seq-end" || type === "flow-map-end") && flow > 0) flow--;
    else if (type === "doc-start") block.length = 0;
    if (block.length + flow > MAX_DEPTH) return { offset, message: `the file nests deeper than ${MAX_DEPTH} levels` };
    if (!MARKERS.has(token)) {
      offset += token.length;
      const newline = token.lastIndexOf("\n");
      column = newline === -1 ? column + token.length : token.length - newline - 1;
      if (token.endsWith("\n")) lineStart = true;
    }
    return undefined;
  };
}
