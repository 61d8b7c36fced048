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
  if (list === "paths" && /^\.?\//.test(entry)) return "paths are relative to the repository root; drop the leading \"/\" or \"./\"";
  if (list === "paths" || list === "branches") return globProblem(entry);
  return undefined;
}

const patternProblem = memo((pattern: string): string | undefined => {
  try {
    RE2JS.compile(pattern);
    return undefined;
  } catch (e) {
    const reason = e instanceof Error ? e.message.replace(/^error parsing regexp: /, "") : String(e);
    return `not a valid RE2 regular expression: ${reason}`;
  }
});

const globProblem = memo((glob: string): string | undefined => {
  try {
    RE2JS.compile(globSource(glob));
    return undefined;
  } catch (e) {
    return `not a valid glob: ${e instanceof Error ? e.message.replace(/^error parsing regexp: /, "") : String(e)}`;
  }
});
