/**
 * The one progress comment per pull request. Only a comment the app wrote AND that starts with the
 * marker is ever edited; if two exist (two replicas raced), the oldest stays and the others go.
 * A create that failed with a server error may still have happened: look again before trying twice.
 */
import type { AppComment } from "./app-comments.js";
import { type GitHub, type RepoRef, statusOf } from "./octokit.js";

export interface CommentTarget extends RepoRef {
  number: number;
}

export type CommentOutcome = "created" | "updated" | "unchanged";

/** What happened, and the comment's id (for a link to it), when GitHub gave it. */
export interface CommentWritten {
  outcome: CommentOutcome;
  id?: number;
}

export async function upsertProgressComment(
  octokit: GitHub,
  target: CommentTarget,
  body: string,
  /** The app's own marked comments, oldest first. */
  mine: AppComment[],
  relist: () => Promise<AppComment[]>,
): Promise<CommentWritten> {
  const [keep, ...extra] = mine;
  for (const duplicate of extra) await deleteComment(octokit, target, duplicate.databaseId);
  if (keep) return updateComment(octokit, target, keep, body);
  try {
    return await createComment(octokit, target, body);
  } catch (error) {
    if ((statusOf(error) ?? 0) < 500) throw error;
    const [created] = await relist();
    if (created) return updateComment(octokit, target, created, body);
    return createComment(octokit, target, body);
  }
}

async function createComment(octokit: GitHub, target: CommentTarget, body: string): Promise<CommentWritten> {
  const { data } = await octokit.rest.issues.createComment({ ...issue(target), body, request: { retries: 0 } });
  return { outcome: "created", id: typeof data?.id === "number" ? data.id : undefined };
}

async function updateComment(
  octokit: GitHub,
  target: CommentTarget,
  comment: AppComment,
  body: string,
): Promise<CommentWritten> {
  if (comment.body === body) return { outcome: "unchanged", id: comment.databaseId };
  await octokit.rest.issues.updateComment({
    owner: target.owner,
    repo: target.repo,
    comment_id: comment.databaseId,
    body,
  });
  return { outcome: "updated", id: comment.databaseId };
}

async function deleteComment(octokit: GitHub, target: CommentTarget, comment_id: number): Promise<void> {
  try {
    await octokit.rest.issues.deleteComment({ owner: target.owner, repo: target.repo, comment_id });
  } catch (error) {
    if (statusOf(error) !== 404) throw error; // another replica removed it first
  }
}

const issue = (t: CommentTarget) => ({ owner: t.owner, repo: t.repo, issue_number: t.number });
