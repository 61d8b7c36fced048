/** Up to a few rules, ready to paste, that would have recognised most of the period's unaligned work. */
import type { Strategy } from "../strategy/schema.js";
import type { ShippedItem, Suggestion } from "./report-model.js";
import { candidates, captures, type Candidate } from "./suggest-candidates.js";

/** A candidate must capture at least this many items and this fraction of the unaligned ones. */
export const MIN_CAPTURED = 2;
export const MIN_FRACTION = 0.2;

// On equal gain prefer what people chose (labels), then structure (paths, shallow before deep), then words.
const KIND_ORDER: Record<Candidate["rule"], number> = { labels: 0, paths: 1, keywords: 2 };

function better(a: Candidate, gainA: number, b: Candidate, gainB: number): boolean {
  if (gainA !== gainB) return gainA > gainB;
  if (a.items.size !== b.items.size) return a.items.size > b.items.size;
  if (a.rule !== b.rule) return KIND_ORDER[a.rule] < KIND_ORDER[b.rule];
  if (a.value.length !== b.value.length) return a.value.length < b.value.length;
  return a.value < b.value;
}

/** The problem is named only when this much of the alike aligned work serves it, and at least MIN_CAPTURED items. */
export const MIN_ALIKE = 0.5;

/** The snippet to paste into the named problem. */
export function suggestionYaml(rule: Candidate["rule"], value: string, problemId: string): string {
  return [`# add to problem ${problemId}`, "match:", `  ${rule}: [${JSON.stringify(value)}]`].join("\n");
}

/**
 * The problem whose matched work shares most with the candidate: among the aligned items the same rule
 * would capture, the problem most of them serve (split evenly, as shares are).
 */
function servedProblem(
  rule: Candidate["rule"],
  value: string,
  aligned: readonly ShippedItem[],
): Pick<Suggestion, "problem" | "alike"> {
  const alike = aligned.filter((item) => captures(rule, value, item));
  const weight = new Map<string, number>();
  for (const item of alike)
    for (const id of new Set(item.problems)) weight.set(id, (weight.get(id) ?? 0) + 1 / new Set(item.problems).size);
  const [best] = [...weight].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const serving = best ? alike.filter((item) => item.problems.includes(best[0])).length : 0;
  const named = best !== undefined && serving >= MIN_CAPTURED && best[1] >= alike.length * MIN_ALIKE;
  return { problem: named ? best[0] : null, alike: { items: alike.length, serving: named ? serving : 0 } };
}

/**
 * Greedy cover: repeatedly take the candidate that captures the most items not yet captured, while that
 * gain itself meets the threshold, so each suggestion adds something the earlier ones did not. `captured`
 * is everything the rule would have captured on its own.
 */
export function suggestRules(
  unaligned: readonly ShippedItem[],
  strategy: Strategy,
  max = 3,
  aligned: readonly ShippedItem[] = [],
): Suggestion[] {
  const threshold = Math.max(MIN_CAPTURED, Math.ceil(unaligned.length * MIN_FRACTION));
  let pool = candidates(unaligned, strategy).filter((c) => c.items.size >= threshold);
  const covered = new Set<number>();
  const gain = (c: Candidate) => [...c.items].filter((i) => !covered.has(i)).length;
  const picked: Suggestion[] = [];
  while (picked.length < max) {
    let best: Candidate | undefined;
    for (const c of pool) if (!best || better(c, gain(c), best, gain(best))) best = c;
    if (!best || gain(best) < threshold) break;
    for (const i of best.items) covered.add(i);
    const served = servedProblem(best.rule, best.value, aligned);
    const yaml = served.problem ? suggestionYaml(best.rule, best.value, served.problem) : "";
    picked.push({ rule: best.rule, value: best.value, captured: best.items.size, ...served, yaml });
    pool = pool.filter((c) => c !== best);
  }
  return picked;
}
