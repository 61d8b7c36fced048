import { inert } from "../text/inert.js";
import { splitIds } from "./ids.js";
import { visibleLines } from "./text.js";

export type Command =
  | { kind: "serve"; ids: string[] }
  | { kind: "none" }
  | { kind: "explain" }
  | { kind: "report"; month?: string }
  | { kind: "invalid"; reason: string };

export const COMMAND_USAGE =
  "Usage: `/strategy <problem-id> [<problem-id>...]`, `/strategy none`, `/strategy explain` or `/strategy report [YYYY-MM]`.";

/** `/strategy` followed by nothing or whitespace: `/strategyfoo` is just text. */
const COMMAND_LINE = /^\s*\/strategy(?:\s+(.*))?$/i;
const MONTH = /^\d{4}-(?:0[1-9]|1[0-2])$/;
const SLUG = /^[a-z0-9][a-z0-9-]*$/;

/**
 * The `/strategy` command in a comment, or undefined when the comment holds none. Only the first command line
 * counts; lines in code blocks, HTML comments and `>` quotes (a reply quoting an earlier command) are ignored.
 * Ids are checked for shape only: whether the strategy defines them is `validateIds`' business. An invalid
 * command's reason is safe to post as it is (quoted words are made inert).
 */
export function parseCommand(commentBody: string): Command | undefined {
  for (const line of visibleLines(commentBody, { skipQuotes: true })) {
    const m = COMMAND_LINE.exec(line);
    if (m) return interpret(splitIds(m[1] ?? ""));
  }
  return undefined;
}

function interpret(args: string[]): Command {
  const [first, ...rest] = args;
  if (first === undefined) return { kind: "invalid", reason: `\`/strategy\` needs an argument. ${COMMAND_USAGE}` };
  if (first === "explain" || first === "none") {
    return rest.length === 0 ? { kind: first } : invalid(`\`/strategy ${first}\` takes no further words.`);
  }
  if (first === "report") {
    if (rest.length === 0) return { kind: "report" };
    const [month, ...more] = rest;
    if (month !== undefined && more.length === 0 && MONTH.test(month)) return { kind: "report", month };
    return invalid("`/strategy report` takes at most a month as YYYY-MM, e.g. `/strategy report 2026-10`.");
  }
  if (args.includes("none")) return invalid("`none` cannot be combined with problem ids.");
  const malformed = args.filter((a) => !SLUG.test(a));
  if (malformed.length > 0)
    return invalid(`not a problem id: ${malformed.map((a) => `"${inert(a, 40)}"`).join(", ")}.`);
  return { kind: "serve", ids: [...new Set(args)] };
}

function invalid(reason: string): Command {
  return { kind: "invalid", reason: `${reason} ${COMMAND_USAGE}` };
}
