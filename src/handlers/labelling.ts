/**
 * The labelling decision shared by issues and pull requests (spec section 3): decide from what the
 * webhook carries; only when the labels are not already in step, read who applied or removed them
 * and which `/strategy` commands people gave, then decide again with that knowledge.
 */
import {
  classify,
  labelsInStep,
  parseCommand,
  personProblemIds,
  reconcileLabels,
  strategyLabels,
  validateIds,
  type Decision,
  type WorkItem,
} from "../classify/index.js";
import type { ItemHistory } from "../github/item-history.js";
import type { Strategy } from "../strategy/schema.js";

export interface LabelPlan {
  decision: Decision;
  add: string[];
  remove: string[];
}

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
  command?: string[] | "none";
}

export async function planLabels(input: LabellingInput): Promise<LabelPlan> {
  const { strategy, item } = input;
  let history = typeof input.history === "function" ? undefined : input.history;
  if (!history && input.command === undefined) {
    const quick = classify(strategy, item);
    if (labelsInStep(strategy, quick, item.labels)) return { decision: quick, add: [], remove: [] };
    const managed = strategyLabels(strategy);
    if (input.fresh && !item.labels.some((l) => managed.has(l.toLowerCase()))) {
      return { decision: quick, ...reconcileLabels(strategy, quick, item.labels, []) };
    }
  }
  history ??= await (input.history as () => Promise<ItemHistory>)();
  const command = input.command ?? (await latestCommand(strategy, history, input.mayCommand));
  const personLabels = personProblemIds(strategy, item.labels, history.labels);
  const decision = classify(strategy, { ...item, personLabels, command });
  return { decision, ...reconcileLabels(strategy, decision, item.labels, history.labels) };
}

/** The newest `/strategy <ids>` or `/strategy none` from someone allowed to give it. */
async function latestCommand(strategy: Strategy, history: ItemHistory, mayCommand: (login: string) => Promise<boolean>) {
  for (const comment of [...history.comments].reverse()) {
    const command = parseCommand(comment.body);
    if (command?.kind !== "serve" && command?.kind !== "none") continue;
    const ids = command.kind === "none" ? "none" : validateIds(strategy, command.ids).known;
    if (ids !== "none" && ids.length === 0) continue;
    if (await mayCommand(comment.author)) return ids;
  }
  return undefined;
}
