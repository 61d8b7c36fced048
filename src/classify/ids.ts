import { closest } from "../strategy/hint.js";
import type { Strategy } from "../strategy/schema.js";

/** Splits a list of problem ids as people type them: commas and/or spaces, `code` quotes, a final full stop. */
export function splitIds(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((t) =>
      t
        .replace(/^`+|`+$/g, "")
        .replace(/[.;]+$/, "")
        .toLowerCase(),
    )
    .filter((t) => t.length > 0);
}

/** Separates the ids the strategy defines from those it does not, keeping first-seen order without repeats. */
export function validateIds(strategy: Strategy, ids: readonly string[]): { known: string[]; unknown: string[] } {
  const defined = new Set(strategy.problems.map((p) => p.id));
  const known: string[] = [];
  const unknown: string[] = [];
  for (const raw of ids) {
    const id = raw.toLowerCase();
    const bucket = defined.has(id) ? known : unknown;
    if (!bucket.includes(id)) bucket.push(id);
  }
  return { known, unknown };
}

/** Problem ids in strategy order, without repeats: the order every decision reports them in. */
export function inStrategyOrder(strategy: Strategy, ids: Iterable<string>): string[] {
  const wanted = new Set(ids);
  return strategy.problems.map((p) => p.id).filter((id) => wanted.has(id));
}

/** The ids of the strategy's problems, for "valid ids are ..." hints. */
export function problemIds(strategy: Strategy): string[] {
  return strategy.problems.map((p) => p.id);
}

/** The problem id a mistyped one was probably meant as ("relaibility" for "reliability"), if any is close. */
export function likelyId(strategy: Strategy, typed: string): string | undefined {
  return closest(typed, problemIds(strategy));
}
