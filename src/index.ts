/**
 * Throughline: wires GitHub events to handlers. Each handler reads what it needs from GitHub, decides in
 * pure code, then writes back only what changes.
 */
import type { ApplicationFunctionOptions, Context, Probot } from "probot";
import { identityOf } from "./github/identity.js";
import { handleCommand } from "./handlers/command.js";
import type { Deps } from "./handlers/deps.js";
import { guarded } from "./handlers/guard.js";
import { handleIssue } from "./handlers/issue.js";
import { handlePullRequest } from "./handlers/pull-request.js";
import { handleInstallation } from "./handlers/onboarding.js";
import { handleProjectItem, PROJECT_ITEM_ACTIONS } from "./handlers/project-item.js";
import { createProjectCache } from "./handlers/project-sync.js";
import { handlePush } from "./handlers/push.js";
import { reportOnCommand } from "./handlers/report-command.js";
import { scheduleEnabled, startSchedule } from "./schedule/index.js";
import { healthRoute } from "./server/health.js";
import type { Shared } from "./redis/shared.js";

export const ISSUE_ACTIONS = ["opened", "edited", "reopened", "labeled", "unlabeled", "milestoned", "demilestoned"] as const;
export const PULL_REQUEST_ACTIONS = [
  "opened", "edited", "reopened", "synchronize", "ready_for_review", "labeled", "unlabeled", "milestoned", "demilestoned", "closed",
] as const;

/** One item at a time: events for the same issue or pull request never interleave in this process. */
const itemKey = (context: Context & { payload: { issue?: { number: number }; pull_request?: { number: number } } }) => {
  const { owner, repo } = context.repo();
  return `${owner}/${repo}#${context.payload.issue?.number ?? context.payload.pull_request?.number}`;
};

export interface AppOptions {
  /** Run the monthly report schedule in this process (default: unless under test or THROUGHLINE_SCHEDULE=off). */
  schedule?: boolean;
  /** What the deployment's processes share through Redis (REDIS_URL): /health reports on it, the monthly job runs on it. */
  shared?: Shared;
}

export function createApp(overrides: Partial<Deps> = {}, options: AppOptions = {}) {
  return function throughline(app: Probot, server?: Partial<ApplicationFunctionOptions>): void {
    options.shared?.useLog(app.log.child({ name: "redis" }));
    addHealthRoute(server, options);
    const base = { identity: () => identityOf(app), now: () => new Date(), projects: createProjectCache(), ...overrides };
    const deps: Deps = { report: reportOnCommand(base), ...base };
    app.on(ISSUE_ACTIONS.map((a) => `issues.${a}` as const), guarded(deps, itemKey, (c) => handleIssue(c, deps)));
    app.on(PULL_REQUEST_ACTIONS.map((a) => `pull_request.${a}` as const), guarded(deps, itemKey, (c) => handlePullRequest(c, deps)));
    app.on("issue_comment.created", guarded(deps, itemKey, (c) => handleCommand(c, deps)));
    app.on(
      PROJECT_ITEM_ACTIONS.map((a) => `projects_v2_item.${a}` as const),
      guarded(deps, (c) => `project-item:${c.payload.projects_v2_item.node_id}`, (c) => handleProjectItem(c, deps)),
    );
    app.on("push", guarded(deps, (c) => `${c.repo().owner}/${c.repo().repo}:push`, (c) => handlePush(c, deps)));
    app.on(
      ["installation.created", "installation_repositories.added"],
      guarded(deps, (c) => `installation:${c.payload.installation.id}`, (c) => handleInstallation(c, deps)),
    );
    // The monthly reports (not under test, nor where THROUGHLINE_SCHEDULE=off): on the queue in Redis shared
    // by every process when there is one, else in this process.
    if (options.schedule ?? scheduleEnabled()) {
      const shared = options.shared;
      if (shared) shared.runMonthlyJobs(app, deps.now);
      else startSchedule({ app, now: deps.now });
    }
  };
}

/** GET /health when running in Probot's server; loaded elsewhere (tests, the Action) there is no server. */
function addHealthRoute(server: Partial<ApplicationFunctionOptions> | undefined, options: AppOptions): void {
  try {
    server?.addHandler?.(healthRoute({ redis: options.shared?.redis }));
  } catch {
    // "No server instance": nothing to route.
  }
}

export default createApp();
