/**
 * Reasons in words, one short phrase each: what matched, quoted inertly. Every piece of `detail` is user
 * text (a label name, a path, a keyword from the file) and goes through inert().
 */
import type { Decision, Reason } from "../classify/types.js";
import { inert } from "../text/inert.js";

/** What matched, in the item's own words: the title's or body's words, the path, the label, the issue. */
export function reasonPhrase(r: Reason, compact = false): string {
  const d = inert(r.detail, 120);
  switch (r.source) {
    case "serves":
      return "a `Serves:` line in the description";
    case "command":
      return "a `/strategy` command";
    case "label":
      return `the label “${d}”, applied by a person`;
    case "linked":
      // "#12" is written plainly so GitHub links the issue; anything else is quoted inertly.
      return `closes ${/^#\d+$/.test(r.detail) ? r.detail : d}`;
    case "labels":
      return `label “${d}”`;
    case "keywords": {
      // The title is on the page above the comment; words from the description are quoted in context.
      const where = r.where === "body" ? "description" : "title";
      const context =
        r.excerpt && r.excerpt !== r.matched && !(compact && where === "title") ? `: “${inert(r.excerpt, 100)}”` : "";
      return `“${r.matched ? inert(r.matched, 60) : d}” in the ${where}${context}`;
    }
    case "patterns":
      return r.matched ? `title “${inert(r.matched, 60)}”` : "title matches a pattern";
    case "paths":
      return `changes ${d}`;
    case "branches":
      return `branch ${d}`;
    case "milestones":
      return `milestone “${d}”`;
    case "authors":
      return `author ${d}`;
  }
}

/**
 * The phrase with the rule behind it, for the folded details: the keyword, or the pattern's source cut
 * short (a long regular expression says little to a reader; the file has it whole).
 */
export function reasonDetail(r: Reason): string {
  const phrase = reasonPhrase(r);
  if (r.source === "patterns") return `${phrase} (pattern “${inert(r.detail, 40)}”)`;
  return phrase;
}

/** The reasons behind each served problem, keyed by problem id, in the decision's order. */
export function reasonsByProblem(decision: Decision): Map<string, Reason[]> {
  const out = new Map<string, Reason[]>(decision.problems.map((id) => [id, []]));
  for (const r of decision.reasons) out.get(r.problem)?.push(r);
  return out;
}

/** At most `max` phrases, then "+N more": keeps a first line short however many paths matched. */
export function shortReasons(reasons: Reason[], max = 2): string {
  const phrases = reasons.slice(0, max).map((r) => reasonPhrase(r, true));
  if (reasons.length > max) phrases.push(`+${reasons.length - max} more`);
  return phrases.join(", ");
}

/** Why an item serves nothing, in one phrase. */
export function noneReason(decision: Decision): string {
  if (decision.level === "explicit") {
    return explicitSource(decision) === "command"
      ? "set by a `/strategy none` command"
      : "set by a `Serves: none` line";
  }
  return "no rule in the strategy matched it";
}

/** Which explicit source decided: told by the decision, else read from its reasons. */
function explicitSource(decision: Decision): "command" | "serves" | "label" {
  if (decision.decidedBy) return decision.decidedBy;
  const r = decision.reasons.find((x) => x.source === "command" || x.source === "serves" || x.source === "label");
  return (r?.source as "command" | "serves" | "label" | undefined) ?? "serves";
}

/** Which precedence level decided, as a sentence (docs/contract.md §3). */
export function decidedSentence(decision: Decision): string {
  switch (decision.level) {
    case "explicit": {
      const source = explicitSource(decision);
      const what =
        source === "command"
          ? "a `/strategy` command"
          : source === "label"
            ? "a strategy label applied by a person"
            : "a `Serves:` line";
      return `Decided by an explicit choice (${what}), which linked issues and rules never override.`;
    }
    case "linked":
      return "Decided by the issues it closes (no explicit choice was made).";
    case "rules":
      return "Decided by the strategy's matching rules (no explicit choice, no linked issue with an answer).";
    case "none":
      return "No explicit choice, linked issue or matching rule gave an answer.";
  }
}
