/**
 * Globs for `paths` and `branches`, translated to RE2 so that matching is linear in the path's length
 * whatever the glob: a pull request's file names come from its author, and a backtracking matcher can
 * be made to spin for minutes by one long name. Supported: `*` (within a segment), `**` (any number of
 * whole segments), `?`, `[abc]` / `[!abc]` / `[a-z]`, `{a,b}` (nestable) and `\` escapes; dotfiles match.
 */
import { RE2JS } from "re2js";

export class GlobError extends Error {}

/** An anchored RE2 expression matching what the glob matches; throws GlobError for a malformed glob. */
export function globSource(glob: string): string {
  if (/[!@+*?]\(/.test(glob))
    throw new GlobError('extended globs such as "!(…)" are not supported; list the paths instead');
  // "dir/**" also covers "dir" itself.
  if (glob.endsWith("/**")) return `^${translate(glob.slice(0, -3))}(?:/.*)?$`;
  return `^${translate(glob)}$`;
}

/** One matcher for several globs; undefined when none compiles. */
export function compileGlobs(globs: readonly string[]): ((path: string) => boolean) | undefined {
  const sources = globs.flatMap((glob) => {
    try {
      return [`(?:${globSource(glob)})`];
    } catch {
      return [];
    }
  });
  if (sources.length === 0) return undefined;
  const re = RE2JS.compile(sources.join("|"));
  return (path) => re.matches(path);
}

function translate(glob: string): string {
  let out = "";
  for (let i = 0; i < glob.length; ) {
    const c = glob.charAt(i);
    const segmentStart = i === 0 || glob[i - 1] === "/";
    if (segmentStart && glob.startsWith("**", i) && (i + 2 === glob.length || glob[i + 2] === "/")) {
      out += i + 2 === glob.length ? ".*" : "(?:[^/]*/)*";
      i += 3;
    } else if (c === "*") {
      out += "[^/]*";
      while (glob[i] === "*") i += 1;
    } else if (c === "?") {
      out += "[^/]";
      i += 1;
    } else if (c === "[") {
      const end = classEnd(glob, i);
      out += charClass(glob.slice(i + 1, end));
      i = end + 1;
    } else if (c === "{") {
      const end = braceEnd(glob, i);
      out += `(?:${splitTopLevel(glob.slice(i + 1, end))
        .map(translate)
        .join("|")})`;
      i = end + 1;
    } else if (c === "\\" && i + 1 < glob.length) {
      out += literal(glob.charAt(i + 1));
      i += 2;
    } else if (c === "]" || c === "}") {
      throw new GlobError(`missing opening "${c === "]" ? "[" : "{"}" (write "\\${c}" for the character itself)`);
    } else {
      out += literal(c);
      i += 1;
    }
  }
  return out;
}

const literal = (c: string) => c.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&");

function classEnd(glob: string, start: number): number {
  let i = start + 1;
  if (glob[i] === "!" || glob[i] === "^") i += 1;
  if (glob[i] === "]") i += 1; // a leading "]" is a member
  while (i < glob.length && glob[i] !== "]") i += glob[i] === "\\" ? 2 : 1;
  if (i >= glob.length) throw new GlobError('missing closing "]" (write "\\[" for the character itself)');
  return i;
}

function charClass(body: string): string {
  const negated = body.startsWith("!") || body.startsWith("^");
  const members = (negated ? body.slice(1) : body).replace(/\\(.)/g, "$1").replace(/[\\\]^[]/g, "\\$&");
  return negated ? `[^/${members}]` : `[${members}]`;
}

function braceEnd(glob: string, start: number): number {
  let depth = 0;
  for (let i = start; i < glob.length; i += glob[i] === "\\" ? 2 : 1) {
    if (glob[i] === "{") depth += 1;
    if (glob[i] === "}" && --depth === 0) return i;
  }
  throw new GlobError('missing closing "}" (write "\\{" for the character itself)');
}

function splitTopLevel(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < body.length; i += body[i] === "\\" ? 2 : 1) {
    if (body[i] === "{") depth += 1;
    if (body[i] === "}") depth -= 1;
    if (body[i] === "," && depth === 0) {
      parts.push(body.slice(from, i));
      from = i + 1;
    }
  }
  return [...parts, body.slice(from)];
}
