/**
 * The `Strategy alignment` check run: a title, a conclusion following `settings.check`, and a summary of
 * one line and a link to the progress comment (the comment holds the rest). Without a comment
 * (`settings.comment: false`) the summary holds what the comment would.
 */
import { commentContent, ignoredLine, isIgnored, type CommentInput, type InvalidCommentInput } from "./comment.js";
import { listJoin } from "./format.js";
import { oneLine } from "../text/inert.js";
import { BODY_LIMIT, blocks } from "./limits.js";
import { link } from "./links.js";
import { servesLine } from "./served.js";

export type Conclusion = "success" | "neutral" | "failure";

export interface CheckOutput {
  title: string;
  summary: string;
  conclusion: Conclusion;
}

export function renderAlignmentCheck(input: CommentInput | InvalidCommentInput): CheckOutput {
  // Alignment cannot be judged without a valid strategy; the `Strategy file` check is the one that fails.
  if (input.invalid)
    return { title: "The strategy file is invalid", summary: commentContent(input, BODY_LIMIT), conclusion: "neutral" };
  const { strategy, decision } = input;
  const summary = input.commentUrl
    ? blocks(
        servesLine(strategy, decision),
        ignoredLine(input),
        `The month so far and every reason: ${link("the progress comment", input.commentUrl)}.`,
      )
    : commentContent(input, BODY_LIMIT);
  if (decision.problems.length > 0) {
    const titles = decision.problems.map((id) => strategy.problems.find((p) => p.id === id)?.title ?? id);
    return { title: oneLine(`Serves ${listJoin(titles)}`, 200), summary, conclusion: "success" };
  }
  const lenient = strategy.settings.check !== "require" || isIgnored(strategy, input.author);
  return { title: "Serves no problem", summary, conclusion: lenient ? "neutral" : "failure" };
}
