/**
 * An organisation's shipped work of a period, from one search across its repositories, counted page by
 * page: each pull request is judged by its own repository's strategy in force (the organisation's, or
 * the organisation's with the repository's rules added), exactly as that repository's own report and
 * webhooks judge it, and added to its repository's sums. Only sums and a bounded handful of items are
 * kept, so memory stays flat however many pull requests and repositories.
 */
import type { MergedPull } from "../github/merged-pulls.js";
import type { InScope } from "../strategy/scope.js";
import type { Strategy } from "../strategy/schema.js";
import type { RepositoryFigures, ShippedItem, Tally } from "../tally/index.js";
import { createOrgTallier, createTallier, notableKeeper } from "../tally/index.js";
import { carriesAnswer } from "../classify/index.js";
import { FACTS_PER_REQUEST } from "../github/pull-facts.js";
import type { JudgedPull, MergedJudge } from "./merged-judge.js";
import { servedBy, shippedItem, SUGGESTION_SAMPLE } from "./report-shipped.js";

const NOTABLE_CAP = 5;

export interface OrgShipped {
  tally: Tally;
  repositories: RepositoryFigures[];
  items: ShippedItem[];
  notes: string[];
  /** Pull requests without a strategy label that were judged now, and those of them not read in full. */
  judgedNow: number;
  incomplete: number;
}

export async function tallyOrgShipped(
  strategy: Strategy,
  scope: InScope[],
  pages: AsyncIterable<MergedPull[]>,
  /** Judges merged pull requests by their repository's strategy (merged-judge.ts); search fields alone without it. */
  judge?: MergedJudge["judge"],
): Promise<OrgShipped> {
  // The organisation's figures (author-weeks included) from the repository tallier, each repository's sums beside it.
  // Ignored authors are each repository's own (an extending repository may list others), so they are left out here.
  const whole = createTallier({ ...strategy, settings: { ...strategy.settings, ignore_authors: [] } });
  const tallier = createOrgTallier(strategy);
  const byName = new Map(
    scope.map((r) => [
      r.name.toLowerCase(),
      { ...r, ignored: new Set(r.strategy.settings.ignore_authors.map((a) => a.toLowerCase())) },
    ]),
  );
  for (const r of scope) tallier.repository(r.name, r.tie);
  const orgIds = new Set(strategy.problems.map((p) => p.id));
  const notable = notableKeeper(NOTABLE_CAP);
  const sample: ShippedItem[] = [];
  let unaligned = 0;
  let elsewhere = 0;

  let judgedNow = 0;
  let incomplete = 0;
  const judgeAll =
    judge ??
    (async (pulls: readonly MergedPull[]): Promise<JudgedPull[]> =>
      pulls.map((pull) => {
        const own = byName.get((pull.repo ?? "").toLowerCase())!.strategy;
        return { pull, problems: servedBy(own, pull), judgedNow: !carriesAnswer(own, pull.labels), incomplete: false };
      }));
  const count = (judged: JudgedPull[]) => {
    for (const { pull, problems: served, judgedNow: now, incomplete: partial } of judged) {
      const repo = byName.get((pull.repo ?? "").toLowerCase())!;
      if (now) judgedNow += 1;
      if (partial) incomplete += 1;
      const problems = served.filter((id) => orgIds.has(id));
      tallier.add({ repo: repo.name, problems });
      whole.add({ problems, author: pull.author, mergedAt: pull.mergedAt });
      const item: ShippedItem = { ...shippedItem(pull, problems), repo: repo.name };
      notable.add(item, problems.length === 0 ? [""] : problems);
      if (problems.length === 0 && unaligned++ < SUGGESTION_SAMPLE) sample.push(item);
    }
  };

  // Search pages are offsets: a pull request merged while they are read can shift onto the next page, so
  // the keys of the last two pages are enough to count it once (and memory stays flat). Pull requests
  // without a strategy label wait, at most 50, until their facts are read together.
  let before = new Set<string>();
  let last = new Set<string>();
  let waiting: MergedPull[] = [];
  for await (const page of pages) {
    const current = new Set<string>();
    const labelled: MergedPull[] = [];
    for (const pull of page) {
      const key = `${pull.repo ?? ""}#${pull.number}`;
      if (before.has(key) || last.has(key) || current.has(key)) continue;
      current.add(key);
      const repo = byName.get((pull.repo ?? "").toLowerCase());
      // Repositories left out, and pull requests merged into another branch than the default, are not shipped work here.
      if (!repo || (pull.base !== undefined && repo.defaultBranch !== null && pull.base !== repo.defaultBranch)) {
        elsewhere += 1;
        continue;
      }
      if (repo.ignored.has(pull.author.toLowerCase())) continue;
      (carriesAnswer(repo.strategy, pull.labels) ? labelled : waiting).push(pull);
    }
    count(await judgeAll(labelled));
    while (waiting.length >= FACTS_PER_REQUEST) {
      count(await judgeAll(waiting.slice(0, FACTS_PER_REQUEST)));
      waiting = waiting.slice(FACTS_PER_REQUEST);
    }
    before = last;
    last = current;
  }
  if (waiting.length > 0) count(await judgeAll(waiting));

  const items = new Map<string, ShippedItem>();
  for (const item of [...notable.items(), ...sample]) items.set(`${item.repo}#${item.number}`, item);
  const notes: string[] = [];
  if (unaligned > SUGGESTION_SAMPLE) {
    notes.push(
      `Rule suggestions are drawn from the first ${SUGGESTION_SAMPLE.toLocaleString("en-US")} of ${unaligned.toLocaleString("en-US")} unaligned pull requests.`,
    );
  }
  if (elsewhere > 0) {
    const what =
      elsewhere === 1
        ? "1 merged pull request found by the search was"
        : `${elsewhere.toLocaleString("en-US")} merged pull requests found by the search were`;
    notes.push(
      `${what} not counted: left-out repositories' work, or merged into another branch than its repository's default one.`,
    );
  }
  return {
    tally: whole.result(),
    repositories: tallier.result().repositories,
    items: [...items.values()],
    notes,
    judgedNow,
    incomplete,
  };
}
