/** Metric readings: how far a metric has moved from its baseline toward its target. */

/**
 * The fraction of the planned change achieved: (current - baseline) / (target - baseline). The direction
 * follows baseline -> target, so "down is better" needs no flag. It exceeds 1 beyond the target and is
 * negative when the metric moved the wrong way.
 *
 * null when the baseline or the current reading is unknown. When baseline equals target there is no
 * change to make, only a level to hold: 1 while the reading is at the target, 0 once it is off it.
 */
export function metricProgress(
  baseline: number | null | undefined,
  current: number | null | undefined,
  target: number,
): number | null {
  if (baseline == null || current == null) return null;
  if (![baseline, current, target].every(Number.isFinite)) return null;
  if (baseline === target) return current === target ? 1 : 0;
  return (current - baseline) / (target - baseline);
}

/** A metric's count query for a period: every "{period}" becomes the period's search range. */
export function fillCountQuery(query: string, period: { searchRange: string }): string {
  return query.replaceAll("{period}", period.searchRange);
}
