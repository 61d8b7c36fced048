/**
 * Shipped work of a period, counted page by page as search returns it: the tally keeps sums only, and
 * the report keeps a bounded handful of items (the most notable per problem, and a sample of unaligned
 * ones for rule suggestions), so memory stays flat whatever the month's size.
 */
import { classify } from "../classify/index.js";
import type { MergedPull } from "../github/merged-pulls.js";
import type { Strategy } from "../strategy/schema.js";
import type { ShippedItem, Tally } from "../tally/index.js";
import { createTallier, notableItems } from "../tally/index.js";

/** Unaligned items kept for suggestions; beyond it, suggestions are judged on the first ones. */
export const SUGGESTION_SAMPLE = 1000;
const NOTABLE_CAP = 5;

export interface Shipped {
  tally: Tally;
  /** The items the report names or learns from: each problem's most notable, plus the unaligned sample. */
  items: ShippedItem[];
  notes: string[];
}

/**
 * The problems a merged pull request serves: its strategy labels, which the app keeps in step with its
 * decision (and people set by hand). One without any, merged while the strategy file existed, serves
 * none: the app was labelling then, so no label is its answer (or a person's `/strategy none`, or a
 * label a person removed), never to be overridden. Older ones (merged before the app had a strategy
 * to apply, `labelledSince`) are judged now by the rules, on what search returns: no changed files, no
 * linked issues.
 */
export function servedBy(strategy: Strategy, pull: MergedPull, labelledSince: string | null = null): string[] {
  const labels = new Set(pull.labels.map((l) => l.toLowerCase()));
  const labelled = strategy.problems.filter((p) => labels.has(p.label.toLowerCase())).map((p) => p.id);
  if (labelled.length > 0) return labelled;
  const unaligned = strategy.settings.unaligned_label;
  if (unaligned && labels.has(unaligned.toLowerCase())) return [];
  if (labelledSince && Date.parse(pull.mergedAt) >= Date.parse(labelledSince)) return [];
  const { number, title, body, author, milestone, branch } = pull;
  return classify(strategy, { kind: "pull_request", number, title, body, labels: pull.labels, author, milestone, branch }).problems;
}

export async function tallyShipped(strategy: Strategy, pages: AsyncIterable<MergedPull[]>, labelledSince: string | null = null): Promise<Shipped> {
  const tallier = createTallier(strategy);
  const ignored = new Set(strategy.settings.ignore_authors.map((a) => a.toLowerCase()));
  const notable = new Map<string, ShippedItem[]>();
  const sample: ShippedItem[] = [];
  let unaligned = 0;

  // Search pages are offsets: a pull request merged while they are read can shift one onto two pages.
  const seen = new Set<number>();
  for await (const page of pages) {
    for (const pull of page) {
      if (seen.has(pull.number)) continue;
      seen.add(pull.number);
      const problems = servedBy(strategy, pull, labelledSince);
      tallier.add({ problems, author: pull.author, mergedAt: pull.mergedAt });
      if (ignored.has(pull.author.toLowerCase())) continue;
      const { body: _body, branch: _branch, milestone: _milestone, repo: _repo, base: _base, ...rest } = pull;
      const item: ShippedItem = { ...rest, problems };
      for (const key of problems.length === 0 ? [""] : problems) notable.set(key, notableItems([...(notable.get(key) ?? []), item], NOTABLE_CAP));
      if (problems.length === 0 && unaligned++ < SUGGESTION_SAMPLE) sample.push(item);
    }
  }

  const items = new Map<number, ShippedItem>();
  for (const item of [...[...notable.values()].flat(), ...sample]) items.set(item.number, item);
  const notes =
    unaligned > SUGGESTION_SAMPLE
      ? [`Rule suggestions are drawn from the first ${SUGGESTION_SAMPLE.toLocaleString("en-US")} of ${unaligned.toLocaleString("en-US")} unaligned pull requests.`]
      : [];
  return { tally: tallier.result(), items: [...items.values()], notes };
}
