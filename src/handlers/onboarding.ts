/**
 * installation.created and installation_repositories.added: each added repository without a strategy
 * gets one `Set up Throughline` issue holding a starter drawn from its own labels and folders. Once per
 * repository, ever: an issue the app opened before, open or closed, means nothing more is said.
 */
import type { Context } from "probot";
import type { GitHub, RepoRef } from "../github/octokit.js";
import { openSetupIssue, setupContext } from "../github/setup-issue.js";
import { renderSetupIssue, SETUP_ISSUE_TITLE } from "../render/starter.js";
import type { Deps } from "./deps.js";

export type InstallationContext = Context<"installation.created" | "installation_repositories.added">;

/** How many onboarded repositories the app remembers (`Deps.onboarded`). */
const DONE_LIMIT = 10_000;

export async function handleInstallation(context: InstallationContext, deps: Deps): Promise<void> {
  const payload = context.payload;
  const added = "repositories_added" in payload ? payload.repositories_added : (payload.repositories ?? []);
  const failures: unknown[] = [];
  // One repository after another: an installation on a large organisation must not burst the rate limit.
  for (const { full_name } of added) {
    try {
      await onboardRepository(context.octokit, refOf(full_name), deps);
    } catch (error) {
      failures.push(error); // the other repositories still get their issue
    }
  }
  if (failures.length > 0)
    throw new AggregateError(failures, `onboarding failed for ${failures.length} of ${added.length} repositories`);
}

function refOf(fullName: string): RepoRef {
  const [owner, repo, ...rest] = fullName.split("/");
  if (!owner || !repo || rest.length > 0) throw new Error(`repository "${fullName}" is not OWNER/NAME`);
  return { owner, repo };
}

/** Read → decide → write for one repository; returns the number of the issue opened, if one was. */
export function onboardRepository(
  octokit: GitHub,
  ref: RepoRef,
  deps: Pick<Deps, "identity" | "strategies" | "guards" | "onboarded">,
): Promise<number | undefined> {
  const key = `${ref.owner}/${ref.repo}`.toLowerCase();
  const done = deps.onboarded;
  return deps.guards.oneAtATime(`${key}:setup`, async () => {
    if (done.has(key)) return undefined;
    // 1. A strategy of its own or inherited from the owner's .github repository: nothing to set up.
    if ((await deps.strategies.load(octokit, ref)).status !== "missing") return undefined;
    // 2. What the starter is drawn from, and whether the app ever opened the issue here.
    const { login } = await deps.identity();
    const context = await setupContext(octokit, ref, SETUP_ISSUE_TITLE, login);
    if (!context?.canOpenIssues || context.existing) return remember(done, key, undefined);
    // 3. The issue, rendered in pure code.
    const issue = renderSetupIssue({
      ...ref,
      defaultBranch: context.defaultBranch,
      labels: context.labels,
      folders: context.folders,
    });
    return remember(done, key, await openSetupIssue(octokit, ref, issue));
  });
}

function remember<T>(done: Set<string>, key: string, result: T): T {
  done.add(key);
  if (done.size > DONE_LIMIT) done.delete(done.values().next().value as string);
  return result;
}
