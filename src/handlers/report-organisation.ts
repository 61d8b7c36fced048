/**
 * The organisation report (docs/contract.md §10): the owner's `.github` repository's report covers every
 * repository whose strategy in force is the organisation's. Read what GitHub knows (1: the `.github`
 * repository's reports, the owner's repositories with their strategy files, 100 a request), decide the
 * scope in pure code (2), count the shipped work of one organisation-wide search page by page, each pull
 * request judged by its own repository's strategy (3), gather the side figures across the scope (4),
 * then build, render and write the one report for the month as a repository report is (5).
 */
import { ownerRepositories } from "../github/org-repositories.js";
import { searchMergedPulls } from "../github/merged-pulls.js";
import { organisationScope, ORG_REPO, type Scope } from "../strategy/scope.js";
import { buildReport, metricHistory, monthKeyOf, tallyOfData } from "../tally/index.js";
import { mergeHistory } from "../tally/versions.js";
import { gatherFigures } from "./report-figures.js";
import { closeReport, openReport, partialMonthNote } from "./report-frame.js";
import { mergedJudge } from "./merged-judge.js";
import { judgedNotes } from "./report-shipped.js";
import { tallyOrgShipped } from "./report-shipped-org.js";
import { readReportVersions } from "./report-versions.js";
import type { Published, PublishParams } from "./report-params.js";

/** Repositories named one by one in a search to leave them out; with more, searches span the whole owner. */
export const MAX_EXCLUDED = 20;

/**
 * What every search of the report is limited to: the owner's repositories, not archived, less those left
 * out while they are few enough to name (beyond, pull requests of left-out repositories are read and
 * skipped, and counts of issues include them, which the report says).
 */
export function scopeQualifier(
  owner: string,
  kind: "Organization" | "User",
  scope: Scope,
): { qualifier: string; note?: string } {
  const base = `${kind === "User" ? "user" : "org"}:${owner} archived:false`;
  const named = scope.leftOut.filter((r) => /^[A-Za-z0-9._-]+$/.test(r.name));
  if (named.length <= MAX_EXCLUDED)
    return { qualifier: [base, ...named.map((r) => `-repo:${owner}/${r.name}`)].join(" ") };
  return {
    qualifier: base,
    note: `Issue counts, counted metrics and plan searches span all of ${owner}'s repositories: the ${named.length} left out are too many to name in a search.`,
  };
}

export async function publishOrgReport(p: PublishParams): Promise<Published> {
  const { octokit, owner, month, loaded } = p;
  const strategy = loaded.strategy;
  const repo = ORG_REPO;

  // 1. The `.github` repository and its reports, then the owner's repositories and their strategy files.
  const frame = await openReport(p, repo);
  if (!("context" in frame)) return frame;
  const { period, context, earlier } = frame;
  const listing = await ownerRepositories(octokit, owner);
  if (!listing) throw new Error(`GitHub knows no owner ${owner}`);

  // 2. The scope, in pure code.
  const home = listing.repositories.find((r) => r.name.toLowerCase() === ORG_REPO);
  const orgFile =
    loaded.source && "text" in loaded.source && typeof loaded.source.text === "string"
      ? { text: loaded.source.text, file: `${owner}/${ORG_REPO}/${loaded.source.path}` }
      : home?.file?.text
        ? { text: home.file.text, file: `${owner}/${ORG_REPO}/${home.file.path}` }
        : { text: "", file: `${owner}/${ORG_REPO}/strategy.yml` };
  const listed = home
    ? listing.repositories
    : [...listing.repositories, { name: ORG_REPO, defaultBranch: context.defaultBranch, file: null }];
  const scope = organisationScope(owner, listed, { strategy, ...orgFile });
  // The `.github` repository's default branch is known for certain from its own query.
  for (const r of scope.repositories) if (r.name.toLowerCase() === ORG_REPO) r.defaultBranch = context.defaultBranch;
  const { qualifier, note } = scopeQualifier(owner, listing.kind, scope);

  // 3 and 4. Shipped work across the scope, streamed; the side figures; the strategy file's versions.
  const cut: string[] = [];
  const pulls = searchMergedPulls(octokit, {
    search: (range) => `${qualifier} is:pr is:merged merged:${range} sort:created-asc`,
    window: { start: period.start, end: period.end, range: period.searchRange },
    timezone: period.timezone,
    onTruncated: (range, count) =>
      cut.push(
        `${count} pull requests were merged within ${range}; search returns 1,000 of them, so only those are counted.`,
      ),
  });
  // Pull requests without a strategy label are judged on all their facts by their repository's strategy.
  const own = new Map(scope.repositories.map((r) => [r.name.toLowerCase(), r.strategy]));
  const judge = mergedJudge({
    octokit,
    repo: { owner, repo },
    strategy,
    strategyOf: (pull) => own.get((pull.repo ?? "").toLowerCase()) ?? strategy,
    botLogin: p.botLogin,
  });
  const versions = await readReportVersions(octokit, { repo, loaded, period });
  const [shipped, figures] = await Promise.all([
    tallyOrgShipped(strategy, scope.repositories, pulls, judge.judge),
    gatherFigures(octokit, { owner, repo }, strategy, period, { qualifier }),
  ]);

  // 5. The report, in pure code, then the one report for the month.
  const extending = scope.repositories.filter((r) => r.tie === "extends").length;
  const notes = [
    ...partialMonthNote(p, period),
    ...cut,
    ...judgedNotes(shipped, { owner, month }),
    ...shipped.notes,
    ...figures.notes,
    ...versions.notes,
    ...(note ? [note] : []),
    ...(extending > 0
      ? [
          "Repositories that extend the organisation's strategy judge their pull requests by their own rules added to it; problems a repository adds of its own are not the organisation's, so work serving only those counts as unaligned here.",
        ]
      : []),
  ];
  const n = scope.repositories.length;
  const model = buildReport({
    strategy,
    repo: `${owner}, ${n} ${n === 1 ? "repository" : "repositories"}`,
    period,
    commit: versions.commit,
    tally: shipped.tally,
    issuesClosed: figures.issuesClosed,
    readings: figures.readings,
    history: mergeHistory(metricHistory(earlier), versions.history),
    plans: figures.plans,
    previous: earlier.map((d) => ({ key: monthKeyOf(d), tally: tallyOfData(d) })),
    items: shipped.items,
    versions: versions.versions,
    notes,
    organisation: { owner, repositories: shipped.repositories, leftOut: scope.leftOut, qualifier },
    base: context.defaultBranch,
    searchRange: period.searchRange,
  });
  return closeReport(p, frame, model);
}
