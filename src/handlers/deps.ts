/**
 * The app state: everything the running app holds, built once when the app starts (`createApp`) and passed
 * down to every handler. Nothing else keeps state between events; a fresh app starts with fresh state.
 * The entry points (server, Action, tests) may supply their own parts.
 */
import type { Identity } from "../github/identity.js";
import type { LabelCache } from "../github/labels.js";
import type { GitHub, RepoRef } from "../github/octokit.js";
import type { PermissionCache } from "../github/permissions.js";
import type { LoadedStrategy, StrategyFiles } from "../github/strategy-file.js";
import type { Guards } from "./guard.js";
import type { ProjectCache } from "./project-sync.js";

export interface ReportRequest {
  octokit: GitHub;
  repo: RepoRef;
  /** "YYYY-MM"; the current month when absent. */
  month?: string;
  strategy: Extract<LoadedStrategy, { status: "ok" }>;
}

export interface Deps {
  /** The app's own identity (bot login and app id), asked once. */
  identity: () => Promise<Identity>;
  /** The current time (a fake clock in tests). */
  now: () => Date;
  /** Post or refresh a month's report (`/strategy report`); says where it is. */
  report?: (request: ReportRequest) => Promise<{ title: string; url?: string } | undefined>;
  /** The strategy in force per repository: a conditional request (a free 304) per event while unchanged. */
  strategies: StrategyFiles;
  /** The labels known to exist per repository. */
  labels: LabelCache;
  /** Who may give commands, remembered for a few minutes. */
  permissions: PermissionCache;
  /** Delivery ids seen, the per-item queues of events under way, and whether the process is stopping. */
  guards: Guards;
  /** Repositories onboarded by this app: search can lag a fresh setup issue by a few seconds. */
  onboarded: Set<string>;
  /** The monthly report job, when this process runs it. */
  schedule?: { stop(): void };
  /**
   * False where the token reads only its own repository (the Action's workflow token): a change to the
   * organisation's strategy is then previewed over the `.github` repository's own work, and says so.
   */
  readsOrganisation?: boolean;
  /** The Project field's id and options per strategy version (`settings.project`); none kept without it. */
  projects: ProjectCache;
}
