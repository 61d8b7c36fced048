/**
 * What a strategy change would do (docs/contract.md §6): the previous calendar month's merged pull
 * requests, read with all their facts in one search (github/preview-pulls.ts), each judged under the file
 * in force and under the proposed file by the one decision the webhooks and reports use
 * (`judgeWithHistory`), then tallied side by side in the core (tally/preview.ts). Every pull request is
 * judged again, labelled or not: its explicit choices (a `Serves:` line, an allowed `/strategy` command,
 * strategy labels a person set or removed) stay, what the app decided by rules or linked issues is
 * decided again. Nothing is written here.
 */
import type { HistoryComment } from "../github/item-history.js";
import type { MergedPull } from "../github/merged-pulls.js";
import type { GitHub, RepoRef } from "../github/octokit.js";
import { ownerRepositories } from "../github/org-repositories.js";
import type { PermissionCache } from "../github/permissions.js";
import { previewPulls, type PreviewPullFacts } from "../github/preview-pulls.js";
import type { FactsCounter, PullFacts } from "../github/pull-facts.js";
import { organisationScope, ORG_REPO, type InScope } from "../strategy/scope.js";
import type { Strategy } from "../strategy/schema.js";
import { monthOf, monthPeriod, previousMonth, type MonthWindow } from "../tally/index.js";
import { createPreview, renamedLabels, renameLabel, type PreviewModel } from "../tally/preview.js";
import { judgeWithHistory } from "./labelling.js";
import { mergedItem } from "./merged-judge.js";
import { scopeQualifier } from "./report-organisation.js";

export interface PreviewOutcome {
  model: PreviewModel;
  month: MonthWindow;
  /** What the preview says besides its figures: pull requests not read in full, searches cut short, scope. */
  notes: string[];
  /** "3 repositories of acme" for an organisation's preview. */
  where?: string;
  stats: { requests: number; permissionLookups: number; incomplete: number };
}

interface Common {
  octokit: GitHub;
  /** The file in force and the proposed one (for an organisation: its `.github` strategy, both versions). */
  inForce: Strategy;
  proposed: Strategy;
  now: Date;
  botLogin: string;
  permissions: PermissionCache;
}

/** The month previewed: the previous calendar month in the file in force's time zone. */
export function previewMonth(inForce: Strategy, now: Date): MonthWindow {
  const zone = inForce.settings.report.timezone;
  return monthPeriod(previousMonth(monthOf(now, zone)), zone);
}

/**
 * The facts with a pull request's earlier comments (past the last 100) read at most once, for both files,
 * and each page read counted: judging it under the file in force and then under the proposed one would
 * otherwise read them twice.
 */
function readingOnce({ pull, facts }: PreviewPullFacts, counter: FactsCounter): PreviewPullFacts {
  const earlier = facts.history.earlier;
  if (earlier === undefined) return { pull, facts };
  const read = earlier;
  const pages: HistoryComment[][] = [];
  let source: AsyncGenerator<HistoryComment[]> | undefined;
  let done = false;
  async function* once(): AsyncGenerator<HistoryComment[]> {
    for (let i = 0; ; i++) {
      const known = pages[i];
      if (known) {
        yield known;
        continue;
      }
      if (done) return;
      source ??= read();
      const next = await source.next();
      if (next.done) {
        done = true;
        return;
      }
      // Each page is one request.
      counter.requests += 1;
      pages.push(next.value);
      yield next.value;
    }
  }
  return { pull, facts: { ...facts, history: { ...facts.history, earlier: once } } };
}

/** The same pull request and facts with the labels the change renames spelled the new way. */
function renamed(renames: ReadonlyMap<string, string>, { pull, facts }: PreviewPullFacts): PreviewPullFacts {
  if (renames.size === 0) return { pull, facts };
  const name = (l: string) => renameLabel(renames, l);
  return {
    pull: { ...pull, labels: pull.labels.map(name) },
    facts: {
      ...facts,
      closes: facts.closes.map((c) => ({ ...c, labels: c.labels.map(name) })),
      history: { ...facts.history, labels: facts.history.labels.map((e) => ({ ...e, label: name(e.label) })) },
    },
  };
}

function permissionAsker(o: Common, stats: PreviewOutcome["stats"]) {
  const asked = new Map<string, Promise<boolean>>();
  return (repo: RepoRef) =>
    (login: string): Promise<boolean> => {
      const key = `${repo.owner}/${repo.repo}/${login}`.toLowerCase();
      let answer = asked.get(key);
      if (!answer) {
        stats.permissionLookups += 1;
        answer = o.permissions.canCommand(o.octokit, repo, login);
        asked.set(key, answer);
      }
      return answer;
    };
}

/** The problems a pull request serves under `strategy`, by the one decision, on the same facts. */
async function served(
  strategy: Strategy,
  pull: MergedPull,
  facts: PullFacts,
  mayCommand: (login: string) => Promise<boolean>,
): Promise<string[]> {
  return (await judgeWithHistory(strategy, mergedItem(pull, facts), facts.history, mayCommand)).served;
}

/** A repository's change: its pull requests merged into `defaultBranch` last month. */
export async function previewRepository(o: Common & { repo: RepoRef; defaultBranch: string }): Promise<PreviewOutcome> {
  const month = previewMonth(o.inForce, o.now);
  const stats = { requests: 0, permissionLookups: 0, incomplete: 0 };
  const counter: FactsCounter = { requests: 0 };
  const notes: string[] = [];
  const preview = createPreview(o.inForce, o.proposed);
  const renames = renamedLabels(o.inForce, o.proposed);
  const ask = permissionAsker(o, stats)(o.repo);
  const pages = previewPulls(o.octokit, {
    owner: o.repo.owner,
    search: (range) =>
      `repo:${o.repo.owner}/${o.repo.repo} is:pr is:merged base:${o.defaultBranch} merged:${range} sort:created-asc`,
    window: { start: month.start, end: month.end, range: month.searchRange },
    timezone: month.timezone,
    botLogin: o.botLogin,
    counter,
    onTruncated: (range, count) => notes.push(truncated(range, count)),
  });
  const seen = new Set<number>();
  for await (const page of pages) {
    for (const read of page) {
      if (seen.has(read.pull.number)) continue;
      seen.add(read.pull.number);
      if (!read.facts.complete) stats.incomplete += 1;
      const once = readingOnce(read, counter);
      const next = renamed(renames, once);
      preview.add({
        ...sideOf(read.pull),
        before: await served(o.inForce, once.pull, once.facts, ask),
        after: await served(o.proposed, next.pull, next.facts, ask),
      });
    }
  }
  stats.requests = counter.requests;
  return { model: preview.result(), month, notes: [...notes, ...incompleteNote(stats.incomplete)], stats };
}

/**
 * An organisation's change, made in its `.github` repository: the pull requests of every repository in
 * scope (docs/contract.md §10), each judged by its repository's strategy under the organisation's file in
 * force and under the proposed one (a repository that extends it: its own rules added to each).
 */
export async function previewOrganisation(
  o: Common & { owner: string; inForceText: string; proposedText: string; path: string; defaultBranch: string },
): Promise<PreviewOutcome> {
  const month = previewMonth(o.inForce, o.now);
  const stats = { requests: 0, permissionLookups: 0, incomplete: 0 };
  const counter: FactsCounter = { requests: 0 };
  const notes: string[] = [];
  const listing = await ownerRepositories(o.octokit, o.owner);
  if (!listing) throw new Error(`GitHub knows no owner ${o.owner}`);
  const file = `${o.owner}/${ORG_REPO}/${o.path}`;
  const listed = listing.repositories.some((r) => r.name.toLowerCase() === ORG_REPO)
    ? listing.repositories
    : [...listing.repositories, { name: ORG_REPO, defaultBranch: o.defaultBranch, file: null }];
  const before = organisationScope(o.owner, listed, { strategy: o.inForce, text: o.inForceText, file });
  const after = organisationScope(o.owner, listed, { strategy: o.proposed, text: o.proposedText, file });
  const byName = (scope: InScope[]) => new Map(scope.map((r) => [r.name.toLowerCase(), r]));
  const scopes = { before: byName(before.repositories), after: byName(after.repositories) };
  for (const r of scopes.before.values()) if (r.name.toLowerCase() === ORG_REPO) r.defaultBranch = o.defaultBranch;
  // Ignored authors are each repository's own (an extending repository may list others): counted per pull request.
  const bare = (s: Strategy): Strategy => ({ ...s, settings: { ...s.settings, ignore_authors: [] } });
  const preview = createPreview(bare(o.inForce), bare(o.proposed));
  const renames = renamedLabels(o.inForce, o.proposed);
  const asker = permissionAsker(o, stats);
  // Searched: the repositories in scope under either version (a left-out one is excluded only when both leave it out).
  const leftOutAfter = new Set(after.leftOut.map((r) => r.name.toLowerCase()));
  const { qualifier } = scopeQualifier(o.owner, listing.kind, {
    ...before,
    leftOut: before.leftOut.filter((r) => leftOutAfter.has(r.name.toLowerCase())),
  });
  const pages = previewPulls(o.octokit, {
    owner: o.owner,
    search: (range) => `${qualifier} is:pr is:merged merged:${range} sort:created-asc`,
    window: { start: month.start, end: month.end, range: month.searchRange },
    timezone: month.timezone,
    botLogin: o.botLogin,
    counter,
    onTruncated: (range, count) => notes.push(truncated(range, count)),
  });
  let elsewhere = 0;
  const seen = new Set<string>();
  const ignores = (r: InScope | undefined, author: string) =>
    r === undefined || r.strategy.settings.ignore_authors.some((a) => a.toLowerCase() === author.toLowerCase());
  for await (const page of pages) {
    for (const read of page) {
      const name = (read.pull.repo ?? "").toLowerCase();
      const key = `${name}#${read.pull.number}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const [was, will] = [scopes.before.get(name), scopes.after.get(name)];
      const home = was ?? will;
      if (
        !home ||
        (read.pull.base !== undefined && home.defaultBranch !== null && read.pull.base !== home.defaultBranch)
      ) {
        elsewhere += 1;
        continue;
      }
      if (!read.facts.complete) stats.incomplete += 1;
      const ask = asker({ owner: o.owner, repo: home.name });
      const once = readingOnce(read, counter);
      const next = renamed(renames, once);
      preview.add({
        ...sideOf(read.pull),
        repo: home.name,
        before: was ? await served(was.strategy, once.pull, once.facts, ask) : [],
        after: will ? await served(will.strategy, next.pull, next.facts, ask) : [],
        countedBefore: !ignores(was, read.pull.author),
        countedAfter: !ignores(will, read.pull.author),
      });
    }
  }
  stats.requests = counter.requests;
  // In scope under either version: what was searched and judged.
  const n = new Set([...scopes.before.keys(), ...scopes.after.keys()]).size;
  const changedScope = [...new Set([...scopes.before.keys(), ...scopes.after.keys()])].filter(
    (k) => scopes.before.has(k) !== scopes.after.has(k),
  );
  if (changedScope.length > 0)
    notes.push(
      `Under this change ${changedScope.length === 1 ? "one repository moves" : `${changedScope.length} repositories move`} in or out of the organisation's scope (an extending file valid under one version and not the other): ${changedScope
        .slice(0, 20)
        .map((k) => (scopes.before.get(k) ?? scopes.after.get(k))!.name)
        .join(", ")}${changedScope.length > 20 ? ` and ${changedScope.length - 20} more` : ""}.`,
    );
  if (elsewhere > 0)
    notes.push(
      `${elsewhere} merged pull request${elsewhere === 1 ? "" : "s"} found by the search ${elsewhere === 1 ? "was" : "were"} not counted: left-out repositories' work, or merged into another branch than its repository's default one.`,
    );
  // Left out under both versions (one that moves in or out is named above).
  const leftOut = before.leftOut.filter((r) => leftOutAfter.has(r.name.toLowerCase()));
  if (leftOut.length > 0) {
    const names = leftOut.slice(0, 20).map((r) => r.name);
    const more = leftOut.length - names.length;
    notes.push(
      `Left out, as the organisation report leaves them out (a strategy of their own, or not readable): ${names.join(", ")}${more > 0 ? ` and ${more} more` : ""}.`,
    );
  }
  return {
    model: preview.result(),
    month,
    notes: [...notes, ...incompleteNote(stats.incomplete)],
    where: `${n} ${n === 1 ? "repository" : "repositories"} of ${o.owner}`,
    stats,
  };
}

const sideOf = (pull: MergedPull) => ({
  number: pull.number,
  title: pull.title,
  url: pull.url,
  author: pull.author,
  mergedAt: pull.mergedAt,
});

const truncated = (range: string, count: number) =>
  `${count} pull requests were merged within ${range}; search returns 1,000 of them, so only those are judged.`;

const incompleteNote = (n: number) =>
  n === 0
    ? []
    : [
        `${n} pull request${n === 1 ? "" : "s"} could not be read in full from GitHub (changed files or timeline) and ${n === 1 ? "was" : "were"} judged on what is known.`,
      ];
