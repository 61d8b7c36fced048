/** The `Strategy alignment` check run: the comment's content, with a conclusion following `settings.check`. */
import { commentContent, isIgnored, type CommentInput, type InvalidCommentInput } from "./comment.js";
import { listJoin } from "./format.js";
import { oneLine } from "../text/inert.js";
import { BODY_LIMIT } from "./limits.js";

export type Conclusion = "success" | "neutral" | "failure";

export interface CheckOutput {
  title: string;
  summary: string;
  conclusion: Conclusion;
}

export function renderAlignmentCheck(input: CommentInput | InvalidCommentInput): CheckOutput {
  const summary = commentContent(input, BODY_LIMIT);
  // Alignment cannot be judged without a valid strategy; the `Strategy file` check is the one that fails.
  if (input.invalid) return { title: "The strategy file is invalid", summary, conclusion: "neutral" };
  const { strategy, decision } = input;
  if (decision.problems.length > 0) {
    const titles = decision.problems.map((id) => strategy.problems.find((p) => p.id === id)?.title ?? id);
    return { title: oneLine(`Serves ${listJoin(titles)}`, 200), summary, conclusion: "success" };
  }
  const lenient = strategy.settings.check !== "require" || isIgnored(strategy, input.author);
  return { title: "Serves no problem", summary, conclusion: lenient ? "neutral" : "failure" };
}
