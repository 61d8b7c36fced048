/**
 * The strategy file's recent versions on the default branch, newest first, in one query: the commit
 * in force (the newest), and what the file said before, so the report can name the versions in force
 * during its month and read typed metrics at each earlier month's end without asking again.
 */
import { isSelected } from "./graphql/answers.js";
import type { StrategyHistoryQuery, StrategyHistoryQueryVariables } from "./graphql/types.generated.js";
import type { GitHub } from "./octokit.js";
import type { RepoFile } from "./strategy-source.js";

/** How many versions one report reads: enough for half a year of monthly edits and a few fixes. */
export const STRATEGY_VERSIONS = 12;

export const STRATEGY_HISTORY_QUERY = /* GraphQL */ `
  query StrategyHistory($owner: String!, $repo: String!, $path: String!) {
    repository(owner: $owner, name: $repo) {
      defaultBranchRef {
        target {
          ... on Commit {
            history(first: ${STRATEGY_VERSIONS}, path: $path) {
              pageInfo { hasNextPage }
              nodes { oid committedDate file(path: $path) { object { ... on Blob { text isTruncated } } } }
            }
          }
        }
      }
    }
  }
`;

/** One commit that changed the file: its full sha, its commit date (ISO) and the file's text then (null when absent or unreadable). */
export interface StrategyVersion {
  commit: string;
  date: string;
  text: string | null;
}

export interface StrategyHistory {
  /** Newest first. */
  versions: StrategyVersion[];
  /** false when older versions exist than those fetched. */
  complete: boolean;
}

export async function strategyHistory(
  octokit: GitHub,
  source: Pick<RepoFile, "owner" | "repo" | "path">,
): Promise<StrategyHistory> {
  const answer = await octokit.graphql<StrategyHistoryQuery>(STRATEGY_HISTORY_QUERY, {
    owner: source.owner,
    repo: source.repo,
    path: source.path,
  } satisfies StrategyHistoryQueryVariables);
  const target = answer.repository?.defaultBranchRef?.target;
  const history = isSelected(target) ? target.history : undefined;
  const versions = (history?.nodes ?? []).flatMap((n) => {
    if (!n) return [];
    const blob = n.file?.object;
    // A truncated text is not the file: reading it would invent errors or readings.
    const text = isSelected(blob) && typeof blob.text === "string" && !blob.isTruncated ? blob.text : null;
    return [{ commit: n.oid, date: n.committedDate, text }];
  });
  return { versions, complete: !history?.pageInfo.hasNextPage };
}
