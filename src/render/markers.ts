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
