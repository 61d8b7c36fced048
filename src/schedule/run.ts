/**
 * One pass of the monthly job: for every repository the app can reach, with a valid strategy whose
 * schedule fired since the last pass, post (or refresh) the previous month's report. With no last pass
 * (start-up), post the latest month the schedule called for if the app's report for it is missing.
 * A failure in one repository or installation is logged and the others go on.
 */
import type { Probot } from "probot";
import { askIdentity, type Identity } from "../github/identity.js";
import type { GitHub, RepoRef } from "../github/octokit.js";
import { StrategyFiles } from "../github/strategy-file.js";
import { publishReport, type Published, type PublishParams } from "../handlers/report.js";
import type { Strategy } from "../strategy/schema.js";
import { inForceDuring } from "../strategy/in-force.js";
import { monthPeriod } from "../tally/index.js";
import { dueMonth, lastDueMonth } from "./due.js";
import { installations } from "./installations.js";

/** What a pass needs of a repository's strategy: only a valid one has a schedule. */
export type LoadForSchedule = (
  octokit: GitHub,
  repo: RepoRef,
  now: number,
) => Promise<{ status: "ok"; strategy: Strategy; commit: string | null } | { status: string }>;

export interface RunParams {
  app: Probot;
  /** The app's identity (the app state's); asked of GitHub when not given. */
  identity?: () => Promise<Identity>;
  now: Date;
  /** The previous pass's time; null on start-up (catch up on a missed report). */
  since: Date | null;
  /** Repositories ("owner/repo") to catch up like on start-up, e.g. those that failed in the previous pass. */
  catchUp?: ReadonlySet<string>;
  /** Every repository is caught up as on start-up (the queued job: a report's job is queued once anyway). */
  catchUpAll?: boolean;
  /** Repositories this pass already went through (a pass taken over from a process that died resumes). */
  checked?: { has(name: string): Promise<boolean>; add(name: string): Promise<void> };
  /** How a repository's strategy is read: `scheduleLoader` of the app state's strategy files, or a test's. */
  load?: LoadForSchedule;
  publish?: (params: PublishParams) => Promise<Published>;
}

export interface RunOutcome {
  repo: string;
  month?: string;
  action?: Published["action"];
  url?: string;
  error?: string;
}

/**
 * The hourly pass looks at every repository the app can reach: one that has no strategy is searched again
 * only every few hours, not every pass (a push that adds one is seen at once by the replica it reaches).
 */
const SCHEDULE_LOOKUP_TTL_MS = 6 * 60 * 60 * 1000;
export function scheduleLoader(strategies: StrategyFiles): LoadForSchedule {
  return (octokit, repo, now) => strategies.load(octokit, repo, now, { lookupTtlMs: SCHEDULE_LOOKUP_TTL_MS });
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A report the schedule calls for: which repository, which month, and the strategy it is judged by. */
export interface DueReport {
  installationId: number;
  octokit: GitHub;
  owner: string;
  repo: string;
  month: string;
  /** A late catch-up (the firing was before the window): posted only when the app's report is missing. */
  ifMissing: boolean;
  loaded: PublishParams["loaded"];
}

export type DueOrFailed = { due: DueReport } | { failed: RunOutcome };

/**
 * The reports due now, repository by repository (lazily, so a caller can act on each as it comes): the
 * reading part of a pass. A repository or installation that cannot be read comes as a failure.
 */
export async function* dueReports(params: Omit<RunParams, "publish">): AsyncGenerator<DueOrFailed> {
  const { app, checked } = params;
  const load = params.load ?? scheduleLoader(new StrategyFiles());
  for await (const installation of installations(app)) {
    let reachable: Awaited<ReturnType<typeof installation.repositories>>;
    try {
      reachable = await installation.repositories();
    } catch (error) {
      app.log.error(
        { err: error, installation: installation.id },
        `Monthly reports: could not list the repositories of ${installation.account}`,
      );
      yield { failed: { repo: `${installation.account}/*`, error: message(error) } };
      continue;
    }
    for (const ref of reachable.repositories) {
      const name = `${ref.owner}/${ref.repo}`;
      if (await checked?.has(name)) continue;
      const next = await decide(params, reachable, ref, load);
      if (next) yield next;
      // Marked once queued (or found not due), so a pass taken over goes on from there.
      if (!next || "due" in next) await checked?.add(name);
    }
  }
}

/** Whether a repository's report is due now, and for which month; null when it is not. */
async function decide(
  params: Omit<RunParams, "publish">,
  reachable: { installationId: number; octokit: GitHub },
  ref: RepoRef,
  load: LoadForSchedule,
): Promise<DueOrFailed | null> {
  const { app, now, since, catchUp, catchUpAll } = params;
  const name = `${ref.owner}/${ref.repo}`;
  try {
    const loaded = await load(reachable.octokit, ref, now.getTime());
    if (loaded.status !== "ok" || !("strategy" in loaded)) return null;
    const { schedule, timezone } = loaded.strategy.settings.report;
    const scheduled = since ? dueMonth(schedule, timezone, since, now) : null;
    const late =
      !scheduled && (!since || catchUpAll || catchUp?.has(name) || catchUp?.has(`${ref.owner}/*`))
        ? lastDueMonth(schedule, timezone, now)
        : null;
    const month = scheduled ?? late;
    if (!month) return null;
    // A draft or retired strategy, or a month outside its dates, gets no scheduled report.
    const period = monthPeriod(month, timezone);
    if (!inForceDuring(loaded.strategy, period.from, period.to)) return null;
    // Where the file is (the report reads its recent versions); plain data, so a queued job can carry it.
    // The text too: the organisation's report (the owner's .github repository) reads its scope from it.
    const found = (loaded as { source?: PublishParams["loaded"]["source"] & { text?: string } }).source;
    const source = found
      ? {
          owner: found.owner,
          repo: found.repo,
          path: found.path,
          ...(typeof found.text === "string" ? { text: found.text } : {}),
        }
      : undefined;
    return {
      due: {
        installationId: reachable.installationId,
        octokit: reachable.octokit,
        ...ref,
        month,
        ifMissing: !scheduled,
        loaded: { strategy: loaded.strategy, commit: loaded.commit, ...(source ? { source } : {}) },
      },
    };
  } catch (error) {
    app.log.error({ err: error, repo: name }, `Monthly report for ${name} failed`);
    return { failed: { repo: name, error: message(error) } };
  }
}

/** Posts one due report; logged either way. */
export async function publishDue(
  app: Probot,
  due: DueReport,
  botLogin: string,
  now: Date,
  publish = publishReport,
): Promise<RunOutcome> {
  const name = `${due.owner}/${due.repo}`;
  const { octokit, owner, repo, month, loaded, ifMissing } = due;
  const result = await publish({ octokit, owner, repo, month, loaded, botLogin, post: true, ifMissing, now });
  app.log.info(
    { repo: name, month, action: result.action, url: result.url },
    `Monthly report for ${name}, ${month}: ${result.action}`,
  );
  return { repo: name, month, action: result.action, url: result.url };
}

/** One pass in this process: every due report posted in turn. */
export async function runDueReports(params: RunParams): Promise<RunOutcome[]> {
  const { app, now, publish = publishReport } = params;
  const outcomes: RunOutcome[] = [];
  const botLogin = (await (params.identity ?? askIdentity(app))()).login;
  for await (const next of dueReports(params)) {
    if ("failed" in next) {
      outcomes.push(next.failed);
      continue;
    }
    try {
      outcomes.push(await publishDue(app, next.due, botLogin, now, publish));
    } catch (error) {
      const name = `${next.due.owner}/${next.due.repo}`;
      app.log.error({ err: error, repo: name }, `Monthly report for ${name} failed`);
      outcomes.push({ repo: name, error: message(error) });
    }
  }
  return outcomes;
}
