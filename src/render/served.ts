/** The one sentence saying what an item serves and why: the head of the comment, the check and `explain`. */
import type { Decision } from "../classify/types.js";
import type { Strategy } from "../strategy/schema.js";
import { listJoin } from "./format.js";
import { inert } from "../text/inert.js";
import { code } from "./markdown.js";
import { noneReason, reasonsByProblem, shortReasons } from "./reasons.js";

/** A problem's title, inert; the id in code when the strategy no longer defines it. */
export function problemTitle(strategy: Strategy, id: string): string {
  const p = strategy.problems.find((x) => x.id === id);
  return p ? inert(p.title, 120) : code(id);
}

/** "This pull request serves **Reliability** (keyword “outage”) and **Costs** (changes infra/a.tf)." */
export function servesLine(strategy: Strategy, decision: Decision, subject = "This pull request"): string {
  if (decision.problems.length === 0)
    return `${subject} serves **no problem** of the strategy: ${noneReason(decision)}.`;
  const byProblem = reasonsByProblem(decision);
  const parts = decision.problems.map((id) => {
    const why = shortReasons(byProblem.get(id) ?? []);
    return `**${problemTitle(strategy, id)}**${why ? ` (${why})` : ""}`;
  });
  return `${subject} serves ${listJoin(parts)}.`;
}

/** The ids a person may name, as code: "`reliability`, `costs`". */
export function idList(strategy: Strategy): string {
  return strategy.problems.map((p) => code(p.id)).join(", ");
}

/** How to change the decision: the body line or the command, and the valid ids. */
export function changeHint(strategy: Strategy): string {
  return (
    "Not right? Add a line `Serves: <id>` to the description, or comment `/strategy <id>` " +
    `(\`/strategy none\` for none). Ids: ${idList(strategy)}.`
  );
}
