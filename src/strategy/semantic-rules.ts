/**
 * Match rules that would silently never match are errors: a pattern RE2 cannot compile, a glob with an
 * unbalanced bracket, a path glob starting with "/", a blank entry.
 */
import { RE2JS } from "re2js";
import { globSource } from "./glob.js";
import { listAt, recordAt } from "./data.js";
import { memo } from "./memo.js";
import type { Finding } from "./finding.js";

const LISTS = ["labels", "keywords", "patterns", "paths", "branches", "milestones", "authors"] as const;

export function ruleFindings(problems: unknown[]): Finding[] {
  return problems.flatMap((problem, i) => {
    const match = recordAt(problem, "match");
    return LISTS.flatMap((list) =>
      listAt(match, list).flatMap((entry, j): Finding[] => {
        if (typeof entry !== "string" || entry === "") return [];
        const message = entry.trim() === "" ? "must not be blank" : entryProblem(list, entry);
        return message === undefined ? [] : [{ path: ["problems", i, "match", list, j], message }];
      }),
    );
  });
}

function entryProblem(list: (typeof LISTS)[number], entry: string): string | undefined {
  if (list === "patterns") return patternProblem(entry);
  if (list === "paths" && /^\.?\//.test(entry))
    return 'paths are relative to the repository root; drop the leading "/" or "./"';
  if (list === "paths" || list === "branches") return globProblem(entry);
  return undefined;
}

const patternProblem = memo((pattern: string): string | undefined => {
  try {
    RE2JS.compile(pattern);
    return undefined;
  } catch (e) {
    const reason = e instanceof Error ? e.message.replace(/^error parsing regexp: /, "") : String(e);
    return `not a valid RE2 regular expression: ${unsupportedSyntax(pattern) ?? reason}`;
  }
});

/** Syntax of backtracking engines (PCRE, JavaScript) that RE2 leaves out to match in linear time, named. */
function unsupportedSyntax(pattern: string): string | undefined {
  const constructs: [string, string][] = [
    ["(?<=", "a lookbehind"],
    ["(?<!", "a negative lookbehind"],
    ["(?=", "a lookahead"],
    ["(?!", "a negative lookahead"],
    ["(?>", "an atomic group"],
    ["(?(", "a conditional"],
  ];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c === "\\") {
      const next = pattern[i + 1] ?? "";
      if (/[1-9]/.test(next)) return `\`\\${next}\` is a backreference, which RE2 does not support`;
      if (next === "k" && pattern[i + 2] === "<") return "`\\k<…>` is a backreference, which RE2 does not support";
      i++;
    } else if (c === "[") {
      // A character class: nothing in it is a group. Its first `]` (or `^]`) is a literal.
      let j = i + 1;
      if (pattern[j] === "^") j++;
      if (pattern[j] === "]") j++;
      while (j < pattern.length && pattern[j] !== "]") j += pattern[j] === "\\" ? 2 : 1;
      i = j;
    } else if (c === "(") {
      const found = constructs.find(([start]) => pattern.startsWith(start, i));
      if (found) return `\`${found[0]}\` is ${found[1]}, which RE2 does not support`;
    } else if ("*+?}".includes(c) && pattern[i + 1] === "+" && i > 0) {
      return `\`${c}+\` is a possessive quantifier, which RE2 does not support`;
    }
  }
  return undefined;
}

const globProblem = memo((glob: string): string | undefined => {
  try {
    RE2JS.compile(globSource(glob));
    return undefined;
  } catch (e) {
    return `not a valid glob: ${e instanceof Error ? e.message.replace(/^error parsing regexp: /, "") : String(e)}`;
  }
});
