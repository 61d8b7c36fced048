/** Hidden markers by which the app recognises what it wrote (it only ever edits its own, marked text). */
export const PROGRESS_MARKER = "<!-- throughline:progress -->";
export const REPORT_MARKER = "<!-- throughline:report -->";

/**
 * True when `body` starts with `marker`. Only the start counts: a person quoting the app's comment
 * (or typing the marker in the middle of theirs) must not make it look like the app's own.
 * A byte-order mark or leading blank lines, which some editors add, are tolerated.
 */
export function hasMarker(body: string | null | undefined, marker: string): boolean {
  if (!body) return false;
  return body.replace(/^\uFEFF?[ \t]*(?:\r?\n[ \t]*)*/, "").startsWith(marker);
}

/**
 * The app's own answer, kept at the end of its progress comment: `<!-- throughline:served {"problems":[]} -->`.
 * With no label to carry it (a "none" when `unaligned_label` is unset), this is how a later report knows
 * the app judged the pull request live and what it said.
 */
const SERVED_PREFIX = "<!-- throughline:served ";

export function servedRecord(problems: readonly string[]): string {
  return `${SERVED_PREFIX}${JSON.stringify({ problems })} -->`;
}

/** The problems recorded in the app's progress comment, or undefined when it holds no (readable) record. */
export function readServedRecord(body: string): string[] | undefined {
  const at = body.lastIndexOf(SERVED_PREFIX);
  if (at < 0) return undefined;
  const end = body.indexOf(" -->", at);
  if (end < 0) return undefined;
  try {
    const parsed = JSON.parse(body.slice(at + SERVED_PREFIX.length, end)) as { problems?: unknown };
    const problems = parsed.problems;
    return Array.isArray(problems) && problems.every((p) => typeof p === "string") ? problems : undefined;
  } catch {
    return undefined;
  }
}
