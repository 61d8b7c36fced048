/**
 * GitHub refuses comment and Discussion bodies of 65,536 characters or more, and check run summaries over
 * 65,535. Everything the app writes stays under this budget, with room to spare for counting differences
 * (GitHub counts characters where JavaScript counts UTF-16 units).
 */
export const BODY_LIMIT = 65_000;

/** Joins Markdown blocks with blank lines, leaving out empty ones. */
export function blocks(...parts: (string | null | undefined | false)[]): string {
  return parts.filter((p): p is string => typeof p === "string" && p.length > 0).join("\n\n");
}

/**
 * Adds `lines` one by one while the result stays within `budget` characters; when some do not fit, a last
 * line says how many were left out. Used for lists that may be long (reasons, errors, items).
 */
export function fitLines(lines: string[], budget: number, more: (left: number) => string): string[] {
  const out: string[] = [];
  let used = 0;
  for (const [i, line] of lines.entries()) {
    const cost = line.length + 1;
    const tail = more(lines.length - i).length + 1;
    const isLast = i === lines.length - 1;
    if (used + cost + (isLast ? 0 : tail) > budget) {
      out.push(more(lines.length - i));
      return out;
    }
    out.push(line);
    used += cost;
  }
  return out;
}
