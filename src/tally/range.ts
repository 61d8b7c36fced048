/**
 * GitHub search ranges for a window of time. GitHub's ranges are inclusive at both ends with second
 * precision, so a window [start, end) is written as start..(end - 1s).
 */
import { isUtc, isoWithOffset, localDate } from "./zone-format.js";

const SECOND = 1000;

export interface SearchWindow {
  start: Date;
  /** Exclusive. */
  end: Date;
  /** The window as a search range, e.g. "2026-10-01T00:00:00+02:00..2026-10-15T23:59:59+02:00". */
  range: string;
}

const atMidnightUtc = (d: Date) => d.getTime() % 86_400_000 === 0;

/**
 * The window [start, end) as a search range: plain dates in UTC when it spans whole UTC days (the form
 * the contract shows, docs/contract.md §5), ISO timestamps with the zone's offset otherwise.
 */
export function rangeQuery(start: Date, end: Date, timezone: string): string {
  const last = end.getTime() - SECOND;
  if (isUtc(timezone) && atMidnightUtc(start) && atMidnightUtc(end)) {
    return `${localDate(start.getTime(), "UTC")}..${localDate(last, "UTC")}`;
  }
  return `${isoWithOffset(start.getTime(), timezone)}..${isoWithOffset(last, timezone)}`;
}

/**
 * Halves of [start, end), for searches whose results exceed what GitHub returns for one query (1,000).
 * The cut falls on a whole second so no item is in both halves or in neither. A window of one second
 * or less cannot be cut and comes back whole.
 */
export function splitRange(start: Date, end: Date, timezone: string): SearchWindow[] {
  const seconds = Math.floor((end.getTime() - start.getTime()) / SECOND);
  const windows: [Date, Date][] =
    seconds <= 1
      ? [[start, end]]
      : [
          [start, new Date(start.getTime() + Math.floor(seconds / 2) * SECOND)],
          [new Date(start.getTime() + Math.floor(seconds / 2) * SECOND), end],
        ];
  return windows.map(([s, e]) => ({ start: s, end: e, range: rangeQuery(s, e, timezone) }));
}
