/**
 * Pull requests merged into the default branch in a window of time, yielded request by request so the
 * tally can stream them and memory stays flat however long the history. GitHub search returns at most
 * 1,000 results per query: a window holding more is cut into windows that fit (merged-windows.ts), and
 * their pages are read packed, 100 pull requests a request across window boundaries, so totals are
 * exact and a month of N merged pull requests costs about N/100 requests.
 */
import type { SearchWindow } from "../tally/range.js";
import { isPull, mergedPullsQuery, toPull, type MergedPull, type SearchPage } from "./merged-pulls-query.js";
import { fittingWindows, SEARCH_LIMIT } from "./merged-windows.js";
import type { GitHub, RepoRef } from "./octokit.js";

export type { MergedPull } from "./merged-pulls-query.js";

const PAGE = 100;

export interface MergedPullsOptions extends RepoRef {
  base: string;
  window: SearchWindow;
  timezone: string;
  /** Told when a window could not be cut further and was read only as far as search goes. */
  onTruncated?: (range: string, count: number) => void;
}

/** A search being read: what it should still hold (from its count) and where it stands. */
interface Reading {
  search: string;
  expected: number;
  read: number;
  after: string | null;
}

type Part = { reading: Reading; first: number };

async function request(octokit: GitHub, parts: Part[]): Promise<SearchPage[]> {
  const variables: Record<string, unknown> = {};
  for (const [i, { reading, first }] of parts.entries())
    Object.assign(variables, { [`q${i}`]: reading.search, [`n${i}`]: first, [`after${i}`]: reading.after });
  const answer = await octokit.graphql<Record<string, SearchPage>>(mergedPullsQuery(parts.length), variables);
  return parts.map((_, i) => answer[`s${i}`]);
}

/** The next request: up to 100 results, from the open searches in order, each asked only for what it holds. */
function nextParts(open: Reading[]): Part[] {
  const parts: Part[] = [];
  let room = PAGE;
  for (const reading of open) {
    if (room === 0) break;
    const left = reading.expected - reading.read;
    const first = Math.min(room, left > 0 ? left : PAGE, SEARCH_LIMIT - reading.read);
    parts.push({ reading, first });
    room -= first;
  }
  return parts;
}

export async function* mergedPulls(octokit: GitHub, o: MergedPullsOptions): AsyncGenerator<MergedPull[]> {
  const search = (range: string) =>
    `repo:${o.owner}/${o.repo} is:pr is:merged base:${o.base} merged:${range} sort:created-asc`;
  yield* searchMergedPulls(octokit, { ...o, search });
}

export interface SearchOptions {
  /** The search for a range of merge times, e.g. `org:acme is:pr is:merged merged:${range} sort:created-asc`. */
  search: (range: string) => string;
  window: SearchWindow;
  timezone: string;
  onTruncated?: (range: string, count: number) => void;
}

/** Any search of merged pull requests over a window, exact past 1,000 results, about one request per 100. */
export async function* searchMergedPulls(octokit: GitHub, o: SearchOptions): AsyncGenerator<MergedPull[]> {
  const search = o.search;
  const whole: Reading = { search: search(o.window.range), expected: 0, read: 0, after: null };
  const [first] = await request(octokit, [{ reading: whole, first: PAGE }]);
  let open: Reading[];
  if (first.issueCount <= SEARCH_LIMIT) {
    yield first.nodes.filter(isPull).map(toPull);
    Object.assign(whole, { expected: first.issueCount, read: first.nodes.length, after: first.pageInfo.endCursor });
    open = first.pageInfo.hasNextPage ? [whole] : [];
  } else {
    const windows = await fittingWindows(octokit, o.window, first.issueCount, o.timezone, search);
    for (const w of windows) if (w.count > SEARCH_LIMIT) o.onTruncated?.(w.range, w.count);
    open = windows.map((w) => ({ search: search(w.range), expected: w.count, read: 0, after: null }));
  }

  while (open.length > 0) {
    const parts = nextParts(open);
    const pages = await request(octokit, parts);
    const pulls: MergedPull[] = [];
    parts.forEach(({ reading }, i) => {
      const page = pages[i];
      pulls.push(...page.nodes.filter(isPull).map(toPull));
      reading.read += page.nodes.length;
      reading.after = page.pageInfo.endCursor;
      const done =
        !page.pageInfo.hasNextPage || !reading.after || reading.read >= SEARCH_LIMIT || page.nodes.length === 0;
      if (done) open = open.filter((r) => r !== reading);
    });
    yield pulls;
  }
}
