/**
 * Metrics whose reading is a count (`count:` in the strategy): the number of this repository's issues and
 * pull requests matching a search, with `{period}` filled in, all counted in one request. A search GitHub
 * rejects leaves that metric without a reading, saying why; the others still count.
 */
import type { Problem } from "../strategy/schema.js";
import type { MetricReading } from "../tally/build-metrics.js";
import { fillCountQuery } from "../tally/metrics.js";
import type { GitHub, RepoRef } from "./octokit.js";
import { searchCounts } from "./report-counts.js";
import { zip } from "../text/zip.js";

/** Per problem id, the readings parallel to its metrics (undefined for typed metrics). */
export type MetricReadings = Record<string, (MetricReading | undefined)[]>;

export async function metricCounts(
  octokit: GitHub,
  { owner, repo }: RepoRef,
  problems: Problem[],
  period: { searchRange: string },
  /** What the count searches: this repository by default, or e.g. an organisation's repositories in scope. */
  qualifier = `repo:${owner}/${repo}`,
): Promise<MetricReadings> {
  const rows = problems.map((p) => ({ p, readings: p.metrics.map((): MetricReading | undefined => undefined) }));
  const wanted = rows.flatMap(({ p, readings }) =>
    p.metrics.flatMap((m, index) =>
      m.count === undefined ? [] : [{ readings, index, query: `${qualifier} ${fillCountQuery(m.count, period)}` }],
    ),
  );
  const counts = await searchCounts(
    octokit,
    wanted.map((w) => w.query),
  );
  for (const [w, { count, error }] of zip(wanted, counts))
    w.readings[w.index] =
      count === null ? { value: null, error: `GitHub rejected the count query: ${error}` } : { value: count };
  return Object.fromEntries(rows.map(({ p, readings }) => [p.id, readings]));
}
