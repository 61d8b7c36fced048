/** Links to GitHub pages the app was given (check runs, pull requests). */

/**
 * A Markdown link, or the bare text when the address is not an http(s) URL: a link target is never
 * anything that could run script, and parentheses or spaces cannot end it early.
 */
export function link(text: string, url: string | undefined): string {
  if (!url || !/^https?:\/\//i.test(url)) return text;
  const safe = url.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
  return `[${text}](${safe})`;
}
