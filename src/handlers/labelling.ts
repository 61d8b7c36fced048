/**
 * The labelling decision shared by issues and pull requests (docs/contract.md §3): decide from what the
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
  const personLabels = personProblemIds(strategy, item.labels, known.labels);
  const plan = (command: string[] | "none" | undefined): LabelPlan => {
    const decision = classify(strategy, { ...item, personLabels, command });
    return { decision, ...reconcileLabels(strategy, decision, item.labels, known.labels) };
  };
  const command = input.command ?? (await latestCommand(strategy, known.comments, input.mayCommand));
  const planned = plan(command);
  // A command older than the comments read may still stand: look for one only when labels would change.
  if (command !== undefined || !known.earlier || (planned.add.length === 0 && planned.remove.length === 0)) return planned;
  for await (const page of known.earlier()) {
    const older = await latestCommand(strategy, page, input.mayCommand);
    if (older !== undefined) return plan(older);
  }
  return planned;
}

/** The newest `/strategy <ids>` or `/strategy none` among these comments from someone allowed to give it. */
async function latestCommand(strategy: Strategy, comments: ItemHistory["comments"], mayCommand: (login: string) => Promise<boolean>) {
  for (const comment of [...comments].reverse()) {
    const command = parseCommand(comment.body);
    if (command?.kind !== "serve" && command?.kind !== "none") continue;
    const ids = command.kind === "none" ? "none" : validateIds(strategy, command.ids).known;
    if (ids !== "none" && ids.length === 0) continue;
    if (await mayCommand(comment.author)) return ids;
  }
  return undefined;
}
