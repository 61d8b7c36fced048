/** The folded part of the progress comment: every reason and caveat. Trimmed first when space runs out. */
import type { Decision } from "../classify/types.js";
import type { Strategy } from "../strategy/schema.js";
import type { Tally } from "../tally/types.js";
import { inert } from "../text/inert.js";
import { fitLines } from "./limits.js";
import { details } from "./markdown.js";
import { decidedSentence, noneReason, reasonPhrase } from "./reasons.js";
import { problemTitle } from "./served.js";

const WRAPPER = "<details><summary>Details</summary>\n\n\n\n</details>".length;

export function commentDetails(
  input: { strategy: Strategy; decision: Decision; tally: Tally },
  budget: number,
): string {
  const lines = detailLines(input.strategy, input.decision, input.tally);
  if (budget < WRAPPER + 200) return "";
  const kept = fitLines(lines, budget - WRAPPER, (n) => `- …and ${n} more left out to fit GitHub's size limit.`);
  return details("Details", kept.join("\n"));
}

/** Decided by, every reason one per line, then notes. */
export function detailLines(strategy: Strategy, decision: Decision, tally: Tally): string[] {
  const lines = [decidedSentence(decision), ""];
  if (decision.problems.length === 0) lines.push(`- Serves no problem: ${noneReason(decision)}.`);
  for (const r of decision.reasons) lines.push(`- **${problemTitle(strategy, r.problem)}**: ${reasonPhrase(r)}`);
  const notes = decision.notes.map((n) => `- Note: ${inert(n, 300)}.`.replace(/\.\.$/, "."));
  if (tally.approximate) notes.push("- Note: the month's shares are approximate, estimated from counts.");
  return [...lines, ...notes];
}
