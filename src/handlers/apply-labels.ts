/** Writes a label plan: create missing labels once, then add and remove single labels. */
import { addLabels, type LabelCache, labelSpec, removeLabels, type LabelSpec } from "../github/labels.js";
import type { GitHub, RepoRef } from "../github/octokit.js";
import type { Strategy } from "../strategy/schema.js";
import type { LabelPlan } from "./labelling.js";

export async function applyLabels(
  labels: LabelCache,
  octokit: GitHub,
  repo: RepoRef,
  number: number,
  strategy: Strategy,
  plan: LabelPlan,
): Promise<void> {
  if (plan.add.length > 0) {
    await labels.ensure(
      octokit,
      repo,
      plan.add.map((name) => specFor(strategy, name)),
    );
    await addLabels(octokit, repo, number, plan.add);
  }
  await removeLabels(octokit, repo, number, plan.remove);
}

function specFor(strategy: Strategy, name: string): LabelSpec {
  const problem = strategy.problems.find((p) => p.label.toLowerCase() === name.toLowerCase());
  return problem ? labelSpec(problem) : { name, color: "ededed", description: "Serves no problem of the strategy" };
}
