/** Acknowledging commands: a reaction so people know they were heard, a reply when there is something to say. */
import type { GitHub, RepoRef } from "./octokit.js";

export type Reaction = "+1" | "confused" | "eyes";

export async function react(
  octokit: GitHub,
  { owner, repo }: RepoRef,
  comment_id: number,
  content: Reaction,
): Promise<void> {
  await octokit.rest.reactions.createForIssueComment({ owner, repo, comment_id, content });
}

export async function reply(
  octokit: GitHub,
  { owner, repo }: RepoRef,
  issue_number: number,
  body: string,
): Promise<void> {
  // Not retried on a server error: the reply may have been posted anyway, and a repeat would post it twice.
  await octokit.rest.issues.createComment({ owner, repo, issue_number, body, request: { retries: 0 } });
}
