/**
 * What a reader actually sees in a Markdown body. PR and issue templates hide instructions in HTML comments
 * and people paste examples in code blocks; neither is the author's own statement, so neither may count
 * as a `Serves:` line, a command, or (for comments) a keyword.
 */

/** Removes `<!-- ... -->` comments; an unterminated one hides the rest, as GitHub renders it. Linear time. */
export function stripHtmlComments(text: string): string {
  let out = "";
  let from = 0;
  for (;;) {
    const open = text.indexOf("<!--", from);
    if (open < 0) return out + text.slice(from);
    out += text.slice(from, open);
    const close = text.indexOf("-->", open + 4);
    if (close < 0) return out;
    from = close + 3;
  }
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;

/** Lines outside fenced code blocks and HTML comments, and (optionally) outside `>` quotes. */
export function visibleLines(text: string, options: { skipQuotes: boolean }): string[] {
  const lines: string[] = [];
  let fence: string | undefined;
  for (const line of stripHtmlComments(text).split(/\r?\n|\r/)) {
    if (fence !== undefined) {
      if (closesFence(line, fence)) fence = undefined;
      continue;
    }
    const open = FENCE_OPEN.exec(line);
    if (open) {
      fence = open[1];
      continue;
    }
    if (options.skipQuotes && /^\s*>/.test(line)) continue;
    lines.push(line);
  }
  return lines;
}

/** A fence closes with the same character, at least as many times, and nothing after it. */
function closesFence(line: string, fence: string): boolean {
  const trimmed = line.replace(/^ {0,3}/, "").trimEnd();
  return trimmed.length >= fence.length && trimmed.split("").every((c) => c === fence[0]);
}
