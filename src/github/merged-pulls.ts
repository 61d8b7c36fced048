/**
 * Pull requests merged into the default branch in a window of time, yielded request by request so the
 * tally can stream them and memory stays flat however long the history. GitHub search returns at most
 * 1,000 results per query: a window holding more is cut into windows that fit (merged-windows.ts), and
 * their pages are read packed, 100 pull requests a request across window boundaries, so totals are
 * exact and a month of N merged pull requests costs about N/100 requests.
 */
import type { SearchWindow } from "../tally/range.js";
import {
  isPull,
  mergedPullsQuery,
  toPull,
  type MergedPull,
  type PullNode,
  type SearchPage,
} from "./merged-pulls-query.js";
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

/**
 * What one search request asks for: its document for `n` searches (aliases s0, s1, ... with variables
 * $q<i>, $n<i>, $after<i>), how many results a request holds, and what a result becomes.
 */
export interface SearchShape<N, T> {
  page: number;
  query: (n: number) => string;
  isResult: (node: N | Record<PropertyKey, never> | null) => node is N;
  /** The results of one request, in order (it may read more from GitHub, e.g. further pages of files). */
  results: (nodes: N[]) => T[] | Promise<T[]>;
}

/** Search results as reports read them: 100 a request. */
const MERGED: SearchShape<PullNode, MergedPull> = {
  page: PAGE,
  query: mergedPullsQuery,
  isResult: isPull,
  results: (nodes) => nodes.map(toPull),
};

/**
 * One search's page as every search document selects it (`s0` of MergedPulls: its count, where it stands
 * and its results), with results of the shape's node type (other types answer empty objects).
 */
type Page<N> = Omit<SearchPage, "nodes"> & { nodes: (N | Record<PropertyKey, never> | null)[] | null };

/** Page `s<i>` for part i; undefined for an alias the request did not have. */
type Answer<N> = Partial<Record<`s${number}`, Page<N>>>;

/** One request for the parts: GitHub's answer holds the page of part i under `s<i>`. */
function request<N>(octokit: GitHub, parts: Part[], query: (n: number) => string): Promise<Answer<N>> {
  const variables: Record<string, unknown> = {};
  for (const [i, { reading, first }] of parts.entries())
    Object.assign(variables, { [`q${i}`]: reading.search, [`n${i}`]: first, [`after${i}`]: reading.after });
  return octokit.graphql<Answer<N>>(query(parts.length), variables);
}

function pageOf<N>(answer: Answer<N>, i: number, reading: Reading) {
  const page = answer[`s${i}`];
  if (!page) throw new Error(`GitHub's answer holds no results for the search "${reading.search}"`);
  return { ...page, nodes: page.nodes ?? [] };
}

/** The next request: up to a page of results, from the open searches in order, each asked only for what it holds. */
function nextParts(open: Reading[], page: number): Part[] {
  const parts: Part[] = [];
  let room = page;
  for (const reading of open) {
    if (room === 0) break;
    const left = reading.expected - reading.read;
    const first = Math.min(room, left > 0 ? left : page, SEARCH_LIMIT - reading.read);
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
export function searchMergedPulls(octokit: GitHub, o: SearchOptions): AsyncGenerator<MergedPull[]> {
  return searchPulls(octokit, o, MERGED);
}

/** A search over a window in any shape: exact past 1,000 results, about one request per `shape.page` results. */
export async function* searchPulls<N, T>(
  octokit: GitHub,
  o: SearchOptions,
  shape: SearchShape<N, T>,
): AsyncGenerator<T[]> {
  const search = o.search;
  const whole: Reading = { search: search(o.window.range), expected: 0, read: 0, after: null };
  const first = pageOf(await request<N>(octokit, [{ reading: whole, first: shape.page }], shape.query), 0, whole);
  let open: Reading[];
  if (first.issueCount <= SEARCH_LIMIT) {
    yield await shape.results(first.nodes.filter(shape.isResult));
    Object.assign(whole, { expected: first.issueCount, read: first.nodes.length, after: first.pageInfo.endCursor });
    open = first.pageInfo.hasNextPage ? [whole] : [];
  } else {
    const windows = await fittingWindows(octokit, o.window, first.issueCount, o.timezone, search);
    for (const w of windows) if (w.count > SEARCH_LIMIT) o.onTruncated?.(w.range, w.count);
    open = windows.map((w) => ({ search: search(w.range), expected: w.count, read: 0, after: null }));
  }

  while (open.length > 0) {
    const parts = nextParts(open, shape.page);
    const answer = await request<N>(octokit, parts, shape.query);
    const nodes: N[] = [];
    parts.forEach(({ reading }, i) => {
      const page = pageOf(answer, i, reading);
      nodes.push(...page.nodes.filter(shape.isResult));
      reading.read += page.nodes.length;
      reading.after = page.pageInfo.endCursor;
      const done =
        !page.pageInfo.hasNextPage || !reading.after || reading.read >= SEARCH_LIMIT || page.nodes.length === 0;
      if (done) open = open.filter((r) => r !== reading);
    });
    yield await shape.results(nodes);
  }
}
