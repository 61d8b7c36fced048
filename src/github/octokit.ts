import type { ProbotOctokit } from "probot";

/** The client every edge module takes: Probot's octokit (REST under `.rest`, GraphQL via `.graphql`). */
export type GitHub = InstanceType<typeof ProbotOctokit>;

export interface RepoRef {
  owner: string;
  repo: string;
}

/** The HTTP status of an octokit error, or undefined for anything else. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" ? status : undefined;
}
