/** What handlers need from the running app, passed in so the Action entry and tests can supply their own. */
import type { Identity } from "../github/identity.js";
import type { GitHub, RepoRef } from "../github/octokit.js";
import type { LoadedStrategy } from "../github/strategy-file.js";
import type { DeliveryRecord } from "../redis/deliveries.js";
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
  /** Which webhook deliveries were already taken (this process's own record when absent; Redis with REDIS_URL). */
  deliveries?: DeliveryRecord;
  /** The Project field's id and options per strategy version (`settings.project`); none kept without it. */
  projects?: ProjectCache;
}
