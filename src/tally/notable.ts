/** The most notable shipped items of a problem, for the report to name. */
import type { ShippedItem } from "./report-model.js";

/**
 * Notability = log2(1 + additions + deletions) + 2 * log2(1 + comments): size and discussion both count,
 * on a log scale so that one huge generated change (a lockfile, a vendored library) does not outrank work
 * that people talked about; discussion weighs double because a comment costs people more than a line.
 * Unknown figures count as 0.
 */
export function notability(item: ShippedItem): number {
  const size = (item.additions ?? 0) + (item.deletions ?? 0);
  return Math.log2(1 + size) + 2 * Math.log2(1 + (item.comments ?? 0));
}

const mergedTime = (item: ShippedItem) => Date.parse(item.mergedAt) || 0;

/** Highest notability first; ties go to the most recently merged, then the higher number. */
export function notableItems(items: readonly ShippedItem[], cap = 5): ShippedItem[] {
  return items
    .map((item) => ({ item, score: notability(item) }))
    .sort((a, b) => b.score - a.score || mergedTime(b.item) - mergedTime(a.item) || b.item.number - a.item.number)
    .slice(0, Math.max(0, cap))
    .map(({ item }) => item);
}

/** Notable items per problem id, plus "" for unaligned items. */
export function notableByProblem(items: readonly ShippedItem[], problemIds: readonly string[], cap = 5): Map<string, ShippedItem[]> {
  const groups = new Map<string, ShippedItem[]>([...problemIds, ""].map((id) => [id, []]));
  for (const item of items) {
    for (const id of item.problems.length === 0 ? [""] : new Set(item.problems)) groups.get(id)?.push(item);
  }
  return new Map([...groups].map(([id, group]) => [id, notableItems(group, cap)]));
}
