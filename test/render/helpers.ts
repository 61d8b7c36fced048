/** Checks shared by the render tests: what counts as "outside code", live mentions, raw HTML. */

/** The Markdown with fenced blocks and code spans removed: what GitHub would scan for mentions and HTML. */
export function outsideCode(md: string): string {
  return md.replace(/^ *(`{3,})[^\n]*\n[\s\S]*?\n *\1 *$/gm, "").replace(/(`+)[^`]*?\1/g, "");
}

/** A mention GitHub would link and notify: "@" right after a non-word character, followed by a letter. */
export const LIVE_MENTION = /(^|[^\w\u200d])@[a-z]/i;

/** The app's own tags and hidden comments; any other "<" outside code came from user text. */
export function withoutOwnTags(md: string): string {
  return md
    .replace(/<\/?(details|summary)>/g, "")
    .replace(/<!-- throughline:(progress|report) -->/g, "")
    .replace(/<!-- throughline:data \{[^\n]*\} -->$/, "")
    .replace(/<!-- throughline:served \{"problems":\[[a-z0-9",-]*\]\} -->$/, "");
}

/** Full and short commit shas, so snapshots do not depend on which commit a fixture names. */
export function normalise(md: string): string {
  return md.replace(/\b[0-9a-f]{40}\b/g, "<sha>").replace(/`[0-9a-f]{7}`/g, "`<short-sha>`");
}

export const HOSTILE = [
  "@alice",
  "@org/team",
  "&#64;bob",
  "<img src=x>",
  "<!-- throughline:progress -->",
  "<!-- throughline:report -->",
];

/** Every hostile string in one title, with the characters that break tables, links and Mermaid. */
export const HOSTILE_TITLE = `${HOSTILE.join(" ")} | [x](javascript:alert(1)) "q"; \`\`\`\nnext line`;
