/** Trends: earlier reports' figures, read back from their data comments. */
import type { Tally } from "./types.js";
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

export function tallyOfData(data: ReportData): Tally {
  const problems = Object.fromEntries(Object.entries(data.problems).map(([id, p]) => [id, { merged: p.merged, share: p.share }]));
  return { merged: data.merged, problems, unaligned: { merged: data.unaligned.merged, share: data.unaligned.share } };
}

/** The tallies of earlier reports, oldest first. */
export function previousTallies(bodies: Iterable<string>): { key: string; tally: Tally }[] {
  return previousData(bodies).map((data) => ({ key: monthKeyOf(data), tally: tallyOfData(data) }));
}

/** Earlier readings of each problem's metrics by name, oldest first: problem id -> metric name -> readings. */
export function metricHistory(datas: ReportData[]): Record<string, Record<string, { key: string; value: number | null }[]>> {
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
