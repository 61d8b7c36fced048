/** Calendar months in a time zone: the report's and the comment's "month so far" windows. */
import type { Period } from "./report-model.js";
import { instantOf, wallClock } from "./zone.js";
import { rangeQuery } from "./range.js";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

export interface MonthWindow extends Period {
  /** The first instant of the month in the zone. */
  start: Date;
  /** The first instant of the next month (exclusive end). */
  end: Date;
  /** The month as a GitHub search range, e.g. "2026-10-01..2026-10-31" in UTC. */
  searchRange: string;
}

function parseKey(key: string): { year: number; month: number } {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  if (!m) throw new RangeError(`expected a month as YYYY-MM, got "${key}"`);
  return { year: Number(m[1]), month: Number(m[2]) };
}

const keyOf = (year: number, month: number) => `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;

/** True for "YYYY-MM" with a real month. */
export function isMonthKey(key: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(key);
}

export function previousMonth(key: string): string {
  const { year, month } = parseKey(key);
  return month === 1 ? keyOf(year - 1, 12) : keyOf(year, month - 1);
}

export function nextMonth(key: string): string {
  const { year, month } = parseKey(key);
  return month === 12 ? keyOf(year + 1, 1) : keyOf(year, month + 1);
}

/** "October 2026". */
export function monthTitle(key: string): string {
  const { year, month } = parseKey(key);
  return `${MONTHS[month - 1]} ${year}`;
}

/** The month ("YYYY-MM") that `date` falls in, read in `timezone`. */
export function monthOf(date: Date, timezone: string): string {
  const w = wallClock(date.getTime(), timezone);
  return keyOf(w.year, w.month);
}

const startOf = (key: string, timezone: string) => {
  const { year, month } = parseKey(key);
  return instantOf({ year, month, day: 1, hour: 0, minute: 0, second: 0 }, timezone);
};

/** The month `key` in `timezone`: its days, instants and search range. */
export function monthPeriod(key: string, timezone: string): MonthWindow {
  const { year, month } = parseKey(key);
  const start = new Date(startOf(key, timezone));
  const end = new Date(startOf(nextMonth(key), timezone));
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return {
    key,
    title: monthTitle(key),
    from: `${key}-01`,
    to: `${key}-${String(lastDay).padStart(2, "0")}`,
    timezone,
    start,
    end,
    searchRange: rangeQuery(start, end, timezone),
  };
}
