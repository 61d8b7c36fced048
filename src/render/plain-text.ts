/**
 * The app's Markdown as plain text for a terminal: the same words, without emphasis, code marks, escapes
 * or entities. Only for text the app rendered itself (inert user text included), never for raw input.
 */
export function markdownToText(markdown: string): string {
  return markdown
    .replace(/\*\*([^*]+)\*\*/g, "$1")
    .replace(/``\s?([^`]+?)\s?``|`([^`]+)`/g, (_, a: string | undefined, b: string | undefined) => a ?? b ?? "")
    .replace(/\\([\\`*_[\]|#~])/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/@\u200d/g, "@");
}
