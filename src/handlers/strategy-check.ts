/** The `Strategy file` check (docs/contract.md §6): success with a summary, or failure with one annotation per error. */
import { formatError } from "../strategy/index.js";
import { upsertCheckRun, type ExistingCheckRun } from "../github/check-runs.js";
import { STRATEGY_FILE_CHECK } from "../github/pull-request-queries.js";
import type { GitHub, RepoRef } from "../github/octokit.js";
import type { PermissionCache } from "../github/permissions.js";
import type { LoadedStrategy, StrategyFiles } from "../github/strategy-file.js";
import { LOCAL_PATHS } from "../github/strategy-source.js";
import { renderStrategyFileCheck } from "../render/index.js";
import { previewKeyOf, previewMark, renderPreview } from "../render/strategy-preview.js";
import { ORG_REPO } from "../strategy/scope.js";
import { inert } from "../text/inert.js";
import { notInForceNow } from "./in-force.js";
import { projectStatus } from "./project-sync.js";
import { previewMonth, previewOrganisation, previewRepository, type PreviewOutcome } from "./strategy-preview.js";

type Valid = Extract<LoadedStrategy, { status: "ok" }>;

export async function reportStrategyFile(
  octokit: GitHub,
  repo: RepoRef,
  headSha: string,
  path: string,
  loaded: LoadedStrategy,
  existing?: ExistingCheckRun,
  preview?: { text: string; title: string },
): Promise<void> {
  if (loaded.status === "missing") return;
  const check =
    loaded.status === "ok"
      ? renderStrategyFileCheck({
          path,
          strategy: loaded.strategy,
          project: await projectStatus(octokit, loaded.strategy),
          preview,
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

/** What a pull request's check needs to show what its change would do (the file in force, who is asking). */
export interface PreviewContext {
  /** The strategy in force (the default branch's). */
  inForce: LoadedStrategy;
  defaultBranch: string;
  now: Date;
  botLogin: string;
  permissions: PermissionCache;
  /** Whether the token reads the owner's other repositories: an organisation's change is previewed over them. */
  organisation: boolean;
}

/**
 * The file in force that a change of `path` would replace, when the preview applies: a valid file in
 * force that `path` would take over from (the same file, one it takes precedence over, or an inherited
 * one). Undefined for a first file, an invalid one in force, or a file shadowed by the one in force.
 */
function replaced(inForce: LoadedStrategy, repo: RepoRef, path: string): Valid | undefined {
  if (inForce.status !== "ok") return undefined;
  const { source } = inForce;
  const local =
    source.owner.toLowerCase() === repo.owner.toLowerCase() && source.repo.toLowerCase() === repo.repo.toLowerCase();
  if (local && LOCAL_PATHS.indexOf(path) > LOCAL_PATHS.indexOf(source.path)) return undefined;
  return inForce;
}

/** The key a preview is made once for: the month and the file in force (by blob sha). */
const previewKey = (inForce: Valid, now: Date) =>
  `month=${previewMonth(inForce.strategy, now).key} file=${inForce.source.sha}`;

const isOrganisation = (repo: RepoRef, inForce: Valid) =>
  repo.repo.toLowerCase() === ORG_REPO && inForce.source.repo.toLowerCase() === ORG_REPO;

/**
 * A pull request that changes a strategy file gets its version validated on the head commit: one check,
 * for the changed file that takes precedence (root before .github/, .yml before .yaml). When it changes a
 * valid file in force into another valid one, the check also shows what the change would have done last
 * month, made once per head commit: an event for a head whose check already shows it reads and writes nothing.
 */
export async function checkChangedStrategy(
  strategies: StrategyFiles,
  octokit: GitHub,
  repo: RepoRef,
  headSha: string,
  files: readonly string[],
  existing?: ExistingCheckRun,
  context?: PreviewContext,
): Promise<void> {
  const path = LOCAL_PATHS.find((p) => files.includes(p));
  if (!path) return;
  const base = context && replaced(context.inForce, repo, path);
  const key = base && context && previewKey(base, context.now);
  if (key && existing && previewKeyOf(existing.summary) === key) return;
  const version = await strategies.checkVersion(octokit, repo, path, headSha);
  // Merged: the file in force is now this one. The preview made before stays as it was.
  if (base && version.status === "ok" && version.source.sha === base.source.sha && previewKeyOf(existing?.summary))
    return;
  let preview: { text: string; title: string } | undefined;
  if (base && context && key && version.status === "ok" && version.source.sha !== base.source.sha)
    preview = await previewText(octokit, repo, path, base, version, context, key);
  await reportStrategyFile(octokit, repo, headSha, path, version, existing, preview);
}

async function previewText(
  octokit: GitHub,
  repo: RepoRef,
  path: string,
  base: Valid,
  version: Valid,
  context: PreviewContext,
  key: string,
): Promise<{ text: string; title: string }> {
  const common = {
    octokit,
    inForce: base.strategy,
    proposed: version.strategy,
    now: context.now,
    botLogin: context.botLogin,
    permissions: context.permissions,
  };
  let outcome: PreviewOutcome;
  try {
    outcome =
      isOrganisation(repo, base) && context.organisation
        ? await previewOrganisation({
            ...common,
            owner: repo.owner,
            inForceText: base.source.text,
            proposedText: version.source.text,
            path,
            defaultBranch: context.defaultBranch,
          })
        : await previewRepository({ ...common, repo, defaultBranch: context.defaultBranch });
    if (isOrganisation(repo, base) && !context.organisation)
      outcome.notes.unshift(
        "This preview covers the .github repository's own pull requests only: the token it was made with cannot read the organisation's other repositories. The Throughline App previews the organisation's change over every repository in scope.",
      );
  } catch (error) {
    // No mark: the next event for this pull request tries again.
    const said = error instanceof Error ? error.message : String(error);
    return {
      title: "what it would do is not known yet",
      text: `What this change would have done last month could not be worked out just now (GitHub said: ${inert(said, 300)}); it is tried again on the next event of this pull request.`,
    };
  }
  const caveats: string[] = [];
  const idle = notInForceNow(version.strategy, context.now);
  if (idle)
    caveats.push(
      `Once merged, this file labels nothing and posts no report: ${idle}. The figures show what its rules would decide once it is in force.`,
    );
  const idleInForce = notInForceNow(base.strategy, context.now);
  if (idleInForce)
    caveats.push(
      `The file in force labels nothing now (${idleInForce}): its figures show what its rules decide, not labels the app set.`,
    );
  const n = outcome.model.changed.count;
  return {
    title: `last month ${n === 1 ? "1 pull request changes" : `${n.toLocaleString("en-US")} pull requests change`}`,
    text: renderPreview(
      { model: outcome.model, month: outcome.month.title, where: outcome.where, notes: outcome.notes, caveats },
      previewMark(key),
    ),
  };
}
