/**
 * Shipped work split evenly: a pull request serving k problems adds 1/k to each one's share, so shares and
 * the unaligned row sum to 1 with no double counting, while `merged` counts it in every problem it serves.
 */
import type { Strategy } from "../strategy/schema.js";
import type { Tally } from "./types.js";

export interface CountedItem {
  /** Problem ids served; empty when unaligned. */
  problems: string[];
  author: string;
}

export interface Tallier {
  /** Counts one merged pull request (ignored when its author is in settings.ignore_authors). */
  add(item: CountedItem): void;
  /** The figures so far; every problem of the strategy appears, shares are 0 in an empty period. */
  result(): Tally;
}

/**
 * A running tally that keeps only sums, so the report can count page after page of search results
 * without holding the items. Ids the strategy does not define (say, from a label of a removed problem)
 * are not counted; an item left with none is unaligned.
 */
export function createTallier(strategy: Strategy): Tallier {
  const ids = strategy.problems.map((p) => p.id);
  const known = new Set(ids);
  const ignored = new Set(strategy.settings.ignore_authors.map((a) => a.toLowerCase()));
  const merged = new Map(ids.map((id) => [id, 0]));
  const weight = new Map(ids.map((id) => [id, 0]));
  let total = 0;
  let unaligned = 0;

  return {
    add(item) {
      if (ignored.has(item.author.toLowerCase())) return;
      total += 1;
      const served = [...new Set(item.problems)].filter((id) => known.has(id));
      if (served.length === 0) unaligned += 1;
      for (const id of served) {
        merged.set(id, merged.get(id)! + 1);
        weight.set(id, weight.get(id)! + 1 / served.length);
      }
    },
    result() {
      const share = (w: number) => (total === 0 ? 0 : w / total);
      return {
        merged: total,
        problems: Object.fromEntries(ids.map((id) => [id, { merged: merged.get(id)!, share: share(weight.get(id)!) }])),
        unaligned: { merged: unaligned, share: share(unaligned) },
      };
    },
  };
}

/** The tally of a whole list of merged pull requests. */
export function tallyItems(strategy: Strategy, items: Iterable<CountedItem>): Tally {
  const tallier = createTallier(strategy);
  for (const item of items) tallier.add(item);
  return tallier.result();
}
