/**
 * The strategy file's recent versions for the report, in one query that also names the commit in force.
 * Only when GitHub gives no history for the file (or the query fails) is the commit asked for on its own,
 * so the data comment still records it.
 */
import type { GitHub } from "../github/octokit.js";
import { strategyCommit } from "../github/strategy-file.js";
import { strategyHistory, type StrategyHistory } from "../github/strategy-history.js";
import type { RepoFile } from "../github/strategy-source.js";
import type { Strategy } from "../strategy/schema.js";
import type { MonthWindow } from "../tally/index.js";
import { strategyVersions, type VersionsFound } from "../tally/versions.js";

export interface VersionsParams {
  /** The repository reported on. */
  repo: string;
  loaded: { strategy: Strategy; commit: string | null; source?: Pick<RepoFile, "owner" | "repo" | "path"> };
  period: MonthWindow;
}

export async function readReportVersions(
  octokit: GitHub,
  { repo, loaded, period }: VersionsParams,
): Promise<VersionsFound> {
  const none: VersionsFound = { commit: loaded.commit, versions: [], history: {}, notes: [] };
  const source = loaded.source;
  if (!source) return none;
  const notes: string[] = [];
  const history = await strategyHistory(octokit, source).catch((error: unknown): StrategyHistory => {
    notes.push(
      `The strategy file's history could not be read from GitHub (${error instanceof Error ? error.message : String(error)}).`,
    );
    return { versions: [], complete: true };
  });
  if (history.versions.length === 0) {
    // The commit is worth a second way in, but not worth failing the report for.
    const commit = loaded.commit ?? (await strategyCommit(octokit, source).catch(() => null));
    return { ...none, commit, notes };
  }
  const file = source.repo === repo ? source.path : `${source.owner}/${source.repo}/${source.path}`;
  const found = strategyVersions({ ...history, strategy: loaded.strategy, period, file });
  return { ...found, commit: loaded.commit ?? found.commit, notes: [...notes, ...found.notes] };
}
