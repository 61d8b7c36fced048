/** When an item event brings the Project field up to date (docs/contract.md §12), shared by issues and pull requests. */
import type { GitHub, RepoRef } from "../github/octokit.js";
import type { Strategy } from "../strategy/schema.js";
import type { Deps } from "./deps.js";
import type { LabelPlan } from "./labelling.js";
import { syncProjectField, type ProjectOutcome } from "./project-sync.js";

/** Item actions that can change which problems an item serves, or make it new to a Project. */
export const PROBLEM_EVENTS = new Set(["opened", "reopened", "labeled", "unlabeled"]);

/**
 * The field is read and written only when the item's problems may have changed: on the actions above,
 * a command, a change of the app's labels, or the item joining the Project (`project: true`). Without
 * `settings.project` this makes no request.
 */
export async function projectStep(
  octokit: GitHub,
  repo: RepoRef,
  number: number,
  strategy: Strategy,
  plan: LabelPlan,
  deps: Deps,
  options: { project?: boolean; command?: unknown },
): Promise<ProjectOutcome> {
  if (!strategy.settings.project) return { status: "off" };
  const changed = plan.add.length > 0 || plan.remove.length > 0;
  if (!options.project && options.command === undefined && !changed) return { status: "off" };
  const { login } = await deps.identity();
  return syncProjectField(octokit, {
    repo,
    number,
    strategy,
    decision: plan.decision,
    login,
    cache: deps.projects,
    now: deps.now().getTime(),
  });
}
