/** Every repository the app can reach, installation by installation, each with an octokit acting for it. */
import type { Probot } from "probot";
import type { GitHub } from "../github/octokit.js";

export interface Reachable {
  installationId: number;
  octokit: GitHub;
  repositories: { owner: string; repo: string }[];
}

/** Installations one by one (lazily), so one failing installation can be logged and skipped by the caller. */
export async function* installations(
  app: Probot,
): AsyncGenerator<{ id: number; account: string; repositories: () => Promise<Reachable> }> {
  const appOctokit = await app.auth();
  const all = await appOctokit.paginate(appOctokit.rest.apps.listInstallations, { per_page: 100 });
  for (const installation of all) {
    yield {
      id: installation.id,
      account: (installation.account as { login?: string } | null)?.login ?? String(installation.id),
      repositories: async () => {
        const octokit = (await app.auth(installation.id)) as GitHub;
        const repos = await octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation, { per_page: 100 });
        return {
          installationId: installation.id,
          octokit,
          // Archived repositories are read-only: no report can be written there.
          repositories: repos
            .filter((r) => !r.archived && !r.disabled)
            .map((r) => ({ owner: r.owner.login, repo: r.name })),
        };
      },
    };
  }
}
