/** Issues closed as completed in a period, per problem label: search counts, all in one request. */
import type { GitHub, RepoRef } from "./octokit.js";
import { searchCounts, type Count } from "./report-counts.js";
import { quoted } from "./report-graphql.js";

/** One count per label, in order; `range` is the period as a search range. */
export function closedIssuesByLabel(
  octokit: GitHub,
  { owner, repo }: RepoRef,
  labels: string[],
  range: string,
  qualifier = `repo:${owner}/${repo}`,
): Promise<Count[]> {
  return searchCounts(
    octokit,
    labels.map((label) => `${qualifier} is:issue is:closed reason:completed closed:${range} label:${quoted(label)}`),
  );
}
