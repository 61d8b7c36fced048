/** The `Strategy file` check (docs/contract.md §6): success with a summary, or failure with one annotation per error. */
import { formatError } from "../strategy/index.js";
import { upsertCheckRun, type ExistingCheckRun } from "../github/check-runs.js";
import { STRATEGY_FILE_CHECK } from "../github/pull-request-queries.js";
import type { GitHub, RepoRef } from "../github/octokit.js";
import type { LoadedStrategy, StrategyFiles } from "../github/strategy-file.js";
import { LOCAL_PATHS } from "../github/strategy-source.js";
import { renderStrategyFileCheck } from "../render/index.js";
import { projectStatus } from "./project-sync.js";

export async function reportStrategyFile(
  octokit: GitHub,
  repo: RepoRef,
  headSha: string,
  path: string,
  loaded: LoadedStrategy,
  existing?: ExistingCheckRun,
): Promise<void> {
  if (loaded.status === "missing") return;
  const check =
    loaded.status === "ok"
      ? renderStrategyFileCheck({
          path,
          strategy: loaded.strategy,
          project: await projectStatus(octokit, loaded.strategy),
        })
      : renderStrategyFileCheck({ path, errors: loaded.errors.map((e) => ({ ...e, message: e.message })) });
  await upsertCheckRun(octokit, {
    ...repo,
    name: STRATEGY_FILE_CHECK,
    existing,
    headSha,
    conclusion: check.conclusion,
    title: check.title,
    summary: check.summary,
    // Annotations must name a file in this repository: errors in an inherited file go in the summary only.
    annotations: (check.annotations ?? []).filter((a) => a.path === path),
  });
}

export const errorLines = (loaded: Extract<LoadedStrategy, { status: "invalid" }>) => loaded.errors.map(formatError);

/**
 * A pull request that changes a strategy file gets its version validated on the head commit: one check,
 * for the changed file that takes precedence (root before .github/, .yml before .yaml).
 */
export async function checkChangedStrategy(
  strategies: StrategyFiles,
  octokit: GitHub,
  repo: RepoRef,
  headSha: string,
  files: readonly string[],
  existing?: ExistingCheckRun,
): Promise<void> {
  const path = LOCAL_PATHS.find((p) => files.includes(p));
  if (path)
    await reportStrategyFile(
      octokit,
      repo,
      headSha,
      path,
      await strategies.checkVersion(octokit, repo, path, headSha),
      existing,
    );
}
