/**
 * When a repository's monthly report is due, from its `settings.report.schedule` (cron) read in its
 * time zone. Each firing posts the report of the month before the one it fires in: "0 9 1 * *" in
 * Europe/Paris posts October's report at 09:00 Paris time on 1 November. Pure: the clock is a parameter.
 */
import { Cron } from "croner";
import { monthOf, previousMonth } from "../tally/period.js";

const cronFor = (schedule: string, timezone: string) => new Cron(schedule, { timezone, paused: true });

/**
 * The month whose report the schedule called for in (since, now], or null when it did not fire. When it
 * fired more than once (an unusual schedule, or a long gap), the latest firing counts.
 */
export function dueMonth(schedule: string, timezone: string, since: Date, now: Date): string | null {
  const cron = cronFor(schedule, timezone);
  let fired = cron.nextRun(since);
  if (!fired || fired > now) return null;
  for (let next = cron.nextRun(fired); next && next <= now; next = cron.nextRun(fired)) fired = next;
  return previousMonth(monthOf(fired, timezone));
}

/**
 * The month whose report the latest firing up to `now` called for, or null when the schedule never
 * fired: on start-up, a report missed while the app was down is posted late rather than never.
 */
export function lastDueMonth(schedule: string, timezone: string, now: Date): string | null {
  // previousRuns looks strictly before its reference, to the second: a firing at exactly `now` has happened.
  const [fired] = cronFor(schedule, timezone).previousRuns(1, new Date(now.getTime() + 1000));
  return fired ? previousMonth(monthOf(fired, timezone)) : null;
}
