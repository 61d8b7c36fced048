/**
 * Time-zone arithmetic on top of Intl alone: the offset a zone has at an instant and the instant of a local
 * wall-clock time. No date library; DST handled.
 */
const MINUTE = 60_000;
const DAY = 86_400_000;

// Building a DateTimeFormat is costly and months are computed often (every pull-request comment).
const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timezone: string): Intl.DateTimeFormat {
  let format = formats.get(timezone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat("en-US", {
        timeZone: timezone,
        hourCycle: "h23",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
      });
    } catch {
      throw new RangeError(`unknown time zone "${timezone}"`);
    }
    formats.set(timezone, format);
  }
  return format;
}

export interface WallClock {
  year: number;
  month: number; // 1..12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The local wall-clock reading in `timezone` at `instant` (milliseconds since the epoch). */
export function wallClock(instant: number, timezone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatFor(timezone).formatToParts(new Date(instant))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const part = (type: Intl.DateTimeFormatPartTypes): number => {
    const value = parts[type];
    if (value === undefined) throw new Error(`the clock of ${timezone} gives no ${type}`);
    return value;
  };
  return {
    year: part("year"),
    month: part("month"),
    day: part("day"),
    hour: part("hour"),
    minute: part("minute"),
    second: part("second"),
  };
}

const wallAsUtc = (w: WallClock) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);

/** The zone's offset from UTC at `instant`, in whole minutes (east positive). */
export function offsetMinutes(instant: number, timezone: string): number {
  const flooredToSecond = Math.floor(instant / 1000) * 1000;
  return Math.round((wallAsUtc(wallClock(flooredToSecond, timezone)) - flooredToSecond) / MINUTE);
}

/**
 * The instant at which the wall clock in `timezone` reads `wall`. Like Temporal's "compatible" choice: a time
 * that occurs twice (clocks turned back) is its earlier occurrence; a time skipped (clocks turned forward)
 * is moved forward by the gap, so the start of a day whose midnight does not exist is the transition itself.
 */
export function instantOf(wall: WallClock, timezone: string): number {
  const local = wallAsUtc(wall);
  // Any transition near `wall` is bracketed by the offsets a day either side of it.
  const before = offsetMinutes(local - DAY, timezone);
  const after = offsetMinutes(local + DAY, timezone);
  const candidates = [before, after]
    .map((offset) => local - offset * MINUTE)
    .filter((instant) => wallAsUtc(wallClock(instant, timezone)) === local)
    .sort((a, b) => a - b);
  return candidates[0] ?? local - before * MINUTE;
}
