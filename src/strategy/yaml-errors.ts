/**
 * YAML syntax errors in plain words, one per cause, at the line that causes them. The parser reports where
 * it got lost, often a line or more after the mistake and with knock-on errors after the first; a person
 * wants the line to fix. Looked for, in order: lines indented with tabs, a line indented out of step with
 * the key above it, an unclosed bracket or quote; otherwise the parser's first error in its own words.
 */
import type { YAMLError } from "yaml";
import type { StrategyError } from "./errors.js";
import { errorAt, type SourceText } from "./source.js";

export function yamlErrors(source: SourceText, errors: readonly YAMLError[]): StrategyError[] {
  const first = errors[0];
  if (!first) return [];
  if (first.code === "MULTIPLE_DOCS") {
    return [errorAt(source, first.pos[0], [], "the file holds more than one YAML document (a second `---`); keep one")];
  }
  const lines = splitLines(source.text);
  const inScalars = blockScalarLines(lines);
  const tabs = lines.filter((l) => /^ *\t/.test(l.text) && l.text.trim() !== "" && !inScalars.has(l.number));
  if (tabs.length > 0) {
    return tabs.map((l) =>
      errorAt(
        source,
        l.offset + l.text.indexOf("\t"),
        [],
        `line ${l.number} is indented with a tab; YAML indents with spaces only`,
      ),
    );
  }
  const firstLine = source.lines.linePos(first.pos[0]).line;
  // The parser may stop on the line above the mistake (a key taken as the start of a compact mapping).
  const indent = indentationCause(lines, Math.max(firstLine + 1, source.lines.linePos(first.pos[1]).line));
  if (indent) return [errorAt(source, indent.offset, [], indent.message)];
  const dash = lines.find((l) => l.number <= firstLine && /^ *-[^\s-]/.test(l.text) && !inScalars.has(l.number));
  if (dash) {
    const offset = dash.offset + dash.text.indexOf("-");
    return [
      errorAt(
        source,
        offset,
        [],
        `line ${dash.number} starts with \`-\` and no space after it; a list item is \`- \` followed by the item`,
      ),
    ];
  }
  const unclosed = unclosedCause(first, lines, firstLine);
  if (unclosed) return [errorAt(source, unclosed.offset, [], unclosed.message)];
  if (/implicit map keys need to be followed by map values/i.test(first.message)) {
    return [
      errorAt(
        source,
        first.pos[0],
        [],
        `line ${firstLine} is neither \`key: value\` nor a list item \`- …\`; is the colon after the key missing?`,
      ),
    ];
  }
  if (first.code === "BLOCK_AS_IMPLICIT_KEY") {
    return [
      errorAt(
        source,
        first.pos[0],
        [],
        `line ${firstLine} has a second \`: \` after its key; put the value in quotes if it holds one`,
      ),
    ];
  }
  return [errorAt(source, first.pos[0], [], parserWords(first))];
}

/** Lines inside block scalars (`|` or `>`): text, where a tab or a leading `-` is content. */
function blockScalarLines(lines: Line[]): Set<number> {
  const inside = new Set<number>();
  let keyColumn: number | undefined;
  for (const line of lines) {
    const indent = /^ */.exec(line.text)?.[0].length ?? 0;
    if (keyColumn !== undefined && (line.text.trim() === "" || indent > keyColumn)) {
      inside.add(line.number);
      continue;
    }
    keyColumn = undefined;
    const current = line.text.includes("\t") ? undefined : shape(line);
    if (current?.blockScalar) keyColumn = current.keyColumn;
  }
  return inside;
}

interface Line {
  number: number;
  offset: number;
  text: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let offset = 0;
  for (const [i, raw] of text.split("\n").entries()) {
    lines.push({ number: i + 1, offset, text: raw.replace(/\r$/, "") });
    offset += raw.length + 1;
  }
  return lines;
}

/** `text` with quoted parts and a trailing comment blanked out, so brackets and colons in them do not count. */
function code(text: string): string {
  return text.replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g, (m) => " ".repeat(m.length)).replace(/(^|\s)#.*$/, "$1");
}

const KEY = /^((?:- +)*)([^\s#'"[{\-?:][^:]*?|"[^"]*"|'[^']*'):(?:\s+(.*))?$/;

interface Shape {
  number: number;
  offset: number;
  indent: number;
  /** Where the line's key (or item content) starts. */
  keyColumn: number;
  isKey: boolean;
  /** Starts with `- `. */
  isItem: boolean;
  /** A key with nothing after it (or only an anchor, a tag or a block-scalar indicator): children follow. */
  opensBlock: boolean;
  blockScalar: boolean;
  flowDepth: number;
}

function shape(line: Line): Shape | undefined {
  const stripped = code(line.text);
  if (stripped.trim() === "" || line.text.trim().startsWith("#")) return undefined;
  const indent = stripped.length - stripped.trimStart().length;
  const rest = stripped.slice(indent).trimEnd();
  const dashes = /^(?:- +)*/.exec(rest)?.[0] ?? "";
  const match = KEY.exec(rest);
  const value = (match?.[3] ?? "").trim();
  const blockScalar = /^(?:[&!]\S*\s+)*[|>][-+0-9]*$/.test(value);
  const flowDepth = [...rest].reduce(
    (depth, c) => depth + (c === "[" || c === "{" ? 1 : c === "]" || c === "}" ? -1 : 0),
    0,
  );
  return {
    number: line.number,
    offset: line.offset + indent,
    indent,
    keyColumn: indent + dashes.length,
    isKey: match !== null,
    isItem: dashes !== "",
    opensBlock: match !== null && (value === "" || /^(?:[&!]\S*\s*)+$/.test(value) || blockScalar),
    blockScalar,
    flowDepth,
  };
}

/** The first line, up to the parser's first error, indented out of step with the lines above it. */
function indentationCause(lines: Line[], lastLine: number): { offset: number; message: string } | undefined {
  const open: number[] = [];
  let previous: Shape | undefined;
  let scalarAbove: number | undefined; // inside a block scalar (| or >) whose key sits at this column
  let flow = 0;
  for (const line of lines) {
    if (line.number > lastLine) break;
    const current = shape(line);
    if (!current) continue;
    if (scalarAbove !== undefined && current.indent > scalarAbove) continue;
    scalarAbove = undefined;
    if (flow > 0) {
      flow = Math.max(0, flow + current.flowDepth);
      continue;
    }
    while ((open.at(-1) ?? -1) > current.indent) open.pop();
    const level = open.at(-1) ?? -1;
    // A more indented line that is neither a key nor an item continues a plain value over several lines.
    if (previous && !current.isKey && !current.isItem && current.indent > level) continue;
    if (previous && level !== current.indent) {
      const child = previous.opensBlock && current.indent > level;
      if (!child && current.indent > previous.keyColumn) {
        const what = previous.isKey ? "the key above it" : "the line above it";
        return {
          offset: current.offset,
          message: `line ${current.number} is indented more than ${what} (line ${previous.number}); keys of one mapping start in the same column`,
        };
      }
      if (!child) {
        return {
          offset: current.offset,
          message: `line ${current.number} is indented ${current.indent} spaces, in line with no key above it; keys of one mapping start in the same column`,
        };
      }
    }
    if (level !== current.indent) open.push(current.indent);
    if (current.keyColumn > current.indent) open.push(current.keyColumn);
    if (current.blockScalar) scalarAbove = current.keyColumn;
    flow = Math.max(0, current.flowDepth);
    previous = current;
  }
  return undefined;
}

/** A bracket or quote opened and never closed: the line where it opens. */
function unclosedCause(
  error: YAMLError,
  lines: Line[],
  lastLine: number,
): { offset: number; message: string } | undefined {
  const closing =
    /end with an? ([\]}])/.exec(error.message)?.[1] ?? /missing closing (["'])quote/i.exec(error.message)?.[1];
  if (!closing) return undefined;
  const opening = closing === "]" ? "[" : closing === "}" ? "{" : closing;
  for (const line of [...lines].reverse()) {
    if (line.number > lastLine) continue;
    const at =
      opening === '"' || opening === "'"
        ? unclosedQuote(line.text, opening)
        : unclosedBracket(line.text, opening, closing);
    if (at !== undefined) {
      const what =
        opening === '"' || opening === "'"
          ? `the quote ${opening} opened on line ${line.number} is never closed`
          : `the \`${opening}\` on line ${line.number} is never closed with \`${closing}\``;
      return { offset: line.offset + at, message: what };
    }
  }
  return undefined;
}

function unclosedQuote(text: string, quote: string): number | undefined {
  const stripped = text.replace(quote === '"' ? /"(?:[^"\\]|\\.)*"/g : /'(?:[^']|'')*'/g, (m) => " ".repeat(m.length));
  const at = stripped.search(quote === '"' ? /(?:^|[\s:[{,-])"/ : /(?:^|[\s:[{,-])'/);
  if (at === -1) return undefined;
  return stripped.indexOf(quote, at);
}

function unclosedBracket(text: string, opening: string, closing: string): number | undefined {
  const stripped = code(text);
  let depth = 0;
  let at: number | undefined;
  for (let i = stripped.length - 1; i >= 0; i--) {
    if (stripped[i] === closing) depth++;
    else if (stripped[i] === opening) {
      if (depth === 0) {
        at = i;
        break;
      }
      depth--;
    }
  }
  return at;
}

/** yaml's own message, as a clause after the path. */
function parserWords(error: YAMLError): string {
  const message = error.message.replace(/\n[\s\S]*/, "").replace(/\.$/, "");
  return /^[A-Z][a-z]/.test(message) ? message.charAt(0).toLowerCase() + message.slice(1) : message;
}
