/** The folded "why" of the progress comment: every reason, caveats, how to change it. Trimmed first when space runs out. */
import type { Decision } from "../classify/types.js";
import type { Strategy } from "../strategy/schema.js";
import type { Tally } from "../tally/types.js";
import { inert } from "../text/inert.js";
import { fitLines } from "./limits.js";
import { details } from "./markdown.js";
import { decidedSentence, noneReason, reasonDetail } from "./reasons.js";
import { changeHint, problemTitle } from "./served.js";

const SUMMARY = "Why, and how to change it";
const WRAPPER = details(SUMMARY, "").length;

export function commentDetails(
  input: { strategy: Strategy; decision: Decision; tally: Tally },
  budget: number,
): string {
  const hint = changeHint(input.strategy);
  if (budget < WRAPPER + hint.length + 200) return "";
  const lines = detailLines(input.strategy, input.decision, input.tally);
  const kept = fitLines(
    lines,
    budget - WRAPPER - hint.length - 2,
    (n) => `- …and ${n} more left out to fit GitHub's size limit.`,
  );
  return details(SUMMARY, `${kept.join("\n")}\n\n${hint}`);
}

/** Decided by, every reason one per line (with the rule behind it), then notes. */
export function detailLines(strategy: Strategy, decision: Decision, tally: Tally): string[] {
  const lines = [decidedSentence(decision), ""];
  if (decision.problems.length === 0) lines.push(`- Serves no problem: ${noneReason(decision)}.`);
  for (const r of decision.reasons) lines.push(`- **${problemTitle(strategy, r.problem)}**: ${reasonDetail(r)}`);
  const notes = decision.notes.map((n) => `- Note: ${inert(n, 300)}.`.replace(/\.\.$/, "."));
  if (tally.approximate) notes.push("- Note: the month's shares are approximate, estimated from counts.");
  return [...lines, ...notes];
}
