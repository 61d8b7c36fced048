/** Trends: earlier reports' figures, read back from their data comments. */
import type { ProblemFigures, Tally } from "./types.js";
import type { ReportData } from "./data.js";
import { parseDataComment } from "./data-parse.js";

/** The month ("YYYY-MM") a report's data covers. */
export const monthKeyOf = (data: ReportData) => data.period.from.slice(0, 7);

/** Parsed data of earlier report bodies, one per month (the first body seen for a month wins), oldest first. */
export function previousData(bodies: Iterable<string>): ReportData[] {
  const byMonth = new Map<string, ReportData>();
  for (const body of bodies) {
    const data = parseDataComment(body);
    if (data && !byMonth.has(monthKeyOf(data))) byMonth.set(monthKeyOf(data), data);
  }
  return [...byMonth.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, data]) => data);
}

/** A month's tally as its report recorded it; author-weeks only when the report had them. */
export function tallyOfData(data: ReportData): Tally {
  const known = typeof data.author_weeks === "number";
  const figures = (f: {
    merged: number;
    share: number;
    author_weeks?: number | null;
    share_author_weeks?: number | null;
  }): ProblemFigures =>
    known && typeof f.author_weeks === "number" && typeof f.share_author_weeks === "number"
      ? { merged: f.merged, share: f.share, authorWeeks: f.author_weeks, shareAuthorWeeks: f.share_author_weeks }
      : known
        ? { merged: f.merged, share: f.share, authorWeeks: 0, shareAuthorWeeks: 0 }
        : { merged: f.merged, share: f.share };
  const problems = Object.fromEntries(Object.entries(data.problems).map(([id, p]) => [id, figures(p)]));
  const tally: Tally = { merged: data.merged, problems, unaligned: figures(data.unaligned) };
  if (known) tally.authorWeeks = data.author_weeks as number;
  return tally;
}

/** The tallies of earlier reports, oldest first. */
export function previousTallies(bodies: Iterable<string>): { key: string; tally: Tally }[] {
  return previousData(bodies).map((data) => ({ key: monthKeyOf(data), tally: tallyOfData(data) }));
}

/** Earlier readings of each problem's metrics by name, oldest first: problem id -> metric name -> readings. */
export function metricHistory(
  datas: ReportData[],
): Record<string, Record<string, { key: string; value: number | null }[]>> {
  const history: Record<string, Record<string, { key: string; value: number | null }[]>> = {};
  for (const data of datas) {
    for (const [id, p] of Object.entries(data.problems)) {
      for (const m of p.metrics ?? []) {
        const byName = (history[id] ??= {});
        (byName[m.name] ??= []).push({ key: monthKeyOf(data), value: m.current });
      }
    }
  }
  return history;
}
