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

export async function upsertProgressComment(
  octokit: GitHub,
  target: CommentTarget,
  body: string,
  /** The app's own marked comments, oldest first. */
  mine: AppComment[],
  relist: () => Promise<AppComment[]>,
): Promise<CommentOutcome> {
  const [keep, ...extra] = mine;
  for (const duplicate of extra) await deleteComment(octokit, target, duplicate.databaseId);
  if (keep) return updateComment(octokit, target, keep, body);
  try {
    await octokit.rest.issues.createComment({ ...issue(target), body, request: { retries: 0 } });
    return "created";
  } catch (error) {
    if ((statusOf(error) ?? 0) < 500) throw error;
    const [created] = await relist();
    if (created) return updateComment(octokit, target, created, body);
    await octokit.rest.issues.createComment({ ...issue(target), body, request: { retries: 0 } });
    return "created";
  }
}

async function updateComment(octokit: GitHub, target: CommentTarget, comment: AppComment, body: string): Promise<CommentOutcome> {
  if (comment.body === body) return "unchanged";
  await octokit.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: comment.databaseId, body });
  return "updated";
}

async function deleteComment(octokit: GitHub, target: CommentTarget, comment_id: number): Promise<void> {
  try {
    await octokit.rest.issues.deleteComment({ owner: target.owner, repo: target.repo, comment_id });
  } catch (error) {
    if (statusOf(error) !== 404) throw error; // another replica removed it first
  }
}

const issue = (t: CommentTarget) => ({ owner: t.owner, repo: t.repo, issue_number: t.number });
