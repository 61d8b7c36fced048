/**
 * The monthly report job across installations. The app starts it once (not in tests): every hour it
 * posts the reports whose schedules fired since the previous hour, and on start-up it posts a report
 * missed while the app was down.
 */
import { Cron } from "croner";
import type { Probot } from "probot";
import { runDueReports, type RunParams } from "./run.js";

export { runDueReports, type RunOutcome, type RunParams, type LoadForSchedule } from "./run.js";
export { dueMonth, lastDueMonth } from "./due.js";

export interface ScheduleOptions {
  app: Probot;
  /** The clock (a fake one in tests). */
  now?: () => Date;
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
 * Whether the app should start the job: not under a test runner, and not when THROUGHLINE_SCHEDULE=off
 * (e.g. a second replica, or Action mode, where the workflow's own `schedule` posts reports).
 */
export function scheduleEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV !== "test" && !env.VITEST && env.THROUGHLINE_SCHEDULE?.toLowerCase() !== "off";
}

export function startSchedule({ app, now = () => new Date(), cron = "0 * * * *", load, publish }: ScheduleOptions): Schedule {
  let since: Date | null = null;
  // Repositories whose report failed are caught up in the next pass (posted if still missing).
  let failed = new Set<string>();
  let running: Promise<void> = Promise.resolve();

  // Passes never overlap: a pass that outlives the hour delays the next, which then covers both hours.
  const pass = () => {
    running = running.then(async () => {
      const at = now();
      try {
        const outcomes = await runDueReports({ app, now: at, since, catchUp: failed, load, publish });
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
