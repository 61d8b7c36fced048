/**
 * Check runs: one per name and head commit, updated rather than duplicated. GitHub takes at most 50
 * annotations per request, so longer lists are sent in batches by updating the same run.
 */
import type { GitHub, RepoRef } from "./octokit.js";
import type { RunFragment } from "./graphql/types.generated.js";

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
  existing?: ExistingCheckRun;
}

export interface ExistingCheckRun {
  id: number;
  conclusion: string | null;
  title: string | null;
  summary: string | null;
}

/** From a GraphQL CheckRun node, as the `Run` fragment selects it (conclusions come upper-case there). */
export function existingRun(node: RunFragment | null | undefined): ExistingCheckRun | undefined {
  if (node?.databaseId == null) return undefined;
  return {
    id: node.databaseId,
    conclusion: node.conclusion?.toLowerCase() ?? null,
    title: node.title ?? null,
    summary: node.summary ?? null,
  };
}

const BATCH = 50;
const cap = (text: string) => (text.length > 65_000 ? `${text.slice(0, 64_990)}\n\n…` : text);

const says = (run: ExistingCheckRun, input: CheckRunInput) =>
  run.conclusion === input.conclusion && run.title === input.title && run.summary === cap(input.summary);

/**
 * Writes only what changed: a run that already says the same costs nothing. Every run of the name on the
 * commit is brought in step (two replicas racing may each have created one; runs cannot be deleted).
 */
export async function upsertCheckRuns(
  octokit: GitHub,
  input: Omit<CheckRunInput, "existing"> & { existing: ExistingCheckRun[] },
): Promise<void> {
  if (input.existing.length === 0) {
    await upsertCheckRun(octokit, { ...input, existing: undefined });
    return;
  }
  for (const run of input.existing) await upsertCheckRun(octokit, { ...input, existing: run });
}

/** One run: updated when given and different, created otherwise. Returns the run's id. */
export async function upsertCheckRun(octokit: GitHub, input: CheckRunInput): Promise<number> {
  const annotations = input.annotations ?? [];
  const existing = input.existing;
  // Unchanged: no write at all. GitHub appends annotations on each update, so resending them would duplicate them.
  if (existing && says(existing, input)) return existing.id;
  const output = (batch: Annotation[]) => ({ title: input.title, summary: cap(input.summary), annotations: batch });
  const common = { owner: input.owner, repo: input.repo, status: "completed" as const, conclusion: input.conclusion };
  let id = existing?.id;
  if (id)
    await octokit.rest.checks.update({ ...common, check_run_id: id, output: output(annotations.slice(0, BATCH)) });
  else {
    // Never retried blindly: a create answered 5xx may have happened, and a second run of the same name
    // would go stale while the first is updated. A failure fails the event; its next run finds the run.
    const { data } = await octokit.rest.checks.create({
      ...common,
      name: input.name,
      head_sha: input.headSha,
      output: output(annotations.slice(0, BATCH)),
      request: { retries: 0 },
    });
    id = data.id;
  }
  for (let i = BATCH; i < annotations.length; i += BATCH) {
    await octokit.rest.checks.update({ ...common, check_run_id: id, output: output(annotations.slice(i, i + BATCH)) });
  }
  return id;
}
