/**
 * Cutting a search window that holds more than GitHub returns for one query (1,000) into consecutive
 * windows that each fit: halve it as often as its count calls for (and twice more, so uneven months
 * rarely need another round), count the parts (64 a request; a window is cut into at most 256 at once, so
 * a month of 100,000 takes four), cut again any part still too full, then join neighbours back together
 * while they fit, so there are few windows to read.
 */
import { rangeQuery, splitRange, type SearchWindow } from "../tally/range.js";
import type { GitHub } from "./octokit.js";
import { searchCounts } from "./report-counts.js";
import { zip } from "../text/zip.js";

export const SEARCH_LIMIT = 1000;
/** Counts asked per request. */
const COUNTS_PER_REQUEST = 64;
/** Parts one window is cut into at most in one round. */
const MAX_PARTS = 4 * COUNTS_PER_REQUEST;

export interface CountedWindow extends SearchWindow {
  count: number;
}

function halves(window: SearchWindow, count: number, timezone: string): SearchWindow[] {
  const depth = Math.ceil(Math.log2(count / SEARCH_LIMIT)) + 2;
  let parts = [window];
  for (let i = 0; i < depth && parts.length < MAX_PARTS; i++)
    parts = parts.flatMap((p) => splitRange(p.start, p.end, timezone));
  return parts;
}

async function count(
  octokit: GitHub,
  windows: SearchWindow[],
  search: (range: string) => string,
): Promise<CountedWindow[]> {
  const counted: CountedWindow[] = [];
  for (let i = 0; i < windows.length; i += COUNTS_PER_REQUEST) {
    const batch = windows.slice(i, i + COUNTS_PER_REQUEST);
    const counts = await searchCounts(
      octokit,
      batch.map((w) => search(w.range)),
    );
    for (const [w, c] of zip(batch, counts)) {
      if (c.count === null) throw new Error(`GitHub did not count merged pull requests in ${w.range}: ${c.error}`);
      counted.push({ ...w, count: c.count });
    }
  }
  return counted;
}

/**
 * Consecutive windows covering `window` (which holds `total` results), each within the limit except a
 * window of a single second, which cannot be cut (it is read as far as search goes).
 */
export async function fittingWindows(
  octokit: GitHub,
  window: SearchWindow,
  total: number,
  timezone: string,
  search: (range: string) => string,
): Promise<CountedWindow[]> {
  let windows: CountedWindow[] = [{ ...window, count: total }];
  const tooFull = (w: CountedWindow) => w.count > SEARCH_LIMIT && w.end.getTime() - w.start.getTime() > 1000;
  while (windows.some(tooFull)) {
    const cut = windows.map((w) => (tooFull(w) ? halves(w, w.count, timezone) : [w]));
    const counted = await count(octokit, cut.filter((parts) => parts.length > 1).flat(), search);
    windows = cut.flatMap((parts) => (parts.length > 1 ? counted.splice(0, parts.length) : (parts as CountedWindow[])));
  }
  return join(windows, timezone);
}

function join(windows: CountedWindow[], timezone: string): CountedWindow[] {
  const joined: CountedWindow[] = [];
  for (const w of windows) {
    const last = joined.at(-1);
    if (last && last.count + w.count <= SEARCH_LIMIT) {
      joined[joined.length - 1] = {
        start: last.start,
        end: w.end,
        range: rangeQuery(last.start, w.end, timezone),
        count: last.count + w.count,
      };
    } else joined.push(w);
  }
  return joined.filter((w) => w.count > 0);
}
