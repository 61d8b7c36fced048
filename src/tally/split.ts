/**
 * Shipped work split evenly: a pull request serving k problems adds 1/k to each one's share, so shares and
 * the unaligned row sum to 1 with no double counting, while `merged` counts it in every problem it serves.
 * Author-weeks split the same way, within each author's week (docs/contract.md §5).
 */
import type { Strategy } from "../strategy/schema.js";
import type { Tally } from "./types.js";
import { isoWeekIn } from "./weeks.js";

export interface CountedItem {
  /** Problem ids served; empty when unaligned. */
  problems: string[];
  author: string;
  /** When it was merged (ISO 8601): its author-week. Without it, the author's work is one unit. */
  mergedAt?: string;
}

export interface Tallier {
  /** Counts one merged pull request (ignored when its author is in settings.ignore_authors). */
  add(item: CountedItem): void;
  /** The figures so far; every problem of the strategy appears, shares are 0 in an empty period. */
  result(): Tally;
}

/** The unaligned row's key among problem ids (ids are slugs, so never empty). */
const UNALIGNED = "";

/**
 * A running tally that keeps only sums (and one small map per author-week), so the report can count page
 * after page of search results without holding the items. Ids the strategy does not define (say, from a
 * label of a removed problem) are not counted; an item left with none is unaligned.
 */
export function createTallier(strategy: Strategy): Tallier {
  const ids = strategy.problems.map((p) => p.id);
  const known = new Set(ids);
  const ignored = new Set(strategy.settings.ignore_authors.map((a) => a.toLowerCase()));
  const weekOf = isoWeekIn(strategy.settings.report.timezone);
  const merged = new Map(ids.map((id) => [id, 0]));
  // Split shares are kept as counts by how many problems a pull request served, and summed in a fixed
  // order at the end: the figures are then the same, to the last bit, whatever order items come in.
  const weight = new Map(ids.map((id) => [id, new Fractions()]));
  // Per author-week: the split pull requests of each problem ("" for unaligned) that week.
  const weeks = new Map<string, Map<string, Fractions>>();
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
        weight.get(id)!.add(served.length);
      }
      const key = `${item.author.toLowerCase()} ${(item.mergedAt && weekOf(item.mergedAt)) ?? "?"}`;
      let week = weeks.get(key);
      if (!week) weeks.set(key, (week = new Map()));
      for (const id of served.length === 0 ? [UNALIGNED] : served) {
        let f = week.get(id);
        if (!f) week.set(id, (f = new Fractions()));
        f.add(served.length || 1);
      }
    },
    result() {
      const share = (w: number) => (total === 0 ? 0 : w / total);
      const effort = new Map<string, number>();
      for (const key of [...weeks.keys()].sort()) {
        const week = [...weeks.get(key)!]
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([id, f]): [string, number] => [id, f.value()]);
        const sum = week.reduce((a, [, w]) => a + w, 0);
        for (const [id, w] of week) effort.set(id, (effort.get(id) ?? 0) + w / sum);
      }
      const units = weeks.size;
      const weekShare = (id: string) => (units === 0 ? 0 : (effort.get(id) ?? 0) / units);
      return {
        merged: total,
        authorWeeks: units,
        problems: Object.fromEntries(
          ids.map((id) => [
            id,
            {
              merged: merged.get(id)!,
              share: share(weight.get(id)!.value()),
              authorWeeks: effort.get(id) ?? 0,
              shareAuthorWeeks: weekShare(id),
            },
          ]),
        ),
        unaligned: {
          merged: unaligned,
          share: share(unaligned),
          authorWeeks: effort.get(UNALIGNED) ?? 0,
          shareAuthorWeeks: weekShare(UNALIGNED),
        },
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

/** A sum of unit fractions 1/n, counted by n and added up in order of n, so the order of adds cannot change it. */
class Fractions {
  private readonly counts: number[] = [];
  add(n: number): void {
    this.counts[n] = (this.counts[n] ?? 0) + 1;
  }
  value(): number {
    let sum = 0;
    this.counts.forEach((count, n) => {
      sum += count / n;
    });
    return sum;
  }
}
