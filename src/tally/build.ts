/** The monthly report's model, assembled from what the edge gathered; render/report draws it. */
import type { Strategy } from "../strategy/schema.js";
import type { OrganisationReport, Period, ProblemReport, ReportModel, ShippedItem } from "./report-model.js";
import type { Measure, ProblemFigures, Tally } from "./types.js";
import { measuredBy, shareIn } from "./measure.js";
import { metricReports, type MetricHistory, type MetricReading } from "./build-metrics.js";
import { driftOf } from "./drift.js";
import { notableByProblem } from "./notable.js";
import { previousMonth } from "./period.js";
import { planProgress, type PlanFound } from "./plan.js";
import { suggestRules } from "./suggest.js";

export interface ReportInput {
  strategy: Strategy;
  repo: string;
  period: Period;
  commit: string | null;
  tally: Tally;
  /** The default branch pull requests merged into (for the links to each problem's search), when known. */
  base?: string;
  /** The period as a GitHub search range (MonthWindow.searchRange), for the same links. */
  searchRange?: string;
  /** Per problem id: issues closed as completed in the period, null when unknown. */
  issuesClosed?: Record<string, number | null>;
  /** Per problem id: counted readings, parallel to the problem's metrics. */
  readings?: Record<string, (MetricReading | undefined)[]>;
  /** Per problem id: earlier readings by metric name (see metricHistory()). */
  history?: Record<string, MetricHistory>;
  /** Per problem id: what the edge found for each plan entry, parallel to the problem's plan. */
  plans?: Record<string, (PlanFound | undefined)[]>;
  /** Earlier months' tallies, any order; months from this period on are ignored. */
  previous?: { key: string; tally: Tally }[];
  /** Shipped items of the period, or a sample of them: for notable items and rule suggestions. */
  items?: ShippedItem[];
  versions?: { commit: string; from: string }[];
  notes?: string[];
  /** How many notable items per problem (default 5). */
  notableCap?: number;
  /** Said at the report's top. */
  notice?: string;
  /** An organisation report's figures by repository. */
  organisation?: OrganisationReport;
}

/**
 * Change of the held share in points against the previous month's tally, null when that month, the
 * problem, or the measure is not in it.
 */
function changeOf(
  share: number,
  before: ProblemFigures | undefined,
  beforeTally: Tally | undefined,
  measure: Measure,
): number | null {
  if (!before || !beforeTally || measuredBy(beforeTally, measure) !== measure) return null;
  return (share - shareIn(before, measure)) * 100;
}

export function buildReport(input: ReportInput): ReportModel {
  const { strategy, period, tally } = input;
  const previous = (input.previous ?? []).filter((p) => p.key < period.key).sort((a, b) => a.key.localeCompare(b.key));
  const lastMonth = previous.find((p) => p.key === previousMonth(period.key))?.tally;
  const drift = driftOf(strategy, tally);
  const measure = measuredBy(tally, strategy.settings.report.measure);
  const ignored = new Set(strategy.settings.ignore_authors.map((a) => a.toLowerCase()));
  const items = (input.items ?? []).filter((i) => !ignored.has(i.author.toLowerCase()));
  const notable = notableByProblem(
    items,
    strategy.problems.map((p) => p.id),
    input.notableCap ?? 5,
  );

  const problems = strategy.problems.map((p): ProblemReport => {
    const figures = tally.problems[p.id] ?? { merged: 0, share: 0 };
    const held = shareIn(figures, measure);
    return {
      id: p.id,
      title: p.title,
      label: p.label,
      intended: p.share === undefined ? null : p.share / 100,
      merged: figures.merged,
      share: figures.share,
      ...weeksOf(figures),
      held,
      change: changeOf(held, lastMonth?.problems[p.id], lastMonth, measure),
      drift: drift.problems[p.id] ?? false,
      issuesClosed: input.issuesClosed?.[p.id] ?? null,
      metrics: metricReports(p, input.readings?.[p.id], input.history?.[p.id], period.key),
      plan: p.plan.length > 0 ? planProgress(p.plan, input.plans?.[p.id] ?? []) : null,
      notable: notable.get(p.id) ?? [],
    };
  });

  return {
    repo: input.repo,
    period: { key: period.key, title: period.title, from: period.from, to: period.to, timezone: period.timezone },
    commit: input.commit,
    strategyName: strategy.name ?? null,
    tally,
    problems,
    unaligned: {
      merged: tally.unaligned.merged,
      share: tally.unaligned.share,
      ...weeksOf(tally.unaligned),
      held: shareIn(tally.unaligned, measure),
      change: changeOf(shareIn(tally.unaligned, measure), lastMonth?.unaligned, lastMonth, measure),
      alert: drift.unalignedAlert,
      notable: notable.get("") ?? [],
    },
    measure,
    search:
      input.base && input.searchRange
        ? { base: input.base, range: input.searchRange, excludeAuthors: strategy.settings.ignore_authors }
        : null,
    previous,
    suggestions: suggestRules(
      items.filter((i) => i.problems.length === 0),
      strategy,
      3,
      items.filter((i) => i.problems.length > 0),
    ),
    versions: input.versions ?? [],
    notes: input.notes ?? [],
    ...(input.organisation ? { organisation: input.organisation } : {}),
    ...(input.notice ? { notice: input.notice } : {}),
  };
}

const weeksOf = (f: ProblemFigures) => ({
  authorWeeks: f.authorWeeks ?? null,
  shareAuthorWeeks: f.shareAuthorWeeks ?? null,
});
