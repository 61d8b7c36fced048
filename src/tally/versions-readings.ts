/**
 * Typed metric readings (`current` written in the file) of earlier months, read from the file's versions:
 * for each month, the version in force when it ended. Counted metrics have no typed past; their history
 * comes from earlier reports only.
 */
import type { Strategy } from "../strategy/schema.js";
import type { MetricHistory } from "./build-metrics.js";
import { monthPeriod, previousMonth } from "./period.js";
import { inForceAt, type FileVersion } from "./versions-period.js";

type Reading = { key: string; value: number | null };

/**
 * `read(i)` is version i parsed, or null when it is skipped (invalid); a skipped version is passed over,
 * so the valid version before it stands for that month. Returns problem id -> metric name -> readings,
 * oldest first, for the `months` months before `periodKey`.
 */
export function typedHistory(
  strategy: Strategy,
  versions: FileVersion[],
  complete: boolean,
  when: { periodKey: string; timezone: string; months: number },
  read: (index: number) => Strategy | null,
): Record<string, MetricHistory> {
  const history: Record<string, MetricHistory> = {};
  // Without typed metrics no version needs reading (nor can one be reported as skipped).
  if (!strategy.problems.some((p) => p.metrics.some((m) => m.count === undefined))) return history;
  let key = when.periodKey;
  for (let i = 0; i < when.months; i++) {
    key = previousMonth(key);
    const found = validInForce(versions, monthPeriod(key, when.timezone).end.getTime(), complete, read);
    if (!found) continue;
    for (const problem of strategy.problems) {
      const then = found.problems.find((p) => p.id === problem.id);
      for (const metric of problem.metrics.filter((m) => m.count === undefined)) {
        const was = then?.metrics.find((m) => m.name === metric.name);
        if (!was || was.count !== undefined) continue;
        ((history[problem.id] ??= {})[metric.name] ??= []).unshift({ key, value: was.current ?? null });
      }
    }
  }
  return history;
}

function validInForce(
  versions: FileVersion[],
  instant: number,
  complete: boolean,
  read: (index: number) => Strategy | null,
): Strategy | null {
  const first = inForceAt(versions, instant, complete);
  if (first === undefined || first === -1) return null;
  for (let i = first; i < versions.length; i++) {
    const parsed = read(i);
    if (parsed) return parsed;
  }
  return null;
}

/**
 * Earlier reports' readings with the file's filling the months they lack. A report's data comment records
 * what was reported then, so it wins; the file only speaks for months that have no report.
 */
export function mergeHistory(
  reported: Record<string, MetricHistory>,
  fromFile: Record<string, MetricHistory>,
): Record<string, MetricHistory> {
  const merged: Record<string, MetricHistory> = {};
  for (const id of new Set([...Object.keys(reported), ...Object.keys(fromFile)])) {
    const names = new Set([...Object.keys(reported[id] ?? {}), ...Object.keys(fromFile[id] ?? {})]);
    for (const name of names) {
      const byKey = new Map<string, Reading>();
      for (const r of fromFile[id]?.[name] ?? []) byKey.set(r.key, r);
      for (const r of reported[id]?.[name] ?? []) byKey.set(r.key, r);
      (merged[id] ??= {})[name] = [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key));
    }
  }
  return merged;
}
