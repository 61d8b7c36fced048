/**
 * Everything the monthly report shows, computed in pure code (tally/) and drawn by render/report.
 * Fractions are 0..1; "points" are percentage points. A figure that cannot be known is null.
 */
import type { Measure, Tally } from "./types.js";

export interface Period {
  /** "2026-10" */
  key: string;
  /** "October 2026" */
  title: string;
  /** First and last day, "2026-10-01" and "2026-10-31", in `timezone`. */
  from: string;
  to: string;
  timezone: string;
}

/** A merged pull request as the report sees it. */
export interface ShippedItem {
  number: number;
  /** Its repository's name, in an organisation report (where numbers repeat across repositories). */
  repo?: string;
  title: string;
  url: string;
  author: string;
  mergedAt: string;
  labels: string[];
  /** Problem ids it serves (empty when unaligned). */
  problems: string[];
  /** Changed paths when known (used for suggestions). */
  files?: string[];
  /** Lines changed per file, when known: size without lock, vendored, generated and snapshot files. */
  changes?: { path: string; additions: number; deletions: number }[];
  additions?: number;
  deletions?: number;
  comments?: number;
  /** Reviews submitted on it. */
  reviews?: number;
  /** Issues it closes. */
  closedIssues?: number;
}

export interface MetricReport {
  name: string;
  unit?: string;
  baseline: number | null;
  current: number | null;
  target: number;
  /** Fraction of the planned change achieved; may exceed 1; null when unknown. */
  progress: number | null;
  /** Earlier readings, oldest first. */
  history: { key: string; value: number | null }[];
  /** Why the reading is missing, e.g. the count query GitHub rejected. */
  error?: string;
}

export interface PlanEntryReport {
  title: string;
  kind: "issue" | "milestone" | "label";
  /** "#123", the milestone title or the label name. */
  ref: string;
  done: number | null;
  total: number | null;
  /** Issue entries: "open" | "closed"; milestone entries: its due date when set. */
  state?: string;
  due?: string | null;
  /** The entry names something that does not exist in the repository. */
  missing?: boolean;
}

export interface PlanReport {
  done: number | null;
  total: number | null;
  entries: PlanEntryReport[];
}

export interface ProblemReport {
  id: string;
  title: string;
  label: string;
  /** Intended share as a fraction, or null when the strategy gives none. */
  intended: number | null;
  merged: number;
  share: number;
  /** Author-weeks spent on it and their share; null when unknown. */
  authorWeeks: number | null;
  shareAuthorWeeks: number | null;
  /** The share held against `intended` and drift: `share` or `shareAuthorWeeks`, as `ReportModel.measure` says. */
  held: number;
  /** Change of the held share against the previous month, in points; null without a previous report. */
  change: number | null;
  drift: boolean;
  issuesClosed: number | null;
  metrics: MetricReport[];
  plan: PlanReport | null;
  /** The most notable shipped items, capped. */
  notable: ShippedItem[];
}

export interface Suggestion {
  /** The rule kind to add, e.g. "paths". */
  rule: "paths" | "labels" | "keywords";
  value: string;
  /** How many of the period's unaligned items it would have captured. */
  captured: number;
  /**
   * The problem the rule would serve: the one whose matched work shares most with the items (say, most
   * of the aligned pull requests changing the same directory serve it); null when no problem stands out,
   * and the work looks like work outside the strategy.
   */
  problem: string | null;
  /** The aligned items the same rule would capture, and how many of them serve `problem`. */
  alike: { items: number; serving: number };
  /** A ready-to-paste YAML snippet for `problem`; "" when no problem was named (nothing to paste). */
  yaml: string;
}

export interface ReportModel {
  repo: string; // "owner/name"
  period: Period;
  /** Full sha of the strategy file's commit in force, null when unknown. */
  commit: string | null;
  strategyName: string | null;
  tally: Tally;
  problems: ProblemReport[];
  unaligned: {
    merged: number;
    share: number;
    authorWeeks: number | null;
    shareAuthorWeeks: number | null;
    held: number;
    change: number | null;
    alert: boolean;
    notable: ShippedItem[];
  };
  /** The measure shares are held against: `settings.report.measure`, or pull requests when author-weeks are unknown. */
  measure: Measure;
  /** The default branch the work merged into, and the period as a GitHub search range, for links; null when unknown. */
  search: { base: string; range: string; excludeAuthors: string[] } | null;
  /** Earlier months' figures, oldest first (read from earlier reports' data comments). */
  previous: { key: string; tally: Tally }[];
  suggestions: Suggestion[];
  /** Strategy file versions in force during the period, when it changed mid-period. */
  versions: { commit: string; from: string }[];
  /** Caveats shown in the method note, e.g. "the count query for X was rejected by GitHub". */
  notes: string[];
  /** Said at the report's top, e.g. why it covers less than it might. */
  notice?: string;
  /** Present in an organisation report: the figures by repository and what was left out. */
  organisation?: OrganisationReport;
}

/** How a repository in an organisation report came by the organisation's strategy. */
export type StrategyTie = "organisation" | "inherits" | "extends";

/** One repository's shipped work in an organisation report, judged by its own strategy in force. */
export interface RepositoryFigures {
  /** The repository's name, without the owner. */
  name: string;
  tie: StrategyTie;
  merged: number;
  /** Per problem id of the organisation's strategy: pull requests serving it (one serving two counts in both). */
  problems: Record<string, number>;
  /** Per problem id: its split share of this repository's shipped work, 0..1. */
  shares: Record<string, number>;
  unaligned: number;
  unalignedShare: number;
}

export interface OrganisationReport {
  owner: string;
  /** Every repository in scope, the organisation's `.github` one included, by name. */
  repositories: RepositoryFigures[];
  /** What the report's searches were limited to (e.g. `org:acme archived:false -repo:acme/mobile`), for links. */
  qualifier?: string;
  /** Repositories the report does not cover, each with why (a strategy of their own, unreadable...). */
  leftOut: { name: string; reason: string }[];
}
