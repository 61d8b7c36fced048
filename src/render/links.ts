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

/**
 * GitHub's pull-request search for work merged into `base` in `range` (a search range), narrowed by
 * `qualifiers` (say `label:"strategy: costs"`): the list behind a figure, to check it by hand.
 */
export function mergedSearchUrl(repo: string, base: string, range: string, qualifiers: string[] = []): string {
  const q = ["is:pr", "is:merged", `base:${base}`, `merged:${range}`, ...qualifiers].join(" ");
  return `https://github.com/${repo.split("/").map(encodeURIComponent).join("/")}/pulls?q=${encodeURIComponent(q)}`;
}

/** The same across an organisation's repositories in scope (`scope`: e.g. `org:acme archived:false`), whatever their default branches. */
export function orgMergedSearchUrl(scope: string, range: string, qualifiers: string[] = []): string {
  const q = [scope, "is:pr", "is:merged", `merged:${range}`, ...qualifiers].join(" ");
  return `https://github.com/search?type=pullrequests&q=${encodeURIComponent(q)}`;
}

/** Leaves out an author's work; search names a bot author `app/<slug>`. */
export function notAuthorQualifier(login: string): string {
  const bot = /^(.+)\[bot\]$/i.exec(login);
  return `-author:${bot ? `app/${bot[1]}` : login}`;
}

/** A label as a search qualifier; quotes inside cannot be escaped in search, so they are dropped. */
export const labelQualifier = (label: string): string => `label:"${label.replace(/"/g, "")}"`;
