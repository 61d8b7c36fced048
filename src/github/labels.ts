/**
 * Labels on issues and pull requests. The app only adds and removes single labels (never replaces the
 * set), so a label a person adds while the app works is never lost. A missing problem label is created
 * once, with the problem's colour and `why`; one that exists is used as the repository has it.
 */
import type { Problem } from "../strategy/schema.js";
import { type GitHub, type RepoRef, statusOf } from "./octokit.js";

export interface LabelSpec {
  name: string;
  color?: string;
  description?: string;
}

export function labelSpec(problem: Problem): LabelSpec {
  return { name: problem.label, color: problem.color, description: problem.why?.slice(0, 100) };
}

/** The labels known to exist, per repository; one per app (the app state holds it). */
export class LabelCache {
  private readonly known = new Map<string, Set<string>>();
  /** Lookups under way, shared: a burst of events needing the same new label asks (and creates) it once. */
  private readonly pending = new Map<string, Promise<void>>();

  /** Make sure each label exists: costs nothing for labels seen before by this app. */
  async ensure(octokit: GitHub, { owner, repo }: RepoRef, specs: LabelSpec[]): Promise<void> {
    const seen = this.known.get(`${owner}/${repo}`) ?? new Set<string>();
    this.known.set(`${owner}/${repo}`, seen);
    for (const spec of specs) {
      const name = spec.name.toLowerCase();
      if (seen.has(name)) continue;
      const key = `${owner}/${repo}:${name}`;
      let lookup = this.pending.get(key);
      if (!lookup) {
        lookup = ensureLabel(octokit, { owner, repo }, spec)
          .then(() => void seen.add(name))
          .finally(() => this.pending.delete(key));
        this.pending.set(key, lookup);
      }
      await lookup;
    }
  }
}

async function ensureLabel(octokit: GitHub, { owner, repo }: RepoRef, spec: LabelSpec): Promise<void> {
  try {
    await octokit.rest.issues.getLabel({ owner, repo, name: spec.name });
  } catch (error) {
    if (statusOf(error) !== 404) throw error;
    await createLabel(octokit, { owner, repo }, spec);
  }
}

async function createLabel(octokit: GitHub, { owner, repo }: RepoRef, spec: LabelSpec): Promise<void> {
  try {
    await octokit.rest.issues.createLabel({
      owner,
      repo,
      name: spec.name,
      color: spec.color ?? "5319e7",
      description: spec.description,
    });
  } catch (error) {
    // 422: someone (another replica) created it meanwhile; the label exists, which is all we need.
    if (statusOf(error) !== 422) throw error;
  }
}

export async function addLabels(
  octokit: GitHub,
  { owner, repo }: RepoRef,
  issue_number: number,
  labels: string[],
): Promise<void> {
  if (labels.length > 0) await octokit.rest.issues.addLabels({ owner, repo, issue_number, labels });
}

export async function removeLabels(
  octokit: GitHub,
  { owner, repo }: RepoRef,
  issue_number: number,
  labels: string[],
): Promise<void> {
  for (const name of labels) {
    try {
      await octokit.rest.issues.removeLabel({ owner, repo, issue_number, name });
    } catch (error) {
      if (statusOf(error) !== 404) throw error; // already gone: the outcome we wanted
    }
  }
}
