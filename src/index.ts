/**
 * Throughline: wires GitHub events to handlers. Each handler reads what it needs from GitHub, decides in
 * pure code, then writes back only what changes.
 */
import type { ApplicationFunctionOptions, Context, Probot } from "probot";
import { askIdentity } from "./github/identity.js";
import { LabelCache } from "./github/labels.js";
import { PermissionCache } from "./github/permissions.js";
import { StrategyFiles } from "./github/strategy-file.js";
import { handleCommand } from "./handlers/command.js";
import type { Deps } from "./handlers/deps.js";
import { type AnyContext, Guards } from "./handlers/guard.js";
import { handleIssue } from "./handlers/issue.js";
import { handlePullRequest } from "./handlers/pull-request.js";
import { handleInstallation } from "./handlers/onboarding.js";
import { handleProjectItem, PROJECT_ITEM_ACTIONS } from "./handlers/project-item.js";
import { createProjectCache } from "./handlers/project-sync.js";
import { handlePush } from "./handlers/push.js";
import { reportOnCommand } from "./handlers/report-command.js";
import { scheduleEnabled, scheduleLoader, startSchedule } from "./schedule/index.js";
import { healthRoute } from "./handlers/health.js";
import type { Shared } from "./redis/shared.js";

export const ISSUE_ACTIONS = [
  "opened",
  "edited",
  "reopened",
  "labeled",
  "unlabeled",
  "milestoned",
  "demilestoned",
] as const;
export const PULL_REQUEST_ACTIONS = [
  "opened",
  "edited",
  "reopened",
  "synchronize",
  "ready_for_review",
  "labeled",
  "unlabeled",
  "milestoned",
  "demilestoned",
  "closed",
] as const;

/** One item at a time: events for the same issue or pull request never interleave in this process. */
const itemKey = (context: Context & { payload: { issue?: { number: number }; pull_request?: { number: number } } }) => {
  const { owner, repo } = context.repo();
  return `${owner}/${repo}#${context.payload.issue?.number ?? context.payload.pull_request?.number}`;
};

export interface AppOptions {
  /**
   * Run the monthly report job in this process. Off unless asked for: the server turns it on (unless
   * THROUGHLINE_SCHEDULE=off, e.g. on all replicas but one); the Action's workflow has its own schedule.
   */
  schedule?: boolean;
  /** What the deployment's processes share through Redis (REDIS_URL): /health reports on it, the monthly job runs on it. */
  shared?: Shared;
  /** Settings of the monthly job's worker in this process (concurrency, slots per installation). */
  monthly?: Parameters<Shared["runMonthlyJobs"]>[2];
}

/** The app state, fresh for each app: caches, guards and identity; `overrides` supplies parts of it. */
export function createDeps(app: Probot, overrides: Partial<Deps> = {}): Deps {
  const base = {
    identity: askIdentity(app),
    now: () => new Date(),
    strategies: new StrategyFiles(),
    labels: new LabelCache(),
    permissions: new PermissionCache(),
    guards: new Guards(),
    onboarded: new Set<string>(),
    projects: createProjectCache(),
    ...overrides,
  };
  return { report: reportOnCommand(base), ...base };
}

export function createApp(overrides: Partial<Deps> = {}, options: AppOptions = {}) {
  return function throughline(app: Probot, server?: Partial<ApplicationFunctionOptions>): void {
    options.shared?.useLog(app.log.child({ name: "redis" }));
    const deps = createDeps(app, overrides);
    addHealthRoute(server, deps.guards, options);
    const guarded = <C extends AnyContext>(key: (context: C) => string, handler: (context: C) => Promise<void>) =>
      deps.guards.wrap(deps.identity, key, handler);
    app.on(
      ISSUE_ACTIONS.map((a) => `issues.${a}` as const),
      guarded(itemKey, (c) => handleIssue(c, deps)),
    );
    app.on(
      PULL_REQUEST_ACTIONS.map((a) => `pull_request.${a}` as const),
      guarded(itemKey, (c) => handlePullRequest(c, deps)),
    );
    app.on(
      "issue_comment.created",
      guarded(itemKey, (c) => handleCommand(c, deps)),
    );
    app.on(
      PROJECT_ITEM_ACTIONS.map((a) => `projects_v2_item.${a}` as const),
      guarded(
        (c) => `project-item:${c.payload.projects_v2_item.node_id}`,
        (c) => handleProjectItem(c, deps),
      ),
    );
    app.on(
      "push",
      guarded(
        (c) => `${c.repo().owner}/${c.repo().repo}:push`,
        (c) => handlePush(c, deps),
      ),
    );
    app.on(
      ["installation.created", "installation_repositories.added"],
      guarded(
        (c) => `installation:${c.payload.installation.id}`,
        (c) => handleInstallation(c, deps),
      ),
    );
    // The monthly reports, when asked for: on the queue in Redis shared by every process when there is one,
    // else in this process.
    if (options.schedule) {
      const shared = options.shared;
      if (shared) {
        const jobs = shared.runMonthlyJobs(app, deps.now, {
          identity: deps.identity,
          load: scheduleLoader(deps.strategies),
          ...options.monthly,
        });
        deps.schedule = { stop: () => void jobs.close() };
      } else deps.schedule = startSchedule({ app, deps });
    }
  };
}

/** GET /health when running in Probot's server; loaded elsewhere (tests, the Action) there is no server. */
function addHealthRoute(
  server: Partial<ApplicationFunctionOptions> | undefined,
  guards: Guards,
  options: AppOptions,
): void {
  try {
    server?.addHandler?.(healthRoute({ guards, redis: options.shared?.redis }));
  } catch {
    // "No server instance": nothing to route.
  }
}

/** For `probot run ./lib/index.js`: the app with its monthly report job, unless THROUGHLINE_SCHEDULE=off. */
export default createApp({}, { schedule: scheduleEnabled(process.env) });
