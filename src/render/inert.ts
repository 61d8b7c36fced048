/**
 * User text quoted in anything the app writes must stay inert: no mentions (which would ping people),
 * no HTML (which could hide or forge content), and never the app's own markers.
 */
const ZWJ = "\u200d";

export function inert(text: string, maxLength = 300): string {
  let out = text
    .replace(/[\r\n]+/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    // "@alice", "@org/team": a zero-width joiner after "@" stops GitHub from linking and notifying.
    .replace(/@/g, `@${ZWJ}`)
    // Markdown link/image syntax and table pipes could restructure the surrounding document.
    .replace(/([\\`*_[\]|#])/g, "\\$1")
    .trim();
  if (out.length > maxLength) out = `${out.slice(0, maxLength - 1)}…`;
  return out;
}
