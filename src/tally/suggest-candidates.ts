/**
 * Rules that would have recognised this period's unaligned work: the directories it changed, the labels it
 * carried that no rule uses, and the words its titles share. Each candidate records which items it captures.
 */
import type { Strategy } from "../strategy/schema.js";
import type { ShippedItem, Suggestion } from "./report-model.js";

export interface Candidate {
  rule: Suggestion["rule"];
  value: string;
  /** Indexes of the unaligned items it captures. */
  items: Set<number>;
}

// Top-level directories that hold a whole codebase: "src/**" says nothing about a problem, "src/billing/**" may.
const GENERIC_DIRS = new Set([
  "src",
  "lib",
  "app",
  "apps",
  "packages",
  "pkg",
  "internal",
  "cmd",
  "test",
  "tests",
  "spec",
  "__tests__",
  "docs",
  ".github",
]);

// Conventional-commit types and words that describe any change rather than what it is about.
const SKIP_WORDS = new Set(
  (
    "feat fix chore docs style refactor perf test tests build revert deps release " +
    "this that with from into when then than them they their there these those have been were will would should could " +
    "also only some such over under after before about what which while where your just does each other very most much " +
    "many like until upon onto without within again still being doing done because between through during here must " +
    "cannot dont doesnt isnt wont using used uses want need needs make makes more less first second " +
    "update updates updated updating adds added adding remove removes removed removing change changes changed bump bumps " +
    "improve improves improved support allow allows move moves moved rename renamed handle handles merge merged branch main " +
    "master version minor major patch file files code initial cleanup clean small various misc fixes fixed fixing"
  ).split(" "),
);

// Label rules ignore case, so "Payments" and "payments" are one candidate (spelled as first seen);
// path globs are case-sensitive.
function add(map: Map<string, Candidate>, rule: Candidate["rule"], value: string, index: number) {
  const key = `${rule}:${rule === "paths" ? value : value.toLowerCase()}`;
  let candidate = map.get(key);
  if (!candidate) map.set(key, (candidate = { rule, value, items: new Set() }));
  candidate.items.add(index);
}

/** Directory globs at depth 1 and 2 ("billing/**", "billing/api/**") of a changed file. */
export function directoryGlobs(file: string): string[] {
  const [first, second] = file.split("/").filter(Boolean).slice(0, -1);
  const globs: string[] = [];
  if (first === undefined) return globs;
  if (!GENERIC_DIRS.has(first.toLowerCase())) globs.push(`${first}/**`);
  if (second !== undefined) globs.push(`${first}/${second}/**`);
  return globs;
}

/** Lowercase words of a title worth a keyword rule: 4 letters or more, not filler, not only digits. */
export function titleWords(title: string): string[] {
  const words = title.toLowerCase().split(/[^\p{L}\p{N}]+/u);
  return [...new Set(words.filter((w) => w.length >= 4 && !/^\p{N}+$/u.test(w) && !SKIP_WORDS.has(w)))];
}

export function candidates(items: readonly ShippedItem[], strategy: Strategy): Candidate[] {
  const lower = (xs: string[]) => xs.map((x) => x.toLowerCase());
  const matches = strategy.problems.map((p) => p.match);
  const usedPaths = new Set(matches.flatMap((m) => m.paths));
  const usedKeywords = new Set(lower(matches.flatMap((m) => m.keywords)));
  const usedLabels = new Set(
    lower([
      ...matches.flatMap((m) => m.labels),
      ...strategy.problems.map((p) => p.label),
      strategy.settings.unaligned_label ?? "",
    ]),
  );
  const found = new Map<string, Candidate>();
  items.forEach((item, index) => {
    for (const glob of new Set((item.files ?? []).flatMap(directoryGlobs)))
      if (!usedPaths.has(glob)) add(found, "paths", glob, index);
    for (const label of item.labels) if (!usedLabels.has(label.toLowerCase())) add(found, "labels", label, index);
    for (const word of titleWords(item.title)) if (!usedKeywords.has(word)) add(found, "keywords", word, index);
  });
  return [...found.values()];
}

/** Whether the rule a candidate stands for would capture `item` (as the candidates were drawn). */
export function captures(rule: Candidate["rule"], value: string, item: ShippedItem): boolean {
  if (rule === "paths") return (item.files ?? []).some((f) => directoryGlobs(f).includes(value));
  if (rule === "labels") return item.labels.some((l) => l.toLowerCase() === value.toLowerCase());
  return titleWords(item.title).includes(value.toLowerCase());
}
