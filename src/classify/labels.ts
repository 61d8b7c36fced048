import type { Strategy } from "../strategy/schema.js";
import { NONE } from "./explicit.js";
import { appliedByApp, removedByPerson, summarizeHistory, type LabelEvent } from "./provenance.js";
import type { Decision } from "./types.js";

export type { LabelEvent } from "./provenance.js";

/** The labels the app manages (lowercased): every problem's label and the unaligned label when set. */
export function strategyLabels(strategy: Strategy): Set<string> {
  const names = strategy.problems.map((p) => p.label.toLowerCase());
  const unaligned = strategy.settings.unaligned_label;
  if (unaligned) names.push(unaligned.toLowerCase());
  return new Set(names);
}

/** The labels the decision calls for, spelled as in the strategy. */
export function desiredLabels(strategy: Strategy, decision: Decision): string[] {
  const served = new Set(decision.problems);
  const labels = strategy.problems.filter((p) => served.has(p.id)).map((p) => p.label);
  const unaligned = strategy.settings.unaligned_label;
  if (labels.length === 0 && unaligned) labels.push(unaligned);
  return [...new Map(labels.map((l) => [l.toLowerCase(), l])).values()];
}

/**
 * Strategy labels on the item that a person applied (their latest "added" event is not the app's, or is
 * unknown), as problem ids for `WorkItem.personLabels`. A person-applied unaligned label alone is "none".
 */
export function personProblemIds(
  strategy: Strategy,
  current: readonly string[],
  history: readonly LabelEvent[],
): string[] {
  const h = summarizeHistory(history);
  const byPerson = new Set(current.filter((l) => !appliedByApp(h, l)).map((l) => l.toLowerCase()));
  const ids = strategy.problems.filter((p) => byPerson.has(p.label.toLowerCase())).map((p) => p.id);
  const unaligned = strategy.settings.unaligned_label?.toLowerCase();
  if (ids.length === 0 && unaligned !== undefined && byPerson.has(unaligned)) return [NONE];
  return [...new Set(ids)];
}

/**
 * What to change so the labels the app applied follow the decision. It only removes labels it applied
 * itself, and never re-adds a label a person removed.
 */
export function reconcileLabels(
  strategy: Strategy,
  decision: Decision,
  current: readonly string[],
  history: readonly LabelEvent[],
): { add: string[]; remove: string[] } {
  const h = summarizeHistory(history);
  const desired = desiredLabels(strategy, decision);
  const wanted = new Set(desired.map((l) => l.toLowerCase()));
  const present = new Set(current.map((l) => l.toLowerCase()));
  const add = desired.filter((l) => !present.has(l.toLowerCase()) && !removedByPerson(h, l));
  const remove = managedSpellings(strategy).filter(
    ([key]) => present.has(key) && !wanted.has(key) && appliedByApp(h, key),
  );
  return { add, remove: remove.map(([, name]) => name) };
}

/** True when the item's strategy labels are exactly what the decision wants: no history needs fetching. */
export function labelsInStep(strategy: Strategy, decision: Decision, current: readonly string[]): boolean {
  const managed = strategyLabels(strategy);
  const have = new Set(current.map((l) => l.toLowerCase()).filter((l) => managed.has(l)));
  const want = new Set(desiredLabels(strategy, decision).map((l) => l.toLowerCase()));
  return have.size === want.size && [...want].every((l) => have.has(l));
}

/** [lowercased, strategy spelling] for every managed label, in strategy order. */
function managedSpellings(strategy: Strategy): [string, string][] {
  const names = strategy.problems.map((p) => p.label);
  if (strategy.settings.unaligned_label) names.push(strategy.settings.unaligned_label);
  return [...new Map(names.map((n): [string, string] => [n.toLowerCase(), n])).entries()];
}
