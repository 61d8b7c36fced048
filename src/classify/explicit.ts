import { inert } from "../text/inert.js";
import type { Strategy } from "../strategy/schema.js";
import { inStrategyOrder, likelyId, problemIds, validateIds } from "./ids.js";
import { parseServes } from "./serves.js";
import type { Reason, WorkItem } from "./types.js";

export interface ExplicitChoice {
  decidedBy: "command" | "serves" | "label";
  /** Empty for an explicit "none". */
  problems: string[];
  reasons: Reason[];
}

/**
 * The explicit level of docs/contract.md §3. Which of several explicit sources came last cannot be known here, so
 * a fixed order decides: the `/strategy` command (a deliberate act, checked for permission), then the
 * author's `Serves:` line, then strategy labels a person applied. A source naming only unknown ids is no
 * choice (a typo must not silently mean "none"); it yields a note and the next source is consulted.
 */
export function explicitChoice(strategy: Strategy, item: WorkItem, notes: string[]): ExplicitChoice | undefined {
  return (
    fromIds(strategy, "command", item.command, notes) ??
    fromIds(strategy, "serves", parseServes(item.body), notes) ??
    fromPersonLabels(strategy, item.personLabels ?? [])
  );
}

function fromIds(
  strategy: Strategy,
  decidedBy: "command" | "serves",
  choice: readonly string[] | "none" | undefined,
  notes: string[],
): ExplicitChoice | undefined {
  if (choice === undefined) return undefined;
  if (choice === "none") return { decidedBy, problems: [], reasons: [] };
  const { known, unknown } = validateIds(strategy, choice);
  if (unknown.length > 0) {
    const where = decidedBy === "command" ? "The /strategy command" : "The Serves: line";
    const names = unknown
      .map((id) => {
        const meant = likelyId(strategy, id);
        return `"${inert(id, 40)}"${meant ? ` (did you mean "${meant}"?)` : ""}`;
      })
      .join(", ");
    notes.push(`${where} names no such problem: ${names} (valid ids: ${problemIds(strategy).join(", ")}).`);
  }
  if (known.length === 0) return undefined;
  const problems = inStrategyOrder(strategy, known);
  const detail = decidedBy === "command" ? `/strategy ${problems.join(" ")}` : `Serves: ${problems.join(", ")}`;
  return { decidedBy, problems, reasons: problems.map((problem) => ({ problem, source: decidedBy, detail })) };
}

/** Entries may be problem ids (from `personProblemIds`) or label names; the unaligned label means "none". */
function fromPersonLabels(strategy: Strategy, entries: readonly string[]): ExplicitChoice | undefined {
  if (entries.length === 0) return undefined;
  const wanted = new Set(entries.map((e) => e.toLowerCase()));
  const chosen = strategy.problems.filter((p) => wanted.has(p.id) || wanted.has(p.label.toLowerCase()));
  if (chosen.length > 0) {
    const reasons = chosen.map((p): Reason => ({ problem: p.id, source: "label", detail: p.label }));
    return { decidedBy: "label", problems: chosen.map((p) => p.id), reasons };
  }
  const unaligned = strategy.settings.unaligned_label?.toLowerCase();
  if (wanted.has(NONE) || (unaligned !== undefined && wanted.has(unaligned))) {
    return { decidedBy: "label", problems: [], reasons: [] };
  }
  return undefined;
}

/** What `personProblemIds` reports for a person-applied unaligned label. */
export const NONE = "none";
