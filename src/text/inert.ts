/**
 * User text quoted in anything the app writes must stay inert: no mentions (which would ping people),
 * no HTML (which could hide or forge content), and never the app's own markers.
 */
const ZWJ = "\u200d";

/** Control characters and bidirectional overrides: invisible, and able to make quoted text read backwards. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Makes `text` safe to place inline in Markdown, outside code: one line, at most `maxLength` visible
 * characters (cut before escaping, so an entity or escape is never split).
 */
export function inert(text: string, maxLength = 300): string {
  const visible = oneLine(text, maxLength);
  return (
    visible
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      // "@alice", "@org/team": a zero-width joiner after "@" stops GitHub from linking and notifying.
      .replace(/@/g, `@${ZWJ}`)
      // Markdown link/image syntax, emphasis and table pipes could restructure the surrounding document.
      .replace(/([\\`*_[\]|#~])/g, "\\$1")
  );
}

/**
 * Plain text for places GitHub shows without Markdown (check run titles, annotations): one line, no
 * invisible characters, at most `maxLength` characters. Mentions do not notify there.
 */
export function oneLine(text: string, maxLength = 300): string {
  // Long text (a pasted log as a title) is cut to a generous prefix first, so the work stays small; the
  // whole text is only read when the prefix collapses to less than is needed.
  const prefix = text.length > maxLength * 4 + 64 ? text.slice(0, maxLength * 4 + 64) : text;
  let flat = flatten(prefix);
  if (prefix !== text && flat.length <= maxLength * 2) flat = flatten(text);
  const chars = Array.from(flat.length > maxLength * 2 + 2 ? flat.slice(0, maxLength * 2 + 2) : flat);
  if (chars.length <= maxLength) return flat;
  return `${chars
    .slice(0, Math.max(0, maxLength - 1))
    .join("")
    .trimEnd()}…`;
}

function flatten(text: string): string {
  return text.replace(INVISIBLE, "").replace(/\s+/g, " ").trim();
}
