/**
 * The strategy in force for a repository: found, read and parsed, cached per repository so that an
 * unchanged file costs one conditional request (a free 304) per event. A push that touches a strategy
 * file forgets the cache (`StrategyFiles.forget`); a repository without one is asked again after a while.
 */
import { extendsOf, parseStrategy, type StrategyError } from "../strategy/index.js";
import type { Strategy } from "../strategy/schema.js";
import type { GitHub, RepoRef } from "./octokit.js";
import { locateSource } from "./strategy-locate.js";
import { LOCAL_PATHS, readSource, refreshSource, type RepoFile } from "./strategy-source.js";

export type LoadedStrategy =
  | { status: "missing" }
  | { status: "invalid"; file: string; errors: StrategyError[]; source: RepoFile }
  | { status: "ok"; strategy: Strategy; file: string; source: RepoFile; commit: string | null };

/** How long a lookup's answer stands before the places are searched again (a file may appear higher up). */
const LOOKUP_TTL_MS = 10 * 60 * 1000;

export interface LoadOptions {
  /** How long a lookup stands before the places are searched again (longer for the hourly report job). */
  lookupTtlMs?: number;
}

/** What is known of the strategy files the app has read; one per app (the app state holds it). */
export class StrategyFiles {
  private readonly sources = new Map<string, { source: RepoFile | null; at: number }>();
  /** The latest parse per repository, keyed by what it was parsed from: one entry per repository at most. */
  private readonly parsed = new Map<string, { from: string; loaded: LoadedStrategy }>();

  /** The strategy in force for a repository. */
  async load(
    octokit: GitHub,
    { owner, repo }: RepoRef,
    now = Date.now(),
    options: LoadOptions = {},
  ): Promise<LoadedStrategy> {
    const ttl = options.lookupTtlMs ?? LOOKUP_TTL_MS;
    const source = await this.currentSource(octokit, owner, repo, true, now, ttl);
    if (!source) return { status: "missing" };
    const target = extendsOf(source.text);
    const base = target ? await this.extendedSource(octokit, source, target, now, ttl) : undefined;
    const from = `${source.repo}/${source.path}@${source.sha}+${base?.sha ?? ""}`;
    const known = this.parsed.get(`${owner}/${repo}`);
    if (known?.from === from) return known.loaded;
    const loaded = parseSource(source, repo, target, base);
    this.parsed.set(`${owner}/${repo}`, { from, loaded });
    return loaded;
  }

  /** Forget what is known of a repository's strategy; a change in the owner's `.github` repository affects them all. */
  forget(owner: string, repo: string): void {
    for (const key of [...this.sources.keys()]) {
      if (key.startsWith(`${owner}/${repo}:`) || (repo === ".github" && key.startsWith(`${owner}/`)))
        this.sources.delete(key);
    }
  }

  /** Validate a version of a strategy file that is not (yet) in force, e.g. on a pull request's head commit. */
  async checkVersion(octokit: GitHub, { owner, repo }: RepoRef, path: string, ref: string): Promise<LoadedStrategy> {
    const source = await readSource(octokit, owner, repo, path, ref);
    if (!source) return { status: "missing" };
    const target = extendsOf(source.text);
    const base = target ? await this.extendedSource(octokit, source, target, Date.now()) : undefined;
    return parseSource(source, repo, target, base);
  }

  /**
   * Within LOOKUP_TTL_MS of a lookup, a found file is only re-read (conditionally) and a missing one stays
   * missing; after it, the places are searched again, so a file added higher up (by a push another replica
   * received) takes over. A lookup with the owner's `.github` fallback and one without are kept apart.
   */
  private async currentSource(
    octokit: GitHub,
    owner: string,
    repo: string,
    includeOrg: boolean,
    now: number,
    ttl = LOOKUP_TTL_MS,
  ) {
    const key = `${owner}/${repo}:${includeOrg ? "with-org" : "own"}`;
    const known = this.sources.get(key);
    const fresh = known !== undefined && now - known.at < ttl;
    if (fresh && !known.source) return null;
    let source = fresh && known.source ? await refreshSource(octokit, known.source) : null;
    const at = source ? known!.at : now;
    source ??=
      (await readSource(octokit, owner, repo, LOCAL_PATHS[0])) ??
      (await locateSource(octokit, owner, repo, includeOrg));
    this.sources.set(key, { source, at });
    return source;
  }

  /**
   * The strategy file that `extends: target` names, for a file of `owner`'s (the CLI checking a file on
   * disk): its text and the path shown in errors, or null when it has none.
   */
  async readExtended(octokit: GitHub, owner: string, target: string): Promise<{ text: string; file: string } | null> {
    const [baseOwner, baseRepo] = target === ".github" ? [owner, ".github"] : target.split("/");
    if (!baseOwner || !baseRepo) return null;
    const source = await this.currentSource(octokit, baseOwner, baseRepo, false, Date.now());
    return source ? { text: source.text, file: `${source.owner}/${source.repo}/${source.path}` } : null;
  }

  private async extendedSource(
    octokit: GitHub,
    source: RepoFile,
    target: string,
    now: number,
    ttl = LOOKUP_TTL_MS,
  ): Promise<RepoFile | null> {
    const [owner, repo] = target === ".github" ? [source.owner, ".github"] : target.split("/");
    if (!owner || !repo) return null;
    return this.currentSource(octokit, owner, repo, false, now, ttl);
  }
}

/** The full sha of the last commit that changed the strategy file in force (reports record it). */
export async function strategyCommit(
  octokit: GitHub,
  source: Pick<RepoFile, "owner" | "repo" | "path">,
): Promise<string | null> {
  const { data } = await octokit.rest.repos.listCommits({
    owner: source.owner,
    repo: source.repo,
    path: source.path,
    per_page: 1,
  });
  return data[0]?.sha ?? null;
}

export function isStrategyPath(path: string): boolean {
  return LOCAL_PATHS.includes(path);
}

function parseSource(
  source: RepoFile,
  repo: string,
  target: string | undefined,
  base: RepoFile | null | undefined,
): LoadedStrategy {
  const file = source.repo === repo ? source.path : `${source.owner}/${source.repo}/${source.path}`;
  if (target && !base) return { status: "invalid", file, source, errors: [missingBase(source.text, file, target)] };
  const result = parseStrategy(
    source.text,
    file,
    base ? { text: base.text, file: `${base.owner}/${base.repo}/${base.path}` } : undefined,
  );
  if (result.ok) return { status: "ok", strategy: result.strategy, file, source, commit: null };
  return { status: "invalid", file, errors: result.errors, source };
}

function missingBase(text: string, file: string, target: string): StrategyError {
  const line = text.split("\n").findIndex((l) => /^extends\s*:/.test(l)) + 1 || 1;
  return { file, line, column: 1, path: "extends", message: `${target} has no strategy file on its default branch` };
}
