/** Writing instants as a zone reads them: ISO timestamps with offset and local dates; recognising UTC. */
import { offsetMinutes, wallClock } from "./zone.js";

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, "0");

/** "+02:00", "-05:00", "+13:45". */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  return `${sign}${pad(Math.trunc(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/** "2026-10-01T00:00:00+02:00": the instant as read in `timezone`, to the second. */
export function isoWithOffset(instant: number, timezone: string): string {
  const w = wallClock(instant, timezone);
  const date = `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
  const time = `${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
  return `${date}T${time}${formatOffset(offsetMinutes(instant, timezone))}`;
}

/** "2026-10-01": the local date at `instant` in `timezone`. */
export function localDate(instant: number, timezone: string): string {
  const w = wallClock(instant, timezone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

// Names that denote UTC itself; their months are searched with plain dates, as the spec shows.
const UTC_NAMES = new Set(
  ["UTC", "UCT", "GMT", "GMT0", "GMT+0", "GMT-0", "Universal", "Zulu", "Greenwich"].flatMap((n) => [n, `Etc/${n}`]),
);

/** True for UTC and its aliases (Etc/UTC, GMT, Zulu...), compared case-insensitively. */
export function isUtc(timezone: string): boolean {
  const wanted = timezone.toLowerCase();
  for (const name of UTC_NAMES) if (name.toLowerCase() === wanted) return true;
  return false;
}
