/**
 * The labelling decision shared by issues and pull requests (docs/contract.md §3): decide from what the
 * webhook carries; only when the labels are not already in step, read who applied or removed them
 * and which `/strategy` commands people gave, then decide again with that knowledge. The decision
 * itself is `judge` (classify/judge.ts), the one every caller uses; here are only the reads it needs.
 */
import {
  classify,
  commandAuthors,
  commandOf,
  judge,
  labelsInStep,
  reconcileLabels,
  strategyLabels,
  type Choice,
  type ItemComment,
  type Judgement,
  type WorkItem,
} from "../classify/index.js";
import type { ItemHistory } from "../github/item-history.js";
import type { Strategy } from "../strategy/schema.js";

export type LabelPlan = Pick<Judgement, "decision" | "add" | "remove"> & Partial<Pick<Judgement, "served">>;

export interface LabellingInput {
  strategy: Strategy;
  item: WorkItem;
  /** Known history, or a way to read it when it matters. */
  history: ItemHistory | (() => Promise<ItemHistory>);
  /** True for a just-opened item: nothing can have been removed yet, so no history is needed. */
  fresh?: boolean;
  /** Whether a command's author may give commands (triage access or more). */
  mayCommand: (login: string) => Promise<boolean>;
  /** A command being handled right now (it may not be in the history yet). */
  command?: Choice;
}

export async function planLabels(input: LabellingInput): Promise<LabelPlan> {
  const { strategy, item } = input;
  const history = typeof input.history === "function" ? undefined : input.history;
  if (!history && input.command === undefined) {
    const quick = classify(strategy, item);
    if (labelsInStep(strategy, quick, item.labels)) return { decision: quick, add: [], remove: [] };
    const managed = strategyLabels(strategy);
    if (input.fresh && !item.labels.some((l) => managed.has(l.toLowerCase()))) {
      return { decision: quick, ...reconcileLabels(strategy, quick, item.labels, []) };
    }
  }
  const known = history ?? (await (input.history as () => Promise<ItemHistory>)());
  return judgeWithHistory(strategy, item, known, input.mayCommand, input.command);
}

/**
 * `judge` on an item whose history is read: permissions are asked only of the authors whose commands
 * could stand (newest first, stopping at the first allowed); comments older than those read are looked
 * through for a command only when the labels would otherwise change. Reports judge unlabelled merged
 * pull requests through this very function, so their answer is the live one.
 */
export async function judgeWithHistory(
  strategy: Strategy,
  item: WorkItem,
  known: ItemHistory,
  mayCommand: (login: string) => Promise<boolean>,
  command?: Choice,
): Promise<Judgement> {
  const decide = (comments: readonly ItemComment[], allowed: (login: string) => boolean, given?: Choice) =>
    judge({ strategy, item, history: { labels: known.labels, comments }, mayCommand: allowed, command: given });
  const allowed = await allowedAuthors(strategy, known.comments, mayCommand);
  const planned = decide(known.comments, allowed, command);
  const found = command ?? commandOf(strategy, known.comments, allowed);
  // A command older than the comments read may still stand: look for one only when labels would change.
  if (found !== undefined || !known.earlier || (planned.add.length === 0 && planned.remove.length === 0))
    return planned;
  for await (const page of known.earlier()) {
    const olderAllowed = await allowedAuthors(strategy, page, mayCommand);
    const older = commandOf(strategy, page, olderAllowed);
    if (older !== undefined) return decide(known.comments, allowed, older);
  }
  return planned;
}

/** Who among the commands' authors may give them, asked newest first until one may. */
export async function allowedAuthors(
  strategy: Strategy,
  comments: readonly ItemComment[],
  mayCommand: (login: string) => Promise<boolean>,
): Promise<(login: string) => boolean> {
  const allowed = new Set<string>();
  for (const login of commandAuthors(strategy, comments)) {
    if (await mayCommand(login)) {
      allowed.add(login.toLowerCase());
      break;
    }
  }
  return (login) => allowed.has(login.toLowerCase());
}
