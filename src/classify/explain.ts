import { inert } from "../render/inert.js";
import type { Strategy } from "../strategy/schema.js";
import { describeReason } from "./describe.js";
import type { Decision } from "./types.js";

const HOW_DECIDED: Record<Decision["level"], string> = {
  explicit: "chosen explicitly",
  linked: "from the issues it closes",
  rules: "matched by the strategy's rules",
  none: "no rule matched",
};

const EXPLICIT_SOURCE = {
  command: "a `/strategy` command",
  serves: "a `Serves:` line in the description",
  label: "a strategy label applied by a person",
} as const;

/** A small Markdown block: which problems the item serves and why, or how to say which it serves. */
export function explainDecision(strategy: Strategy, decision: Decision): string {
  const how = decision.decidedBy ? `${HOW_DECIDED.explicit}, by ${EXPLICIT_SOURCE[decision.decidedBy]}` : HOW_DECIDED[decision.level];
  const lines: string[] = [];
  if (decision.problems.length === 0) {
    lines.push(`This item serves **no problem** of the strategy (${how}).`);
  } else {
    lines.push(`This item serves ${decision.problems.length === 1 ? "one problem" : `${decision.problems.length} problems`} (${how}):`, "");
    for (const id of decision.problems) {
      const title = inert(strategy.problems.find((p) => p.id === id)?.title ?? id, 100);
      const why = decision.reasons.filter((r) => r.problem === id).map(describeReason);
      lines.push(`- **${title}** (\`${id}\`)${why.length > 0 ? `: ${why.join("; ")}` : ""}`);
    }
  }
  for (const note of decision.notes) lines.push("", `_${note}_`);
  const ids = strategy.problems.map((p) => `\`${p.id}\``).join(", ");
  lines.push(
    "",
    "To change it, add a line `Serves: <id>` (or `Serves: none`) to the description, or comment `/strategy <id>` " +
      `(or \`/strategy none\`). Valid ids: ${ids}.`,
  );
  return lines.join("\n");
}
