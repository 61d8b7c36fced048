/** Small Markdown builders. Cells and text passed in are already safe (our own words, or inert()). */

export type Align = "left" | "right";

/** A GitHub table; `align` per column, left by default. */
export function table(headers: string[], rows: string[][], align: Align[] = []): string {
  const rule = headers.map((_, i) => (align[i] === "right" ? "--:" : "---"));
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(headers), line(rule), ...rows.map(line)].join("\n");
}

/**
 * A fenced block whose fence is longer than any backtick run inside, so the content cannot close it.
 * An HTML comment opener is broken up so a later reader looking for the app's hidden data never finds
 * a copy inside a snippet.
 */
export function fenced(lang: string, content: string): string {
  const longest = Math.max(2, ...Array.from(content.matchAll(/`+/g), (m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${lang}\n${content.replace(/<!--/g, "<\u200c!--").replace(/\s+$/, "")}\n${fence}`;
}

/** A code span for app-controlled tokens such as problem ids (slugs) and commands. */
export function code(text: string): string {
  return text.includes("`") ? `\`\` ${text} \`\`` : `\`${text}\``;
}

/** A collapsed section; blank lines around the content let Markdown inside it render. */
export function details(summary: string, content: string): string {
  return `<details><summary>${summary}</summary>\n\n${content}\n\n</details>`;
}

/** GitHub's alert syntax (`> [!WARNING]`), one quoted line per entry. */
export function alert(kind: "NOTE" | "WARNING", lines: string[]): string {
  return [`> [!${kind}]`, ...lines.map((l) => `> ${l}`)].join("\n");
}
