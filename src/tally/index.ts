/** Pure computations behind the pull-request comment's month so far and the monthly report. */
export type { Tally, ProblemFigures } from "./types.js";
export type * from "./report-model.js";
export { isTimeZone, isUtc, offsetMinutes, instantOf, isoWithOffset, localDate, formatOffset, wallClock, type WallClock } from "./zone.js";
export { monthPeriod, monthOf, monthTitle, previousMonth, nextMonth, isMonthKey, type MonthWindow } from "./period.js";
export { rangeQuery, splitRange, type SearchWindow } from "./range.js";
export { createTallier, tallyItems, type CountedItem, type Tallier } from "./split.js";
export { tallyFromCounts, type SearchCounts } from "./counts.js";
export { driftOf, type Drift } from "./drift.js";
export { metricProgress, fillCountQuery } from "./metrics.js";
export { planProgress, type PlanFound, type PlanIssue, type IssueFound, type MilestoneFound, type LabelFound } from "./plan.js";
export { reportData, dataComment, DATA_MARKER, type ReportData, type DataProblem, type DataMetric } from "./data.js";
export { parseDataComment, previousData, previousTallies, tallyOfData, metricHistory, monthKeyOf } from "./data-parse.js";
export { notableItems, notableByProblem, notability } from "./notable.js";
export { suggestRules, suggestionYaml, MIN_CAPTURED, MIN_FRACTION } from "./suggest.js";
export { candidates, directoryGlobs, titleWords, type Candidate } from "./suggest-candidates.js";
export { buildReport, type ReportInput } from "./build.js";
export { metricReports, type MetricReading, type MetricHistory } from "./build-metrics.js";
