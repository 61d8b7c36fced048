/**
 * The one progress comment on a pull request (docs/contract.md §4): readable in ten seconds. What it serves and
 * why, the month so far, drift, how to change it; everything else folded into <details>.
 */
import type { Decision } from "../classify/types.js";
import type { Strategy } from "../strategy/schema.js";
import { driftOf } from "../tally/drift.js";
import type { Tally } from "../tally/types.js";
import { percent, plural } from "./format.js";
import { inert } from "../text/inert.js";
import { invalidStrategyContent, type InvalidStrategy } from "./invalid.js";
import { BODY_LIMIT, blocks } from "./limits.js";
import { PROGRESS_MARKER } from "./markers.js";
import { commentDetails } from "./comment-details.js";
import { driftNote, monthRows, monthTable } from "./month.js";
import { changeHint, servesLine } from "./served.js";

export interface CommentInput {
  strategy: Strategy;
  decision: Decision;
  month: { title: string };
  /** The month so far. */
  tally: Tally;
  /** Ids of the problems drifting this month, when the caller decided; otherwise judged by `settings.drift`. */
  drift?: readonly string[];
  checkUrl?: string;
  /** The pull request's author: work by `ignore_authors` is labelled but not counted. */
  author?: string;
  invalid?: undefined;
}

/** While the strategy file on the default branch is invalid there are no figures, only the errors. */
export interface InvalidCommentInput {
  invalid: InvalidStrategy;
  /** The `Strategy file` check run, where every error is annotated. */
  checkUrl?: string;
}

export function renderComment(input: CommentInput | InvalidCommentInput): string {
  return `${PROGRESS_MARKER}\n${commentContent(input, BODY_LIMIT - PROGRESS_MARKER.length - 1)}`;
}

/** The comment without its marker (also the `Strategy alignment` check's summary), within `budget`. */
export function commentContent(input: CommentInput | InvalidCommentInput, budget = BODY_LIMIT): string {
  if (input.invalid) return invalidStrategyContent(input.invalid, input.checkUrl, budget);
  const { strategy, decision, tally } = input;
  const rows = monthRows(strategy, tally, input.drift);
  const unalignedAlert = driftOf(strategy, tally).unalignedAlert;
  const warnings = [
    ...rows.filter((r) => r.drift).map((r) => `- ${driftNote(r)}`),
    ...(unalignedAlert
      ? [`- ⚠️ ${percent(tally.unaligned.share)} of merged work serves no problem (alert at ${strategy.settings.unaligned_alert}%).`]
      : []),
  ];
  const summary = blocks(
    servesLine(strategy, decision),
    isIgnored(strategy, input.author) &&
      `Its author, ${inert(input.author ?? "", 60)}, is in \`ignore_authors\`: labelled as usual, not counted as shipped work.`,
    tally.merged === 0
      ? `**${inert(input.month.title, 40)} so far**: no pull requests merged into the default branch yet.`
      : blocks(
          `**${inert(input.month.title, 40)} so far**: ${plural(tally.merged, "pull request")} merged into the default branch.`,
          monthTable(rows, tally, decision.problems),
        ),
    warnings.join("\n"),
    changeHint(strategy),
  );
  return blocks(summary, commentDetails(input, budget - summary.length - 2));
}

/** Whether the author's work is left out of the figures (`ignore_authors`, case-insensitive). */
export function isIgnored(strategy: Strategy, author: string | undefined): boolean {
  if (!author) return false;
  const login = author.toLowerCase();
  return strategy.settings.ignore_authors.some((a) => a.toLowerCase() === login);
}
