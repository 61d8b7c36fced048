/** Reading the data comment back from earlier reports: tolerant of anything, trusting nothing. */
import { z } from "zod";
import { DATA_MARKER, type ReportData } from "./data.js";

const nullableNumber = z.number().nullable();
// Author-weeks came later: absent in older reports, null where unknown; a malformed one is dropped.
const weeks = {
  author_weeks: z.number().min(0).nullable().optional().catch(undefined),
  share_author_weeks: z.number().min(0).nullable().optional().catch(undefined),
};
const figures = z.object({ merged: z.number().int().nonnegative(), share: z.number().min(0), ...weeks });

// Metrics and plan are extras for trends: a malformed one is dropped rather than losing the month.
const problem = figures.extend({
  metrics: z
    .array(
      z.object({
        name: z.string(),
        baseline: nullableNumber,
        current: nullableNumber,
        target: z.number(),
        progress: nullableNumber,
      }),
    )
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
  author_weeks: weeks.author_weeks,
  measure: z.enum(["pull_requests", "author_weeks"]).optional().catch(undefined),
  problems: z.record(z.string(), problem),
  unaligned: figures,
  scope: z.literal("organisation").optional().catch(undefined),
  repositories: z
    .record(
      z.string(),
      z.object({
        merged: z.number().int().nonnegative(),
        problems: z.record(z.string(), z.number().int().nonnegative()),
        unaligned: z.number().int().nonnegative(),
      }),
    )
    .optional()
    .catch(undefined),
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
    json = JSON.parse(last[1]!); // the group always takes part
  } catch {
    return null;
  }
  const parsed = dataSchema.safeParse(json);
  if (!parsed.success) return null;
  const data = parsed.data;
  // Optional extras that failed validation come back as undefined; drop the keys entirely.
  for (const p of Object.values(data.problems)) {
    for (const key of ["metrics", "plan", "drift", "author_weeks", "share_author_weeks"] as const)
      if (p[key] === undefined) delete p[key];
  }
  for (const key of ["author_weeks", "share_author_weeks"] as const)
    if (data.unaligned[key] === undefined) delete data.unaligned[key];
  for (const key of ["author_weeks", "measure"] as const) if (data[key] === undefined) delete data[key];
  for (const key of ["scope", "repositories"] as const) if (data[key] === undefined) delete data[key];
  return data as ReportData;
}
