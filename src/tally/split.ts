/**
 * Shipped work split evenly: a pull request serving k problems adds 1/k to each one's share, so shares and
 * the unaligned row sum to 1 with no double counting, while `merged` counts it in every problem it serves.
 * Author-weeks split the same way, within each author's week (docs/contract.md §5).
 */
import type { Strategy } from "../strategy/schema.js";
import type { Tally } from "./types.js";
import { isoWeek } from "./weeks.js";

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
  const timezone = strategy.settings.report.timezone;
  const merged = new Map(ids.map((id) => [id, 0]));
  const weight = new Map(ids.map((id) => [id, 0]));
  // Per author-week: the split pull requests of each problem ("" for unaligned) that week.
  const weeks = new Map<string, Map<string, number>>();
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
      const key = `${item.author.toLowerCase()} ${(item.mergedAt && isoWeek(item.mergedAt, timezone)) ?? "?"}`;
      let week = weeks.get(key);
      if (!week) weeks.set(key, (week = new Map()));
      for (const id of served.length === 0 ? [UNALIGNED] : served) week.set(id, (week.get(id) ?? 0) + 1 / (served.length || 1));
    },
    result() {
      const share = (w: number) => (total === 0 ? 0 : w / total);
      const effort = new Map<string, number>();
      for (const week of weeks.values()) {
        const sum = [...week.values()].reduce((a, b) => a + b, 0);
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
            { merged: merged.get(id)!, share: share(weight.get(id)!), authorWeeks: effort.get(id) ?? 0, shareAuthorWeeks: weekShare(id) },
          ]),
        ),
        unaligned: { merged: unaligned, share: share(unaligned), authorWeeks: effort.get(UNALIGNED) ?? 0, shareAuthorWeeks: weekShare(UNALIGNED) },
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
