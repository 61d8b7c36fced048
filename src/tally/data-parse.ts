/** Reading the data comment back from earlier reports: tolerant of anything, trusting nothing. */
import { z } from "zod";
import type { Tally } from "./types.js";
import { DATA_MARKER, type ReportData } from "./data.js";

const figures = z.object({ merged: z.number().int().nonnegative(), share: z.number().min(0) });
const nullableNumber = z.number().nullable();

// Metrics and plan are extras for trends: a malformed one is dropped rather than losing the month.
const problem = figures.extend({
  metrics: z
    .array(z.object({ name: z.string(), baseline: nullableNumber, current: nullableNumber, target: z.number(), progress: nullableNumber }))
    .optional()
    .catch(undefined),
  plan: z.object({ done: nullableNumber, total: nullableNumber }).optional().catch(undefined),
  drift: z.literal(true).optional().catch(undefined),
});

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const dataSchema = z.object({
  version: z.literal(1),
  period: z.object({ from: day, to: day, timezone: z.string() }),
  commit: z.string().nullable(),
  merged: z.number().int().nonnegative(),
  problems: z.record(z.string(), problem),
  unaligned: figures,
});

const COMMENT = new RegExp(`<!--\\s*${DATA_MARKER}\\s+([\\s\\S]*?)\\s*-->`, "g");

/** The data of a report body (its last data comment), or null when there is none or it is not valid. */
export function parseDataComment(body: unknown): ReportData | null {
  if (typeof body !== "string") return null;
  const matches = [...body.matchAll(COMMENT)];
  const last = matches.at(-1);
  if (!last) return null;
  let json: unknown;
  try {
    json = JSON.parse(last[1]);
  } catch {
    return null;
  }
  const parsed = dataSchema.safeParse(json);
  if (!parsed.success) return null;
  const data = parsed.data;
  // Optional extras that failed validation come back as undefined; drop the keys entirely.
  for (const p of Object.values(data.problems)) {
    for (const key of ["metrics", "plan", "drift"] as const) if (p[key] === undefined) delete p[key];
  }
  return data as ReportData;
}

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
