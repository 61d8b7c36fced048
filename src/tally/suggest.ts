/** Up to a few rules, ready to paste, that would have recognised most of the period's unaligned work. */
import type { Strategy } from "../strategy/schema.js";
import type { ShippedItem, Suggestion } from "./report-model.js";
import { candidates, type Candidate } from "./suggest-candidates.js";

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

/** The snippet to paste into a problem; which problem is for the reader to say, not guessed. */
export function suggestionYaml(rule: Candidate["rule"], value: string): string {
  return ["# add to the problem these items serve (id: <problem-id>)", "match:", `  ${rule}: [${JSON.stringify(value)}]`].join("\n");
}

/**
 * Greedy cover: repeatedly take the candidate that captures the most items not yet captured, while that
 * gain itself meets the threshold, so each suggestion adds something the earlier ones did not. `captured`
 * is everything the rule would have captured on its own.
 */
export function suggestRules(unaligned: readonly ShippedItem[], strategy: Strategy, max = 3): Suggestion[] {
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
    picked.push({ rule: best.rule, value: best.value, captured: best.items.size, yaml: suggestionYaml(best.rule, best.value) });
    pool = pool.filter((c) => c !== best);
  }
  return picked;
}
