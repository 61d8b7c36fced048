/**
 * Everything a pull-request event needs that the webhook does not carry, in one GraphQL query: changed
 * files, the issues it closes, label and command history, the app's comment and check run, and the
 * month-so-far counts. Further pages are fetched only for very large pull requests or long threads.
 */
import type { GitHub, RepoRef } from "./octokit.js";
import { TIMELINE_FIELDS, type TimelineNode } from "./item-history.js";
import { countFields } from "./month-counts.js";
import { existingRun, type ExistingCheckRun } from "./check-runs.js";
import { actorLogin, sameLogin, type Actor } from "./identity.js";
import { hasMarker, PROGRESS_MARKER } from "../render/markers.js";

export const CHECK_NAME = "Strategy alignment";
export const STRATEGY_FILE_CHECK = "Strategy file";
export const MAX_FILES = 3000;

export const COMMENT_FIELDS = /* GraphQL */ `
  pageInfo { hasNextPage endCursor }
  nodes { databaseId createdAt author { __typename login } body }
`;

export function pullRequestContextQuery(counts: Record<string, string>): string {
  return /* GraphQL */ `
  query PullRequestContext($owner: String!, $repo: String!, $number: Int!, $sha: GitObjectID!, $appId: Int, $withFiles: Boolean!) {
    repository(owner: $owner, name: $repo) {
      pullRequest(number: $number) {
        files(first: 100) @include(if: $withFiles) { totalCount pageInfo { hasNextPage endCursor } nodes { path } }
        closingIssuesReferences(first: 10) { nodes { number labels(first: 50) { nodes { name } } } }
        ${TIMELINE_FIELDS}
        comments(first: 100) { ${COMMENT_FIELDS} }
      }
      object(oid: $sha) {
        ... on Commit {
          checkSuites(first: 10, filterBy: { appId: $appId }) {
            nodes {
              checkRuns(first: 1, filterBy: { checkName: "${CHECK_NAME}" }) { nodes { ...Run } }
              strategyFile: checkRuns(first: 1, filterBy: { checkName: "${STRATEGY_FILE_CHECK}" }) { nodes { ...Run } }
            }
          }
        }
      }
    }
    ${countFields(counts)}
  }
  fragment Run on CheckRun { databaseId conclusion title summary }`;
}

export const PULL_REQUEST_FILES_QUERY = /* GraphQL */ `
  query PullRequestFiles($owner: String!, $repo: String!, $number: Int!, $after: String) {
    repository(owner: $owner, name: $repo) {
      pullRequest(number: $number) { files(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { path } } }
    }
  }
`;

export const PULL_REQUEST_COMMENTS_QUERY = /* GraphQL */ `
  query PullRequestComments($owner: String!, $repo: String!, $number: Int!, $after: String) {
    repository(owner: $owner, name: $repo) {
      pullRequest(number: $number) { comments(first: 100, after: $after) { ${COMMENT_FIELDS} } }
    }
  }
`;

export interface AppComment {
  databaseId: number;
  createdAt: string;
  author: Actor | null;
  body: string;
}

type Page<T> = { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: T[] };

export interface PullRequestContext {
  files: string[] | undefined;
  filesComplete: boolean;
  closes: { number: number; labels: string[] }[];
  timeline: TimelineNode[];
  /** The app's own marked progress comments, oldest first. */
  comments: AppComment[];
  /** The app's `Strategy alignment` run on the head commit, as it stands. */
  checkRun: ExistingCheckRun | undefined;
  /** The app's `Strategy file` run on the head commit, when the pull request changes the strategy. */
  strategyFileRun: ExistingCheckRun | undefined;
  counts: Record<string, unknown>;
}

export interface ContextParams extends RepoRef {
  number: number;
  sha: string;
  appId: number;
  withFiles: boolean;
  counts: Record<string, string>;
  /** The app's bot login: only its comments that start with the marker are its progress comments. */
  login: string;
}

const isProgressComment = (login: string) => (c: AppComment) => sameLogin(actorLogin(c.author), login) && hasMarker(c.body, PROGRESS_MARKER);

/** Oldest first, so that when two replicas both posted, every replica keeps the same one. */
const oldestFirst = (a: AppComment, b: AppComment) => a.createdAt.localeCompare(b.createdAt) || a.databaseId - b.databaseId;

export async function fetchPullRequestContext(octokit: GitHub, p: ContextParams): Promise<PullRequestContext> {
  const vars = { owner: p.owner, repo: p.repo, number: p.number, sha: p.sha, appId: p.appId, withFiles: p.withFiles };
  const data = await octokit.graphql<any>(pullRequestContextQuery(p.counts), vars);
  const pr = data.repository.pullRequest;
  const suites = data.repository.object?.checkSuites?.nodes ?? [];
  const files = p.withFiles ? await allFiles(octokit, p, pr.files) : undefined;
  const comments = await commentsUntilFound(octokit, p, pr.comments, isProgressComment(p.login));
  return {
    files,
    filesComplete: !p.withFiles || (files?.length ?? 0) >= (pr.files?.totalCount ?? 0),
    closes: pr.closingIssuesReferences.nodes.map((n: any) => ({ number: n.number, labels: n.labels.nodes.map((l: any) => l.name) })),
    timeline: pr.timelineItems.nodes,
    comments,
    checkRun: existingRun(suites.flatMap((s: any) => s.checkRuns.nodes)[0]),
    strategyFileRun: existingRun(suites.flatMap((s: any) => s.strategyFile?.nodes ?? [])[0]),
    counts: data,
  };
}

async function allFiles(octokit: GitHub, p: ContextParams, first: Page<{ path: string }>): Promise<string[]> {
  const files = first.nodes.map((n) => n.path);
  let page = first.pageInfo;
  while (page.hasNextPage && files.length < MAX_FILES) {
    const data = await octokit.graphql<any>(PULL_REQUEST_FILES_QUERY, { owner: p.owner, repo: p.repo, number: p.number, after: page.endCursor });
    const next: Page<{ path: string }> = data.repository.pullRequest.files;
    files.push(...next.nodes.map((n) => n.path));
    page = next.pageInfo;
  }
  return files;
}

/** Pages on only while the app's comment has not been found (it is usually among the first). */
async function commentsUntilFound(
  octokit: GitHub, p: RepoRef & { number: number }, first: Page<AppComment> | null, mine: (c: AppComment) => boolean,
): Promise<AppComment[]> {
  let page = first ?? (await commentsPage(octokit, p, null));
  const found = page.nodes.filter(mine);
  while (page.pageInfo.hasNextPage && found.length === 0) {
    page = await commentsPage(octokit, p, page.pageInfo.endCursor);
    found.push(...page.nodes.filter(mine));
  }
  return found.sort(oldestFirst);
}

async function commentsPage(octokit: GitHub, p: RepoRef & { number: number }, after: string | null): Promise<Page<AppComment>> {
  const data = await octokit.graphql<any>(PULL_REQUEST_COMMENTS_QUERY, { owner: p.owner, repo: p.repo, number: p.number, after });
  return data.repository.pullRequest.comments;
}

/** Read the app's progress comments afresh (after a write that may or may not have happened). */
export function listAppComments(octokit: GitHub, p: RepoRef & { number: number }, login: string): Promise<AppComment[]> {
  return commentsUntilFound(octokit, p, null, isProgressComment(login));
}
