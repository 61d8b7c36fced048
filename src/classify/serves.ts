import { splitIds } from "./ids.js";
import { visibleLines } from "./text.js";

/**
 * `Serves: reliability, costs` (also `**Serves:**`, or as a list item). The key is case-insensitive; an empty
 * value (an unfilled template line) is no line at all.
 */
const SERVES_LINE = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?serves(?:\*\*|__)?\s*:\s*(?:\*\*|__)?(.*)$/i;

/**
 * The author's own statement of which problems the item serves: the ids (lowercased, not yet checked against
 * the strategy: see `validateIds`), "none", or undefined when the body has no such line. The last line wins,
 * so an edit that appends a new line changes the answer. Lines in code blocks, HTML comments (template
 * instructions) and `>` quotes (someone else's words) do not count.
 */
export function parseServes(body: string): string[] | "none" | undefined {
  let found: string[] | undefined;
  for (const line of visibleLines(body, { skipQuotes: true })) {
    const m = SERVES_LINE.exec(line);
    if (!m) continue;
    const ids = splitIds(m[1]!.replace(/\*\*|__/g, " "));
    if (ids.length > 0) found = ids;
  }
  if (found === undefined) return undefined;
  return found.length === 1 && found[0] === "none" ? "none" : found;
}
