/** ISO 8601 weeks: the unit of author-weeks. */
import { type WallClock, wallClock } from "./zone.js";

/** "2026-W23": the ISO week that the instant falls in, read as a date in `timezone`; null for a bad date. */
export function isoWeek(iso: string, timezone = "UTC"): string | null {
  const instant = Date.parse(iso);
  if (!Number.isFinite(instant)) return null;
  let w: WallClock;
  try {
    w = wallClock(instant, timezone);
  } catch {
    w = wallClock(instant, "UTC");
  }
  const date = new Date(Date.UTC(w.year, w.month - 1, w.day));
  // The Thursday of this week decides its year (ISO 8601).
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

const QUARTER_HOUR = 900_000;

/**
 * `isoWeek` in one time zone for many instants, remembered per quarter hour: every zone's offset, and every
 * change of it, falls on a quarter hour, so all the instants of one quarter hour share a local date.
 */
export function isoWeekIn(timezone: string): (iso: string) => string | null {
  const known = new Map<number, string | null>();
  return (iso) => {
    const instant = Date.parse(iso);
    if (!Number.isFinite(instant)) return null;
    const quarter = Math.floor(instant / QUARTER_HOUR);
    let week = known.get(quarter);
    if (week === undefined) {
      week = isoWeek(iso, timezone);
      known.set(quarter, week);
    }
    return week;
  };
}
