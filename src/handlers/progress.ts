/** Writes the pull request's progress comment and `Strategy alignment` check from rendered content. */
import { upsertCheckRuns } from "../github/check-runs.js";
import type { GitHub, RepoRef } from "../github/octokit.js";
import { listAppComments } from "../github/app-comments.js";
import type { PullRequestContext } from "../github/pull-request-context.js";
import { CHECK_NAME } from "../github/pull-request-queries.js";
import { upsertProgressComment } from "../github/progress-comment.js";
import type { LoadedStrategy } from "../github/strategy-file.js";
import { renderAlignmentCheck, renderComment, type CommentInput } from "../render/index.js";
import type { PullRequestItemSource } from "./items.js";
import { errorLines } from "./strategy-check.js";

export type PullRequestRef = PullRequestItemSource & { head: { sha: string; ref: string }; defaultBranch: string };

export async function writeProgress(
  octokit: GitHub,
  repo: RepoRef,
  pr: PullRequestRef,
  ctx: PullRequestContext,
  input: CommentInput,
  login: string,
): Promise<void> {
  const target = { ...repo, number: pr.number };
  let commentUrl: string | undefined;
  if (input.strategy.settings.comment) {
    const written = await upsertProgressComment(octokit, target, renderComment(input), ctx.comments, () =>
      listAppComments(octokit, target, login),
    );
    commentUrl = pullRequestUrl(repo, pr.number, written.id);
  }
  if (input.strategy.settings.check !== "off") {
    // With a comment, the check says what the pull request serves and links to it; without, it holds it all.
    const check = renderAlignmentCheck({ ...input, commentUrl });
    await upsertCheckRuns(octokit, {
      ...repo,
      name: CHECK_NAME,
      headSha: pr.head.sha,
      existing: ctx.checkRuns,
      ...check,
    });
  }
}

/** While the strategy on the default branch is invalid: no figures, only what is wrong and where. */
export async function writeInvalidProgress(
  octokit: GitHub,
  repo: RepoRef,
  pr: PullRequestRef,
  ctx: PullRequestContext,
  loaded: Extract<LoadedStrategy, { status: "invalid" }>,
  login: string,
): Promise<void> {
  const target = { ...repo, number: pr.number };
  const { owner, repo: name, path } = loaded.source;
  // The `Strategy file` check sits on the commit that last changed the file: its history page shows it.
  const branch = name === repo.repo ? pr.defaultBranch : "HEAD";
  const checkUrl = `https://github.com/${owner}/${name}/commits/${branch}/${path}`;
  const input = { invalid: { errors: errorLines(loaded), file: loaded.file }, checkUrl };
  await upsertProgressComment(octokit, target, renderComment(input), ctx.comments, () =>
    listAppComments(octokit, target, login),
  );
  const check = renderAlignmentCheck(input);
  await upsertCheckRuns(octokit, {
    ...repo,
    name: CHECK_NAME,
    headSha: pr.head.sha,
    existing: ctx.checkRuns,
    ...check,
  });
}

/** The pull request's page, at the comment when its id is known. */
function pullRequestUrl(repo: RepoRef, number: number, commentId: number | undefined): string {
  const page = `https://github.com/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.repo)}/pull/${number}`;
  return commentId === undefined ? page : `${page}#issuecomment-${commentId}`;
}
