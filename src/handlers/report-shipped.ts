/**
 * Shipped work of a period, counted page by page as search returns it: the tally keeps sums only, and
 * the report keeps a bounded handful of items (the most notable per problem, and a sample of unaligned
 * ones for rule suggestions), so memory stays flat whatever the month's size. Pull requests without a
 * strategy label wait in a batch of at most 50 until their facts are read together.
 */
import { carriesAnswer, judgeMerged } from "../classify/index.js";
import { FACTS_PER_REQUEST } from "../github/pull-facts.js";
import type { MergedPull } from "../github/merged-pulls.js";
import type { Strategy } from "../strategy/schema.js";
import type { ShippedItem, Tally } from "../tally/index.js";
import { createTallier, notableKeeper } from "../tally/index.js";
import type { JudgedPull, MergedJudge } from "./merged-judge.js";

/** Unaligned items kept for suggestions; beyond it, suggestions are judged on the first ones. */
export const SUGGESTION_SAMPLE = 1000;
// Candidates per problem: twice what the report lists, since an item is listed under two problems at most.
const NOTABLE_CAP = 10;

export interface Shipped {
  tally: Tally;
  /** The items the report names or learns from: each problem's most notable, plus the unaligned sample. */
  items: ShippedItem[];
  notes: string[];
  /** Pull requests without a strategy label that were judged now, and those of them not read in full. */
  judgedNow: number;
  incomplete: number;
}

/**
 * The problems a merged pull request serves judged on what search returns alone (no changed paths, closing
 * issues or timeline): `judgeMerged`, the one decision, on those facts. Reports judge pull requests without
 * a label on all their facts (see merged-judge.ts); this is for callers that have nothing more.
 */
export function servedBy(strategy: Strategy, pull: MergedPull): string[] {
  const { number, title, body, author, milestone, branch, labels } = pull;
  const item = { kind: "pull_request" as const, number, title, body, labels, author, milestone, branch };
  return judgeMerged({ strategy, item, history: { labels: [], comments: [] }, mayCommand: () => false }).served;
}

/** What the report keeps of a merged pull request: no body, its files as paths and lines per file. */
export function shippedItem(pull: MergedPull, problems: string[]): ShippedItem {
  const {
    body: _body,
    branch: _branch,
    milestone: _milestone,
    repo: _repo,
    base: _base,
    files,
    filesComplete,
    ...rest
  } = pull;
  return { ...rest, problems, files: files.map((f) => f.path), ...(filesComplete ? { changes: files } : {}) };
}

/** Judging on search fields alone, for callers without GitHub at hand. */
const searchOnly =
  (strategy: Strategy): MergedJudge["judge"] =>
  async (pulls) =>
    pulls.map(
      (pull): JudgedPull => ({
        pull,
        problems: servedBy(strategy, pull),
        judgedNow: !carriesAnswer(strategy, pull.labels),
        incomplete: false,
      }),
    );

export async function tallyShipped(
  strategy: Strategy,
  pages: AsyncIterable<MergedPull[]>,
  judge: MergedJudge["judge"] = searchOnly(strategy),
): Promise<Shipped> {
  const tallier = createTallier(strategy);
  const ignored = new Set(strategy.settings.ignore_authors.map((a) => a.toLowerCase()));
  const notable = notableKeeper(NOTABLE_CAP);
  const sample: ShippedItem[] = [];
  let unaligned = 0;
  let judgedNow = 0;
  let incomplete = 0;
  let aligned = 0;

  const count = (judged: JudgedPull[]) => {
    for (const { pull, problems, judgedNow: now, incomplete: partial } of judged) {
      if (now) judgedNow += 1;
      if (partial) incomplete += 1;
      tallier.add({ problems, author: pull.author, mergedAt: pull.mergedAt });
      if (ignored.has(pull.author.toLowerCase())) continue;
      const item = shippedItem(pull, problems);
      notable.add(item, problems.length === 0 ? [""] : problems);
      if (problems.length === 0 && unaligned++ < SUGGESTION_SAMPLE) sample.push(item);
      // Aligned work too, so a suggestion can name the problem whose work it shares.
      if (problems.length > 0 && aligned++ < SUGGESTION_SAMPLE) sample.push({ ...item, changes: undefined });
    }
  };

  // Search pages are offsets: a pull request merged while they are read can shift onto the next page, so
  // the numbers of the last two pages are enough to count it once (and memory stays flat).
  let before = new Set<number>();
  let last = new Set<number>();
  let waiting: MergedPull[] = [];
  for await (const page of pages) {
    const current = new Set<number>();
    const labelled: MergedPull[] = [];
    for (const pull of page) {
      if (before.has(pull.number) || last.has(pull.number) || current.has(pull.number)) continue;
      current.add(pull.number);
      (carriesAnswer(strategy, pull.labels) ? labelled : waiting).push(pull);
    }
    count(await judge(labelled));
    while (waiting.length >= FACTS_PER_REQUEST) {
      count(await judge(waiting.slice(0, FACTS_PER_REQUEST)));
      waiting = waiting.slice(FACTS_PER_REQUEST);
    }
    before = last;
    last = current;
  }
  if (waiting.length > 0) count(await judge(waiting));

  const items = new Map<number, ShippedItem>();
  for (const item of [...notable.items(), ...sample]) items.set(item.number, item);
  const notes =
    unaligned > SUGGESTION_SAMPLE
      ? [
          `Rule suggestions are drawn from the first ${SUGGESTION_SAMPLE.toLocaleString("en-US")} of ${unaligned.toLocaleString("en-US")} unaligned pull requests.`,
        ]
      : [];
  return { tally: tallier.result(), items: [...items.values()], notes, judgedNow, incomplete };
}

/**
 * What the report says about pull requests judged now: how many, that their labels can be written with
 * backfill, and how many could not be read in full.
 */
export function judgedNotes(
  shipped: Pick<Shipped, "judgedNow" | "incomplete">,
  where: { owner: string; repo?: string; month: string },
): string[] {
  const notes: string[] = [];
  if (shipped.judgedNow > 0) {
    const n = shipped.judgedNow;
    notes.push(
      `${n.toLocaleString("en-US")} merged pull request${n === 1 ? "" : "s"} carried no strategy label and ${n === 1 ? "was" : "were"} judged now, as the app would have judged ${n === 1 ? "it" : "them"} live; to write ${n === 1 ? "its label" : "their labels"}, run: throughline backfill --repo ${where.owner}/${where.repo ?? "NAME"} --since ${where.month}-01 --apply${where.repo ? "" : " in each repository"}`,
    );
  }
  if (shipped.incomplete > 0) {
    const n = shipped.incomplete;
    notes.push(
      `${n.toLocaleString("en-US")} of them could not be read in full from GitHub (changed files or timeline) and ${n === 1 ? "was" : "were"} judged on what is known.`,
    );
  }
  return notes;
}
