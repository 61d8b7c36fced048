/** Replies to `/strategy` commands (docs/contract.md §7): `explain`, and the help for a rejected command. */
import type { Decision } from "../classify/types.js";
import type { Strategy } from "../strategy/schema.js";
import { listJoin } from "./format.js";
import { inert } from "../text/inert.js";
import { BODY_LIMIT, blocks, fitLines } from "./limits.js";
import { code } from "./markdown.js";
import { decidedSentence, noneReason, reasonDetail, reasonsByProblem } from "./reasons.js";
import { changeHint, idList, problemTitle } from "./served.js";

/** Why a command was not applied. */
export type CommandRejection =
  | {
      kind: "unknown-id";
      ids: readonly string[] /** The id each was probably meant as, if one is close. */;
      meant?: readonly (string | undefined)[];
    }
  | { kind: "permission" }
  | { kind: "syntax"; text?: string };

export function renderExplainReply(strategy: Strategy, decision: Decision): string {
  const byProblem = reasonsByProblem(decision);
  const head =
    decision.problems.length === 0
      ? `This item serves **no problem** of the strategy: ${noneReason(decision)}.`
      : `This item serves ${listJoin(decision.problems.map((id) => `**${problemTitle(strategy, id)}**`))}.`;
  const lines = decision.problems.map((id) => {
    const reasons = (byProblem.get(id) ?? []).map((r) => reasonDetail(r));
    return `- **${problemTitle(strategy, id)}** (${code(id)}): ${reasons.length ? reasons.join("; ") : "chosen explicitly"}`;
  });
  const notes = decision.notes.map((n) => `- Note: ${inert(n, 300)}`);
  const tail = blocks(decidedSentence(decision), changeHint(strategy));
  const list = fitLines([...lines, ...notes], BODY_LIMIT - head.length - tail.length - 8, (n) => `- …and ${n} more.`);
  return blocks(head, list.join("\n"), tail);
}

export function renderCommandHelp(strategy: Strategy | null, reason?: CommandRejection): string {
  return blocks(
    reason && rejection(reason),
    [
      "`/strategy` commands, for people with triage, write, maintain or admin access to the repository:",
      "- `/strategy <id> [<id>...]`: this item serves these problems",
      "- `/strategy none`: this item serves no problem",
      "- `/strategy explain`: reply with which problems this item serves and why",
      "- `/strategy report [YYYY-MM]`: post or refresh that month's report (default: this month)",
    ].join("\n"),
    strategy
      ? `Valid ids: ${idList(strategy)}.`
      : "The strategy file on the default branch is invalid, so no ids are valid until it is fixed.",
  );
}

function rejection(reason: CommandRejection): string {
  switch (reason.kind) {
    case "unknown-id": {
      const meant = (i: number) => reason.meant?.[i];
      const ids = reason.ids
        .map((id, i) => `“${inert(id, 60)}”${meant(i) ? ` (did you mean ${code(meant(i) as string)}?)` : ""}`)
        .slice(0, 20);
      return `That command was not applied: ${ids.join(", ")} ${reason.ids.length === 1 ? "is not a problem id" : "are not problem ids"} of the strategy.`;
    }
    case "permission":
      return "That command was not applied: it needs triage, write, maintain or admin access to the repository.";
    case "syntax":
      // parseCommand's reasons are already inert (the words it quotes went through inert()); escaping them
      // again would show people "&amp;lt;" where they typed "<".
      return `That command was not understood${reason.text ? `: “${reason.text.slice(0, 400)}”` : ""}.`;
  }
}
