/**
 * The app's progress comments on a pull request: comments whose author is the app AND that start with the
 * marker. A person's comment quoting the marker is never one of them.
 */
import { hasMarker, PROGRESS_MARKER } from "../render/markers.js";
import { actorLogin, sameLogin, type Actor } from "./identity.js";
import type { PullRequestCommentsQuery, PullRequestCommentsQueryVariables } from "./graphql/types.generated.js";
import type { GitHub, RepoRef } from "./octokit.js";
import { PULL_REQUEST_COMMENTS_QUERY } from "./pull-request-queries.js";

export interface AppComment {
  databaseId: number;
  createdAt: string;
  author: Actor | null;
  body: string;
}

export type Page<T> = { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: T[] };

/** A page of comments as COMMENT_FIELDS selects them (the pull-request context query selects them too). */
export type CommentsAnswer = NonNullable<
  NonNullable<PullRequestCommentsQuery["repository"]>["pullRequest"]
>["comments"];

/** A page of comments as the app reads them. */
export function commentPage(answer: CommentsAnswer): Page<AppComment> {
  return {
    pageInfo: answer.pageInfo,
    nodes: (answer.nodes ?? []).flatMap((c) =>
      c ? [{ databaseId: c.databaseId ?? 0, createdAt: c.createdAt, author: c.author, body: c.body }] : [],
    ),
  };
}

export const isProgressComment = (login: string) => (c: AppComment) =>
  sameLogin(actorLogin(c.author), login) && hasMarker(c.body, PROGRESS_MARKER);

/** Oldest first, so that when two replicas both posted, every replica keeps the same one. */
const oldestFirst = (a: AppComment, b: AppComment) =>
  a.createdAt.localeCompare(b.createdAt) || a.databaseId - b.databaseId;

/** Pages on only while the app's comment has not been found (it is usually among the first). */
export async function commentsUntilFound(
  octokit: GitHub,
  p: RepoRef & { number: number },
  first: Page<AppComment> | null,
  mine: (c: AppComment) => boolean,
): Promise<AppComment[]> {
  let page = first ?? (await commentsPage(octokit, p, null));
  const found = page.nodes.filter(mine);
  while (page.pageInfo.hasNextPage && found.length === 0) {
    page = await commentsPage(octokit, p, page.pageInfo.endCursor);
    found.push(...page.nodes.filter(mine));
  }
  return found.sort(oldestFirst);
}

async function commentsPage(
  octokit: GitHub,
  p: RepoRef & { number: number },
  after: string | null,
): Promise<Page<AppComment>> {
  const data = await octokit.graphql<PullRequestCommentsQuery>(PULL_REQUEST_COMMENTS_QUERY, {
    owner: p.owner,
    repo: p.repo,
    number: p.number,
    after,
  } satisfies PullRequestCommentsQueryVariables);
  const comments = data.repository?.pullRequest?.comments;
  if (!comments) throw new Error(`GitHub answered without pull request #${p.number} of ${p.owner}/${p.repo}`);
  return commentPage(comments);
}

/** Read the app's progress comments afresh (after a write that may or may not have happened). */
export function listAppComments(
  octokit: GitHub,
  p: RepoRef & { number: number },
  login: string,
): Promise<AppComment[]> {
  return commentsUntilFound(octokit, p, null, isProgressComment(login));
}
