/**
 * The app as a workflow step: a Probot instance authenticated with the workflow's token instead of app
 * credentials, acting as `github-actions[bot]` (the identity GitHub gives that token), so the app knows
 * its own labels, comments and reports without asking GET /app, which a workflow token may not call.
 */
import { Probot, type ProbotOctokit } from "probot";
import { throughlineOctokit } from "../github/client.js";
import { createApp, createDeps } from "../index.js";
import type { Identity } from "../github/identity.js";
import { publishReport } from "../handlers/report.js";
import type { Deps, ReportRequest } from "../handlers/deps.js";
import { monthOf } from "../tally/index.js";
import type { ActionEnv } from "./env.js";
import { actionScope } from "./organisation.js";

export const ACTION_IDENTITY: Identity = { login: "github-actions[bot]", appId: 15368 };

type LogLevel = "trace" | "debug" | "info" | "warn" | "error" | "fatal";

export interface ActionOptions {
  /** The client class (tests turn retries and throttling off). */
  Octokit?: typeof ProbotOctokit;
  now?: () => Date;
  publish?: typeof publishReport;
  logLevel?: LogLevel;
}

/**
 * Probot's own log is quiet unless the run has debug logging on: the app speaks through workflow
 * commands, and Probot's error log would repeat the whole event payload for every failure.
 */
export function logLevelFor(env: Record<string, string | undefined>): LogLevel {
  return env.RUNNER_DEBUG === "1" ? "debug" : "fatal";
}

/** The Probot instance and the app state it runs with (the monthly reports and the setup issue use it too). */
export async function actionProbot(
  env: ActionEnv,
  options: ActionOptions = {},
): Promise<{ probot: Probot; deps: Deps }> {
  const now = options.now ?? (() => new Date());
  const publish = options.publish ?? publishReport;
  const probot = new Probot({
    githubToken: env.token,
    baseUrl: env.apiUrl,
    Octokit: options.Octokit ?? throughlineOctokit(),
    logLevel: options.logLevel ?? "fatal",
  });
  // `/strategy report [YYYY-MM]` posts or refreshes that month's report right away.
  const report = async ({ octokit, repo, month, strategy }: ReportRequest) => {
    const key = month ?? monthOf(now(), strategy.strategy.settings.report.timezone);
    return publish({
      octokit,
      ...repo,
      month: key,
      loaded: strategy,
      botLogin: ACTION_IDENTITY.login,
      post: true,
      now: now(),
      ...actionScope(repo.repo),
    });
  };
  // One run handles one event: the long-running monthly schedule of the hosted app is the workflow's cron here.
  const deps = createDeps(probot, { identity: async () => ACTION_IDENTITY, now, report, readsOrganisation: false });
  await probot.load(createApp(deps, { schedule: false }));
  return { probot, deps };
}
