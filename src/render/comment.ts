/**
 * The one progress comment on a pull request (docs/contract.md §4): read in five seconds. One line says what it
 * serves and why; the month so far and the reasons in full are folded into <details>.
 */
import type { Decision } from "../classify/types.js";
import type { Strategy } from "../strategy/schema.js";
import type { Tally } from "../tally/types.js";
import { inert } from "../text/inert.js";
import { invalidStrategyContent, type InvalidStrategy } from "./invalid.js";
import { BODY_LIMIT, blocks } from "./limits.js";
import { PROGRESS_MARKER, servedRecord } from "./markers.js";
import { commentDetails } from "./comment-details.js";
import { monthSoFar } from "./month.js";
import { servesLine } from "./served.js";

export interface CommentInput {
  strategy: Strategy;
  decision: Decision;
  month: { title: string };
  /** The month so far, counted by strategy labels. */
  tally: Tally;
  /** Merged pull requests of the month that carry no strategy label yet, when counted. */
  unlabelled?: number;
  /** Ids of the problems drifting this month, when the caller decided; otherwise judged by `settings.drift`. */
  drift?: readonly string[];
  checkUrl?: string;
  /** The progress comment on the pull request: the check links to it instead of repeating it. */
  commentUrl?: string;
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
  // The app's answer is recorded last, so a later report knows it judged the pull request live.
  const record = input.invalid ? "" : `\n\n${servedRecord(input.decision.problems)}`;
  return `${PROGRESS_MARKER}\n${commentContent(input, BODY_LIMIT - PROGRESS_MARKER.length - 1 - record.length)}${record}`;
}

/** The comment without its marker, within `budget`: the line, the month so far, then the reasons. */
export function commentContent(input: CommentInput | InvalidCommentInput, budget = BODY_LIMIT): string {
  if (input.invalid) return invalidStrategyContent(input.invalid, input.checkUrl, budget);
  const head = blocks(servesLine(input.strategy, input.decision), ignoredLine(input));
  const month = monthSoFar(
    input.strategy,
    input.tally,
    input.month.title,
    input.decision.problems,
    input.drift,
    input.unlabelled,
  );
  return blocks(head, month, commentDetails(input, budget - head.length - month.length - 4));
}

/** "Its author, dependabot[bot], is in `ignore_authors`: ...", or nothing. */
export function ignoredLine(input: CommentInput): string | null {
  if (!isIgnored(input.strategy, input.author)) return null;
  return `Its author, ${inert(input.author ?? "", 60)}, is in \`ignore_authors\`: labelled as usual, not counted as shipped work.`;
}

/** Whether the author's work is left out of the figures (`ignore_authors`, case-insensitive). */
export function isIgnored(strategy: Strategy, author: string | undefined): boolean {
  if (!author) return false;
  const login = author.toLowerCase();
  return strategy.settings.ignore_authors.some((a) => a.toLowerCase() === login);
}
