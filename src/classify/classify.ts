import type { Strategy } from "../strategy/schema.js";
import { compileRules } from "./compile.js";
import { explicitChoice } from "./explicit.js";
import { inStrategyOrder } from "./ids.js";
import { matchProblem, prepareItem } from "./rules.js";
import type { Decision, Reason, WorkItem } from "./types.js";

/** Enough to show why without burying the comment when a problem matches dozens of labels and keywords. */
export const MAX_REASONS_PER_PROBLEM = 8;

/** Which problems an item serves and why (docs/contract.md §3): explicit, else linked issues, else rules. */
export function classify(strategy: Strategy, item: WorkItem): Decision {
  const notes: string[] = [];
  const explicit = explicitChoice(strategy, item, notes);
  if (explicit) return { level: "explicit", ...explicit, notes };

  const linked = linkedReasons(strategy, item);
  if (linked.length > 0) return decide(strategy, "linked", linked, notes);

  const compiled = compileRules(strategy);
  const prepared = prepareItem(item);
  const reasons: Reason[] = [];
  for (const rules of compiled.problems) {
    const matched = matchProblem(rules, prepared);
    reasons.push(...matched.slice(0, MAX_REASONS_PER_PROBLEM));
    const hidden = matched.length - MAX_REASONS_PER_PROBLEM;
    if (hidden > 0) notes.push(`${rules.id}: ${hidden} more matching rule${hidden === 1 ? "" : "s"} not listed.`);
  }
  if (item.filesComplete === false && compiled.usesPaths) {
    notes.push(`Paths judged on the first ${(item.files?.length ?? 0).toLocaleString("en-US")} changed files.`);
  }
  return decide(strategy, reasons.length > 0 ? "rules" : "none", reasons, notes);
}

function decide(strategy: Strategy, level: Decision["level"], reasons: Reason[], notes: string[]): Decision {
  return {
    problems: inStrategyOrder(
      strategy,
      reasons.map((r) => r.problem),
    ),
    level,
    reasons,
    notes,
  };
}

/** A pull request serves the problems of the issues it closes, read from those issues' strategy labels. */
function linkedReasons(strategy: Strategy, item: WorkItem): Reason[] {
  const reasons: Reason[] = [];
  for (const issue of item.closes ?? []) {
    const labels = new Set(issue.labels.map((l) => l.toLowerCase()));
    for (const p of strategy.problems) {
      if (labels.has(p.label.toLowerCase()))
        reasons.push({ problem: p.id, source: "linked", detail: `#${issue.number}` });
    }
  }
  return reasons;
}
