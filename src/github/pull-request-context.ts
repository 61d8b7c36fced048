/**
 * Everything a pull-request event needs that the webhook does not carry, in one GraphQL query: changed
 * files, the issues it closes, label and command history, the app's comment and check run, and the
 * month-so-far counts. Further pages are fetched only for very large pull requests or long threads.
 */
import { commentPage, commentsUntilFound, isProgressComment, type AppComment, type Page } from "./app-comments.js";
import { existingRun, type ExistingCheckRun } from "./check-runs.js";
import { earlierCursor, timelineNodes, type TimelineNode, type TimelineWindows } from "./item-history.js";
import { isSelected } from "./graphql/answers.js";
import type {
  PullRequestContextQuery,
  PullRequestContextQueryVariables,
  PullRequestFilesQuery,
  PullRequestFilesQueryVariables,
} from "./graphql/types.generated.js";
import type { MonthCounts } from "./month-counts.js";
import type { GitHub, RepoRef } from "./octokit.js";
import { LOCAL_PATHS } from "./strategy-source.js";
import { MAX_FILES, PULL_REQUEST_FILES_QUERY, pullRequestContextQuery } from "./pull-request-queries.js";

export interface PullRequestContext {
  files: string[] | undefined;
  filesComplete: boolean;
  closes: { number: number; labels: string[] }[];
  timeline: (TimelineNode | null)[];
  /** Where comments older than the timeline's window start, if any. */
  commentsBefore: string | null;
  /** The app's own marked progress comments, oldest first. */
  comments: AppComment[];
  /** The app's `Strategy alignment` runs on the head commit (one, unless replicas raced), as they stand. */
  checkRuns: ExistingCheckRun[];
  /** The app's `Strategy file` run on the head commit, when the pull request changes the strategy. */
  strategyFileRun: ExistingCheckRun | undefined;
  counts: MonthCounts;
}

/** The answer to PullRequestContext (its generated type), and the month's counts aliased beside it. */
type ContextAnswer = PullRequestContextQuery & MonthCounts;

/** A page of changed files as the context and files queries select it. */
type FilesAnswer = NonNullable<NonNullable<NonNullable<PullRequestFilesQuery["repository"]>["pullRequest"]>["files"]>;

const NO_FILES: Page<{ path: string }> = { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] };

const filePage = (files: FilesAnswer | null | undefined): Page<{ path: string }> =>
  files
    ? { pageInfo: files.pageInfo, nodes: (files.nodes ?? []).flatMap((n) => (n ? [{ path: n.path }] : [])) }
    : NO_FILES;

export interface ContextParams extends RepoRef {
  number: number;
  sha: string;
  appId: number;
  withFiles: boolean;
  counts: Record<string, string>;
  /** The app's bot login: only its comments that start with the marker are its progress comments. */
  login: string;
}

export async function fetchPullRequestContext(octokit: GitHub, p: ContextParams): Promise<PullRequestContext> {
  const vars = { owner: p.owner, repo: p.repo, number: p.number, sha: p.sha, appId: p.appId, withFiles: p.withFiles };
  const data = await octokit.graphql<ContextAnswer>(
    pullRequestContextQuery(p.counts),
    vars satisfies PullRequestContextQueryVariables,
  );
  const pr = data.repository?.pullRequest;
  if (!pr) throw new Error(`GitHub answered without pull request #${p.number} of ${p.owner}/${p.repo}`);
  const commit = data.repository?.object;
  const suites = (isSelected(commit) ? commit.checkSuites?.nodes : undefined)?.flatMap((s) => (s ? [s] : [])) ?? [];
  const files = p.withFiles ? await allFiles(octokit, p, filePage(pr.files)) : undefined;
  const comments = await commentsUntilFound(octokit, p, commentPage(pr.comments), isProgressComment(p.login));
  const timeline: TimelineWindows = pr;
  return {
    files,
    filesComplete: !p.withFiles || (files?.length ?? 0) >= (pr.files?.totalCount ?? 0),
    closes: (pr.closingIssuesReferences?.nodes ?? []).flatMap((n) =>
      n ? [{ number: n.number, labels: (n.labels?.nodes ?? []).flatMap((l) => (l ? [l.name] : [])) }] : [],
    ),
    timeline: timelineNodes(timeline),
    commentsBefore: earlierCursor(timeline),
    comments,
    checkRuns: suites.flatMap((s) => s.checkRuns?.nodes ?? []).flatMap((n) => existingRun(n) ?? []),
    strategyFileRun: existingRun(suites.flatMap((s) => s.strategyFile?.nodes ?? [])[0]),
    counts: data,
  };
}

async function allFiles(octokit: GitHub, p: ContextParams, first: Page<{ path: string }>): Promise<string[]> {
  const files = first.nodes.map((n) => n.path);
  let page = first.pageInfo;
  while (page.hasNextPage && files.length < MAX_FILES) {
    const data = await octokit.graphql<PullRequestFilesQuery>(PULL_REQUEST_FILES_QUERY, {
      owner: p.owner,
      repo: p.repo,
      number: p.number,
      after: page.endCursor,
    } satisfies PullRequestFilesQueryVariables);
    const next = filePage(data.repository?.pullRequest?.files);
    files.push(...next.nodes.map((n) => n.path));
    page = next.pageInfo;
  }
  return files;
}

/**
 * The strategy files a pull request changes, read without the full query (a repository with no strategy
 * yet has no other use for it): REST pages of changed files, stopping at the first strategy path.
 */
export async function changedStrategyPaths(
  octokit: GitHub,
  { owner, repo }: RepoRef,
  pull_number: number,
): Promise<string[]> {
  const found: string[] = [];
  let pages = 0;
  for await (const { data } of octokit.paginate.iterator(octokit.rest.pulls.listFiles, {
    owner,
    repo,
    pull_number,
    per_page: 100,
  })) {
    found.push(...data.map((f) => f.filename).filter((f) => LOCAL_PATHS.includes(f)));
    if (found.length > 0 || ++pages >= MAX_FILES / 100) break;
  }
  return found;
}
