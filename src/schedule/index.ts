/**
 * The monthly report job across installations. The server starts it once: every hour it
 * posts the reports whose schedules fired since the previous hour, and on start-up it posts a report
 * missed while the app was down.
 */
import { Cron } from "croner";
import type { Probot } from "probot";
import type { Deps } from "../handlers/deps.js";
import { runDueReports, type RunParams, scheduleLoader } from "./run.js";

export { runDueReports, type RunParams, type LoadForSchedule, scheduleLoader } from "./run.js";

export interface ScheduleOptions {
  app: Probot;
  /** The app state: its clock, identity and strategy files. */
  deps: Pick<Deps, "now" | "identity" | "strategies">;
  /** When passes run; every hour by default, so schedules are honoured to the hour. */
  cron?: string;
  /** Passed on to each pass (tests). */
  load?: RunParams["load"];
  publish?: RunParams["publish"];
}

export interface Schedule {
  /** Stops the job; a pass under way finishes. */
  stop(): void;
  /** Resolves when the start-up pass is over. */
  started: Promise<void>;
  /** Runs a pass now, as the timer would. */
  tick(): Promise<void>;
}

/**
 * Whether the server should start the job: unless THROUGHLINE_SCHEDULE=off (e.g. on all replicas but one).
 * Action mode never starts it: the workflow's own `schedule` posts reports.
 */
export function scheduleEnabled(env: NodeJS.ProcessEnv): boolean {
  return env.THROUGHLINE_SCHEDULE?.toLowerCase() !== "off";
}

export function startSchedule({
  app,
  deps,
  cron = "0 * * * *",
  load = scheduleLoader(deps.strategies),
  publish,
}: ScheduleOptions): Schedule {
  const { now, identity } = deps;
  let since: Date | null = null;
  // Repositories whose report failed are caught up in the next pass (posted if still missing).
  let failed = new Set<string>();
  let running: Promise<void> = Promise.resolve();

  // Passes never overlap: a pass that outlives the hour delays the next, which then covers both hours.
  const pass = () => {
    running = running.then(async () => {
      const at = now();
      try {
        const outcomes = await runDueReports({ app, identity, now: at, since, catchUp: failed, load, publish });
        failed = new Set(outcomes.filter((o) => o.error).map((o) => o.repo));
        since = at;
      } catch (error) {
        // Nothing was checked (GitHub unreachable, say): the next pass covers this one's time too.
        app.log.error({ err: error }, "Monthly reports: the pass failed");
      }
    });
    return running;
  };

  const job = new Cron(cron, { unref: true }, () => {
    void pass();
  });
  const started = pass();
  return { stop: () => job.stop(), started, tick: pass };
}
