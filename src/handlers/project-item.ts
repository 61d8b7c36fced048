/**
 * projects_v2_item: an issue or pull request added to a Project (or restored, or a draft converted to
 * an issue) gets its field value now rather than on its next event. GitHub sends this event for
 * organisation Projects only. The item is decided exactly as an item event would decide it.
 */
import type { Context } from "probot";
import { projectItemContent } from "../github/project-field.js";
import type { Deps } from "./deps.js";
import { knownProjectId } from "./project-sync.js";
import { syncItem } from "./sync-item.js";

/** Actions after which an item may be on the Project without its value. */
export const PROJECT_ITEM_ACTIONS = ["created", "restored", "converted"] as const;

export async function handleProjectItem(context: Context<"projects_v2_item">, deps: Deps): Promise<void> {
  const item = context.payload.projects_v2_item;
  if (item.content_type !== "Issue" && item.content_type !== "PullRequest") return;
  const octokit = context.octokit;
  const content = await projectItemContent(octokit, item.content_node_id);
  if (!content) return;
  const repo = { owner: content.owner, repo: content.repo };
  // The same queue as the item's own events: one at a time per item.
  await deps.guards.oneAtATime(`${repo.owner}/${repo.repo}#${content.number}`, async () => {
    const loaded = await deps.strategies.load(octokit, repo);
    if (loaded.status !== "ok" || !loaded.strategy.settings.project) return;
    // An item added to another Project than the strategy's: nothing to do, once that Project is known.
    const known = await knownProjectId(deps.projects, loaded.strategy);
    if (known !== undefined && known !== item.project_node_id) return;
    const { data: issue } = await octokit.rest.issues.get({ ...repo, issue_number: content.number });
    await syncItem(octokit, repo, issue, deps, { loaded, project: true });
  });
}
