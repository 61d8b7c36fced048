/** What publishing a month's report takes and tells: shared by the repository and the organisation report. */
import type { RepoFile } from "../github/strategy-source.js";
import type { GitHub } from "../github/octokit.js";
import type { Strategy } from "../strategy/schema.js";

export interface PublishParams {
  octokit: GitHub;
  owner: string;
  repo: string;
  /** "YYYY-MM", read in the strategy's report time zone. */
  month: string;
  /**
   * A strategy that loaded successfully: the rules, the commit of the file in force when known, and where
   * the file is (its recent versions are then read, which also names the commit).
   */
  loaded: {
    strategy: Strategy;
    commit: string | null;
    source?: Pick<RepoFile, "owner" | "repo" | "path"> & { text?: string };
  };
  /** The app's own login (`<slug>[bot]`): only reports it wrote are ever updated. */
  botLogin: string;
  /** false: build and render only (dry run). */
  post: boolean;
  /** true: do nothing when the app's report for the month already exists and was written after the month ended (a late catch-up). */
  ifMissing?: boolean;
  now?: Date;
  /**
   * The owner's `.github` repository's report is the organisation report (docs/contract.md §10), unless this
   * is false: where the token cannot read the other repositories (the GitHub Action), it is that
   * repository's own, and `notice` says why.
   */
  organisation?: boolean;
  /** Said at the report's top, e.g. why it covers less than it might. */
  notice?: string;
}

export interface Published {
  title: string;
  body: string;
  url?: string;
  action: "created" | "updated" | "unchanged" | "dry-run" | "skipped";
}
