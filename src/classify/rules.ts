import type { CompiledProblem } from "./compile.js";
import { stripHtmlComments } from "./text.js";
import type { Reason, WorkItem } from "./types.js";

/** The parts of an item the rules read, prepared once per item rather than once per problem. */
export interface PreparedItem {
  title: string;
  /** Without HTML comments: template instructions would otherwise match keywords on every item. */
  body: string;
  labels: string[];
  author: string;
  milestone: string | null;
  branch?: string;
  files: string[];
}

export function prepareItem(item: WorkItem): PreparedItem {
  return {
    title: item.title,
    body: stripHtmlComments(item.body),
    labels: item.labels,
    author: item.author,
    milestone: item.milestone,
    branch: item.branch,
    files: item.files ?? [],
  };
}

/** Every rule of one problem that the item matches, in the order the file lists rule kinds. */
export function matchProblem(rules: CompiledProblem, item: PreparedItem): Reason[] {
  const problem = rules.id;
  const reasons: Reason[] = [];
  for (const label of item.labels) {
    if (rules.labels.has(label.toLowerCase())) reasons.push({ problem, source: "labels", detail: label });
  }
  for (const { keyword, test } of rules.keywords) {
    const where = test.test(item.title) ? "title" : test.test(item.body) ? "body" : undefined;
    if (where)
      reasons.push({
        problem,
        source: "keywords",
        detail: keyword,
        where,
        ...excerpt(where === "title" ? item.title : item.body, test),
      });
  }
  for (const { pattern, test } of rules.patterns) {
    const matched = test(item.title);
    if (matched !== null)
      reasons.push({
        problem,
        source: "patterns",
        detail: pattern,
        where: "title",
        matched: matched.trim() || item.title.slice(0, 60),
      });
  }
  const paths = rules.paths ? matchingFiles(rules.paths, item.files) : undefined;
  if (paths) reasons.push({ problem, source: "paths", detail: paths });
  if (item.branch !== undefined && rules.branches?.(item.branch)) {
    reasons.push({ problem, source: "branches", detail: item.branch });
  }
  if (item.milestone !== null && rules.milestones.has(item.milestone.toLowerCase())) {
    reasons.push({ problem, source: "milestones", detail: item.milestone });
  }
  if (rules.authors.has(item.author.toLowerCase())) reasons.push({ problem, source: "authors", detail: item.author });
  return reasons;
}

/** "infra/main.tf (+3 more)": the first matching file and how many others matched, or undefined for none. */
function matchingFiles(test: (path: string) => boolean, files: string[]): string | undefined {
  let first: string | undefined;
  let count = 0;
  for (const file of files) {
    if (!test(file)) continue;
    first ??= file;
    count++;
  }
  if (first === undefined) return undefined;
  return count > 1 ? `${first} (+${count - 1} more)` : first;
}

/** The keyword as written in the item, and words either side of it: "…fix the Outage in checkout…". */
function excerpt(text: string, test: RegExp): { matched?: string; excerpt?: string } {
  const m = test.exec(text);
  if (!m) return {};
  const end = m.index + m[0].length;
  const before = text
    .slice(Math.max(0, m.index - 40), m.index)
    .split(/\s+/)
    .slice(-4)
    .join(" ");
  const after = text
    .slice(end, end + 40)
    .split(/\s+/)
    .slice(0, 4)
    .join(" ");
  const open = m.index - before.length > 0 ? "…" : "";
  const close = end + after.length < text.length ? "…" : "";
  return { matched: m[0], excerpt: `${open}${before}${m[0]}${after}${close}`.replace(/\s+/g, " ").trim() };
}
