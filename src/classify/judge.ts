/**
 * The one decision (spec section 3, "The same answer, live or later"): from an item's raw facts (its
 * fields, who applied and removed which labels, the comments people wrote and whether their authors may
 * give commands) to the problems it serves and the labels that follow. The webhook handlers, the
 * reports, the CLI and backfill all come here, so an item gets the same answer whoever asks.
 * Pure: the edge reads the facts and asks GitHub who may give commands (see `commandAuthors`).
 */
import type { Strategy } from "../strategy/schema.js";
import { classify } from "./classify.js";
import { parseCommand } from "./command.js";
import { validateIds } from "./ids.js";
import { personProblemIds, reconcileLabels } from "./labels.js";
import type { LabelEvent } from "./provenance.js";
import type { Decision, WorkItem } from "./types.js";

/** A comment by someone other than the app. */
export interface ItemComment {
  author: string;
  body: string;
}

/** What the timeline says, as far as it was read: label changes and people's comments, oldest first. */
export interface ItemHistoryFacts {
  labels: readonly LabelEvent[];
  comments: readonly ItemComment[];
  /**
   * The problems the app itself last said the item serves (its progress comment's record), when it
   * judged the item live: `[]` is its "none".
   */
  recorded?: string[];
}

export type Choice = string[] | "none";

export interface JudgeInput {
  strategy: Strategy;
  /** The item's own fields; `personLabels` and `command` are derived here, whatever the item says. */
  item: WorkItem;
  history: ItemHistoryFacts;
  /** Whether a comment's author may give commands; asked only of the logins `commandAuthors` lists. */
  mayCommand: (login: string) => boolean;
  /** A command being handled right now (it may not be among the comments yet). */
  command?: Choice;
}

export interface Judgement {
  decision: Decision;
  /** Labels the app adds and removes to follow the decision (never a person's, never one a person removed). */
  add: string[];
  remove: string[];
  /** The problems the item serves once those labels are written: what its labels say, as reports count. */
  served: string[];
}

/** The newest valid `/strategy <ids>` or `/strategy none` among the comments whose author may give it. */
export function commandOf(
  strategy: Strategy,
  comments: readonly ItemComment[],
  mayCommand: (login: string) => boolean,
): Choice | undefined {
  for (const comment of comments.toReversed()) {
    const ids = choiceIn(strategy, comment.body);
    if (ids !== undefined && mayCommand(comment.author)) return ids;
  }
  return undefined;
}

/**
 * The authors whose permission decides which command stands, newest command first, each once. The edge
 * asks GitHub about them in this order and may stop at the first one allowed: older ones no longer matter.
 */
export function commandAuthors(strategy: Strategy, comments: readonly ItemComment[]): string[] {
  const logins: string[] = [];
  for (const { author: login, body } of comments.toReversed()) {
    if (choiceIn(strategy, body) !== undefined && !logins.some((l) => l.toLowerCase() === login.toLowerCase()))
      logins.push(login);
  }
  return logins;
}

function choiceIn(strategy: Strategy, body: string): Choice | undefined {
  const command = parseCommand(body);
  if (command?.kind === "none") return "none";
  if (command?.kind !== "serve") return undefined;
  const known = validateIds(strategy, command.ids).known;
  return known.length > 0 ? known : undefined;
}

/** The problems a set of labels says an item serves (a strategy label each); none for the rest. */
export function problemsOfLabels(strategy: Strategy, labels: readonly string[]): string[] {
  const have = new Set(labels.map((l) => l.toLowerCase()));
  return strategy.problems.filter((p) => have.has(p.label.toLowerCase())).map((p) => p.id);
}

/** True when the item carries a strategy label or the unaligned label: its answer was written down. */
export function carriesAnswer(strategy: Strategy, labels: readonly string[]): boolean {
  if (problemsOfLabels(strategy, labels).length > 0) return true;
  const unaligned = strategy.settings.unaligned_label?.toLowerCase();
  return unaligned !== undefined && labels.some((l) => l.toLowerCase() === unaligned);
}

/**
 * The decision and the label changes that follow from it: explicit (a person's `/strategy`, the
 * `Serves:` line, a strategy label a person applied), else the issues it closes, else the rules; labels
 * a person removed stay removed.
 */
export function judge(input: JudgeInput): Judgement {
  const { strategy, item, history } = input;
  const personLabels = personProblemIds(strategy, item.labels, history.labels);
  const command = input.command ?? commandOf(strategy, history.comments, input.mayCommand);
  const decision = classify(strategy, { ...item, personLabels, command });
  const { add, remove } = reconcileLabels(strategy, decision, item.labels, history.labels);
  const dropped = new Set(remove.map((l) => l.toLowerCase()));
  const after = [...item.labels.filter((l) => !dropped.has(l.toLowerCase())), ...add];
  return { decision, add, remove, served: problemsOfLabels(strategy, after) };
}

/**
 * A merged pull request as a report counts it. Its strategy labels are the answer, never re-judged. One
 * without any gets the answer it would have had live: the app's own recorded "none" when it judged it
 * then, else `judge` on the same facts.
 */
export function judgeMerged(input: JudgeInput): Judgement & { judgedNow: boolean } {
  const { strategy, item, history } = input;
  if (carriesAnswer(strategy, item.labels)) {
    const served = problemsOfLabels(strategy, item.labels);
    const decision: Decision = {
      problems: served,
      level: served.length > 0 ? "explicit" : "none",
      reasons: [],
      notes: [],
    };
    return { decision, add: [], remove: [], served, judgedNow: false };
  }
  if (history.recorded?.length === 0 && input.command === undefined) {
    const decision: Decision = {
      problems: [],
      level: "none",
      reasons: [],
      notes: ["The app judged it when it was merged: it served no problem."],
    };
    return { decision, add: [], remove: [], served: [], judgedNow: false };
  }
  return { ...judge(input), judgedNow: true };
}
