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
    if (where) reasons.push({ problem, source: "keywords", detail: keyword, where });
  }
  for (const { pattern, test } of rules.patterns) {
    if (test(item.title)) reasons.push({ problem, source: "patterns", detail: pattern });
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
