/**
 * Check runs: one per name and head commit, updated rather than duplicated. GitHub takes at most 50
 * annotations per request, so longer lists are sent in batches by updating the same run.
 */
import type { GitHub, RepoRef } from "./octokit.js";

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: "notice" | "warning" | "failure";
  message: string;
  title?: string;
}

export interface CheckRunInput extends RepoRef {
  name: string;
  headSha: string;
  conclusion: "success" | "neutral" | "failure";
  title: string;
  summary: string;
  annotations?: Annotation[];
  /** The run to update, when one exists for this name and commit. */
  existingId?: number;
}

const BATCH = 50;
const cap = (text: string) => (text.length > 65_000 ? `${text.slice(0, 64_990)}\n\n…` : text);

export async function upsertCheckRun(octokit: GitHub, input: CheckRunInput): Promise<number> {
  const annotations = input.annotations ?? [];
  const output = (batch: Annotation[]) => ({ title: input.title, summary: cap(input.summary), annotations: batch });
  const common = { owner: input.owner, repo: input.repo, status: "completed" as const, conclusion: input.conclusion };
  let id = input.existingId;
  if (id) await octokit.rest.checks.update({ ...common, check_run_id: id, output: output(annotations.slice(0, BATCH)) });
  else {
    const { data } = await octokit.rest.checks.create({ ...common, name: input.name, head_sha: input.headSha, output: output(annotations.slice(0, BATCH)) });
    id = data.id;
  }
  for (let i = BATCH; i < annotations.length; i += BATCH) {
    await octokit.rest.checks.update({ ...common, check_run_id: id, output: output(annotations.slice(i, i + BATCH)) });
  }
  return id;
}

export const FIND_CHECK_RUN_QUERY = /* GraphQL */ `
  query FindCheckRun($owner: String!, $repo: String!, $sha: GitObjectID!, $appId: Int, $name: String!) {
    repository(owner: $owner, name: $repo) {
      object(oid: $sha) {
        ... on Commit {
          checkSuites(first: 10, filterBy: { appId: $appId }) {
            nodes { checkRuns(first: 1, filterBy: { checkName: $name }) { nodes { databaseId } } }
          }
        }
      }
    }
  }
`;

/** The app's run of that name on a commit, if any (for checks outside the pull-request query). */
export async function findCheckRun(octokit: GitHub, p: RepoRef & { sha: string; appId: number; name: string }): Promise<number | undefined> {
  const data = await octokit.graphql<any>(FIND_CHECK_RUN_QUERY, { ...p });
  const suites = data.repository.object?.checkSuites?.nodes ?? [];
  return suites.flatMap((s: any) => s.checkRuns.nodes)[0]?.databaseId;
}
