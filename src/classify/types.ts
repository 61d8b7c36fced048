/** What classification reads about an issue or pull request, gathered by the edge; no I/O here. */
export interface WorkItem {
  kind: "issue" | "pull_request";
  number: number;
  title: string;
  /** The body, "" when empty. */
  body: string;
  /** Label names on the item now. */
  labels: string[];
  /** The author's login. */
  author: string;
  milestone: string | null;
  /** Pull requests: the head branch name. */
  branch?: string;
  /** Pull requests: changed file paths as far as known. */
  files?: string[];
  /** Pull requests: false when GitHub's list was cut short (over 3,000 files), so paths were judged on part. */
  filesComplete?: boolean;
  /** Pull requests: the issues it closes (closingIssuesReferences), with their labels. */
  closes?: { number: number; labels: string[] }[];
  /** Strategy labels on the item that someone other than the app applied: an explicit choice. */
  personLabels?: string[];
  /** The latest accepted `/strategy` command's choice: problem ids, or "none". */
  command?: string[] | "none";
}

/** Which precedence level decided (docs/contract.md §3). */
export type Level = "explicit" | "linked" | "rules" | "none";

export type ReasonSource =
  | "serves" // a `Serves:` body line
  | "command" // a `/strategy` command
  | "label" // a strategy label a person applied
  | "linked" // an issue the pull request closes
  | "labels"
  | "keywords"
  | "patterns"
  | "paths"
  | "branches"
  | "milestones"
  | "authors";

export interface Reason {
  problem: string;
  source: ReasonSource;
  /** What matched, e.g. the keyword "outage", the path "infra/main.tf (+3 more)", issue "#12". */
  detail: string;
  /** Keywords and patterns: where the match was found (the title is preferred when both have it). */
  where?: "title" | "body";
  /** Keywords and patterns: the text of the item that matched, as written there. */
  matched?: string;
  /** Keywords: the matched word with a few words either side, as written in the title or body. */
  excerpt?: string;
}

export interface Decision {
  /** Problem ids served, in strategy order; empty when unaligned. */
  problems: string[];
  level: Level;
  reasons: Reason[];
  /** Caveats worth telling, e.g. "paths judged on the first 3,000 files". */
  notes: string[];
  /** Level "explicit": which source made the choice (also set for an explicit "none", which has no reasons). */
  decidedBy?: "command" | "serves" | "label";
}
