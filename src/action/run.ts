/**
 * The Action's entry: read the run's environment and event (1), then either hand the event to the app
 * exactly as a webhook would arrive (2a) or post the monthly reports (2b). Returns the exit code; a
 * handling failure is a non-zero code with an `::error::` line saying what went wrong.
 */
import { readFile } from "node:fs/promises";
import { ACTION_IDENTITY, actionProbot, logLevelFor, type ActionOptions } from "./app.js";
import { readActionEnv, type Env } from "./env.js";
import { planFor } from "./events.js";
import { postMonthlyReports } from "./reports.js";
import { annotator, type Write } from "./workflow-commands.js";
import { describeFailure } from "./failure.js";
import { publishReport } from "../handlers/report.js";
import { onboardRepository } from "../handlers/onboarding.js";
import type { Deps } from "../handlers/deps.js";
import type { RepoRef } from "../github/octokit.js";
import type { Probot } from "probot";

export interface RunOptions extends ActionOptions {
  /** Where workflow commands and progress lines go (stdout in a run). */
  write?: Write;
}

export async function runAction(environment: Env, options: RunOptions = {}): Promise<number> {
  const say = annotator(options.write ?? ((line) => process.stdout.write(`${line}\n`)));
  // 1. The run's environment and what to do with its event.
  const env = readActionEnv(environment);
  if ("error" in env) {
    say.error(`Throughline cannot start: ${env.error}`);
    return 1;
  }
  const plan = planFor(env.eventName);
  if (plan.kind === "ignored") {
    say.notice(
      `Throughline does nothing on ${env.eventName} events (see the example workflow for the events it handles).`,
    );
    return 0;
  }
  try {
    const { probot, deps } = await actionProbot(env, { logLevel: logLevelFor(environment), ...options });
    const repo = { owner: env.owner, repo: env.repo };
    // 2b. The monthly reports.
    if (plan.kind === "reports") {
      const octokit = await probot.auth();
      const now = options.now?.() ?? new Date();
      const publish = options.publish ?? publishReport;
      const setUpHere = () => setUp(probot, deps, repo, say);
      const failures = await postMonthlyReports({
        octokit,
        strategies: deps.strategies,
        repo,
        now,
        botLogin: ACTION_IDENTITY.login,
        publish,
        say,
        setUp: setUpHere,
      });
      return failures > 0 ? 1 : 0;
    }
    // 2a. The event, as the app receives it from a webhook.
    const payload = await readEvent(env.eventPath);
    await probot.receive({ id: env.deliveryId, name: plan.name, payload } as Parameters<typeof probot.receive>[0]);
    say.info(`Throughline handled the ${env.eventName}${payload.action ? `.${payload.action}` : ""} event.`);
    if (
      plan.name === "push" &&
      !payload.deleted &&
      payload.ref === `refs/heads/${payload.repository?.default_branch}`
    ) {
      await setUp(probot, deps, repo, say);
    }
    return 0;
  } catch (error) {
    say.error(`Throughline could not handle the ${env.eventName} event: ${describeFailure(error)}`);
    return 1;
  }
}

/**
 * The hosted app opens the `Set up Throughline` issue when it is installed; a workflow has no installation
 * event, so a push to the default branch (the one adding the workflow, first) or a scheduled or manual run
 * does it in a repository without a strategy. Once per repository, ever, as in the app.
 */
async function setUp(probot: Probot, deps: Deps, repo: RepoRef, say: ReturnType<typeof annotator>): Promise<void> {
  const octokit = await probot.auth();
  const opened = await onboardRepository(octokit, repo, deps);
  if (opened !== undefined) {
    say.notice(
      `${repo.owner}/${repo.repo} has no strategy file: opened issue #${opened}, "Set up Throughline", with a starter.`,
    );
  }
}

/** A repository event's payload: what the run looks at itself, the rest handed to the app as it is. */
interface EventPayload {
  repository: { default_branch?: string };
  action?: string;
  ref?: string;
  deleted?: boolean;
  [field: string]: unknown;
}

async function readEvent(path: string): Promise<EventPayload> {
  const payload: unknown = JSON.parse(await readFile(path, "utf8"));
  if (typeof payload !== "object" || payload === null || !("repository" in payload)) {
    throw new Error(`${path} does not hold a repository event`);
  }
  return payload as EventPayload;
}
