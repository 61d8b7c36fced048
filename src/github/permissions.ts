/**
 * Commands are taken from people with triage, write, maintain or admin access (docs/contract.md §7).
 * A person's role is asked once and remembered for a few minutes.
 */
import { type GitHub, type RepoRef, statusOf } from "./octokit.js";

const COMMAND_ROLES = new Set(["triage", "write", "maintain", "admin"]);
const TTL_MS = 10 * 60 * 1000;

/** Who may give commands, per repository, remembered for a few minutes; one per app (the app state holds it). */
export class PermissionCache {
  private readonly roles = new Map<string, { allowed: boolean; at: number }>();

  async canCommand(octokit: GitHub, { owner, repo }: RepoRef, username: string, now = Date.now()): Promise<boolean> {
    const key = `${owner}/${repo}/${username.toLowerCase()}`;
    const known = this.roles.get(key);
    if (known && now - known.at < TTL_MS) return known.allowed;
    let allowed = false;
    try {
      const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username });
      // role_name is a custom role's own name where one is used; permission is then its base (admin, write, read).
      const roleName = (data as { role_name?: string }).role_name;
      allowed = COMMAND_ROLES.has(roleName ?? "") || COMMAND_ROLES.has(data.permission);
    } catch (error) {
      if (statusOf(error) !== 404) throw error; // not a collaborator at all
    }
    this.roles.set(key, { allowed, at: now });
    return allowed;
  }
}
