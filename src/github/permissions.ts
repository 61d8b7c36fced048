/**
 * Commands are taken from people with triage, write, maintain or admin access (spec section 7).
 * A person's role is asked once and remembered for a few minutes.
 */
import { type GitHub, type RepoRef, statusOf } from "./octokit.js";

const COMMAND_ROLES = new Set(["triage", "write", "maintain", "admin"]);
const TTL_MS = 10 * 60 * 1000;
const roles = new Map<string, { role: string; at: number }>();

export async function canCommand(octokit: GitHub, { owner, repo }: RepoRef, username: string, now = Date.now()): Promise<boolean> {
  const key = `${owner}/${repo}/${username.toLowerCase()}`;
  const known = roles.get(key);
  if (known && now - known.at < TTL_MS) return COMMAND_ROLES.has(known.role);
  let role = "none";
  try {
    const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username });
    role = (data as { role_name?: string }).role_name ?? data.permission;
  } catch (error) {
    if (statusOf(error) !== 404) throw error; // not a collaborator at all
  }
  roles.set(key, { role, at: now });
  return COMMAND_ROLES.has(role);
}

export function resetPermissionCache(): void {
  roles.clear();
}
