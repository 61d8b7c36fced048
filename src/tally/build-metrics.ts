/** A problem's metrics as the report shows them: the reading for the period, progress and earlier readings. */
import type { Problem } from "../strategy/schema.js";
import type { MetricReport } from "./report-model.js";
import { metricProgress } from "./metrics.js";

/** What the edge read for a metric with a `count` query: the count, or why there is none. */
export interface MetricReading {
  value: number | null;
  error?: string;
}

export type MetricHistory = Record<string, { key: string; value: number | null }[]>;

/**
 * `readings[i]` is the counted reading of `problem.metrics[i]`. A counted metric takes its count (null when
 * the count failed, with the reason); a typed one takes `current` from the file as it stands.
 * `history` holds earlier readings by metric name; only months before `periodKey` are kept.
 */
export function metricReports(
  problem: Problem,
  readings: (MetricReading | undefined)[] = [],
  history: MetricHistory = {},
  periodKey: string,
): MetricReport[] {
  return problem.metrics.map((metric, index) => {
    const reading = readings[index];
    const counted = metric.count !== undefined;
    const current = counted ? (reading?.value ?? null) : (metric.current ?? null);
    const baseline = metric.baseline ?? null;
    const report: MetricReport = {
      name: metric.name,
      baseline,
      current,
      target: metric.target,
      progress: metricProgress(baseline, current, metric.target),
      history: (history[metric.name] ?? []).filter((h) => h.key < periodKey),
    };
    if (metric.unit !== undefined) report.unit = metric.unit;
    if (counted && reading?.error) report.error = reading.error;
    else if (counted && !reading) report.error = "the count was not taken";
    return report;
  });
}
