/**
 * Shipped work across an organisation: one running sum per repository (never the items), so memory
 * grows with the number of repositories, not of pull requests. Each pull request arrives already judged
 * by its own repository's strategy; only the organisation's problems count here (a problem a repository
 * adds of its own is not the organisation's: work serving only such problems is unaligned here).
 */
import type { Strategy } from "../strategy/schema.js";
import type { RepositoryFigures, StrategyTie } from "./report-model.js";
import type { Tally } from "./types.js";

export interface OrgItem {
  repo: string;
  /** Problem ids served, as the repository's strategy judged them. */
  problems: string[];
}

interface Sums {
  tie: StrategyTie;
  merged: number;
  counts: Map<string, number>;
  weights: Map<string, number>;
  unaligned: number;
}

export interface OrgTallier {
  /** A repository in scope (listed even when nothing ships in it). */
  repository(name: string, tie: StrategyTie): void;
  /** One shipped pull request (ignored authors already left out by the caller). */
  add(item: OrgItem): void;
  result(): { tally: Tally; repositories: RepositoryFigures[] };
}

export function createOrgTallier(strategy: Strategy): OrgTallier {
  const ids = strategy.problems.map((p) => p.id);
  const known = new Set(ids);
  const repos = new Map<string, Sums>();
  const sums = (name: string, tie: StrategyTie = "inherits"): Sums => {
    let found = repos.get(name);
    if (!found) {
      found = {
        tie,
        merged: 0,
        counts: new Map(ids.map((id) => [id, 0])),
        weights: new Map(ids.map((id) => [id, 0])),
        unaligned: 0,
      };
      repos.set(name, found);
    }
    return found;
  };
  return {
    repository(name, tie) {
      sums(name, tie).tie = tie;
    },
    add({ repo, problems }) {
      const s = sums(repo);
      s.merged += 1;
      const served = [...new Set(problems)].filter((id) => known.has(id));
      if (served.length === 0) s.unaligned += 1;
      for (const id of served) {
        s.counts.set(id, s.counts.get(id)! + 1);
        s.weights.set(id, s.weights.get(id)! + 1 / served.length);
      }
    },
    result() {
      let merged = 0;
      let unaligned = 0;
      const counts = new Map(ids.map((id) => [id, 0]));
      const weights = new Map(ids.map((id) => [id, 0]));
      const repositories: RepositoryFigures[] = [];
      for (const [name, s] of [...repos.entries()].sort(([a], [b]) => a.localeCompare(b))) {
        merged += s.merged;
        unaligned += s.unaligned;
        for (const id of ids) {
          counts.set(id, counts.get(id)! + s.counts.get(id)!);
          weights.set(id, weights.get(id)! + s.weights.get(id)!);
        }
        const share = (w: number) => (s.merged === 0 ? 0 : w / s.merged);
        repositories.push({
          name,
          tie: s.tie,
          merged: s.merged,
          problems: Object.fromEntries(ids.map((id) => [id, s.counts.get(id)!])),
          shares: Object.fromEntries(ids.map((id) => [id, share(s.weights.get(id)!)])),
          unaligned: s.unaligned,
          unalignedShare: share(s.unaligned),
        });
      }
      const share = (w: number) => (merged === 0 ? 0 : w / merged);
      const tally: Tally = {
        merged,
        problems: Object.fromEntries(
          ids.map((id) => [id, { merged: counts.get(id)!, share: share(weights.get(id)!) }]),
        ),
        unaligned: { merged: unaligned, share: share(unaligned) },
      };
      return { tally, repositories };
    },
  };
}

/** The repositories carrying most of a problem's work: the top `n` by pull requests serving it. */
export function carriers(repositories: RepositoryFigures[], id: string, n = 3): RepositoryFigures[] {
  return repositories
    .filter((r) => (r.problems[id] ?? 0) > 0)
    .sort((a, b) => (b.problems[id] ?? 0) - (a.problems[id] ?? 0) || a.name.localeCompare(b.name))
    .slice(0, n);
}

/** The repositories with the most unaligned pull requests, top `n`. */
export function mostUnaligned(repositories: RepositoryFigures[], n = 5): RepositoryFigures[] {
  return repositories
    .filter((r) => r.unaligned > 0)
    .sort((a, b) => b.unaligned - a.unaligned || a.name.localeCompare(b.name))
    .slice(0, n);
}
