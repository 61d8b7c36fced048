/**
 * What the strategy file's recent versions tell the monthly report: the commit in force, the versions in
 * force during the month (when it changed in it), which version the figures used, and typed metric
 * readings for earlier months that have no report. Pure: the versions are fetched by the edge.
 */
import { extendsOf, parseStrategy } from "../strategy/index.js";
import type { Strategy } from "../strategy/schema.js";
import type { MetricHistory } from "./build-metrics.js";
import type { MonthWindow } from "./period.js";
import { versionNotes, versionsInPeriod, type FileVersion } from "./versions-period.js";
import { typedHistory } from "./versions-readings.js";
import { localDate } from "./zone-format.js";

export type { FileVersion } from "./versions-period.js";
export { mergeHistory } from "./versions-readings.js";

/** How many months before the report's month typed readings are looked up for. */
export const TYPED_HISTORY_MONTHS = 6;

export interface VersionsInput {
  /** Newest first. */
  versions: FileVersion[];
  /** false when older versions exist than those given. */
  complete: boolean;
  /** The strategy the report uses (the newest version, merged with what it extends). */
  strategy: Strategy;
  period: MonthWindow;
  /** The file as people know it, for notes, e.g. "strategy.yml". */
  file: string;
  /** The strategy the file extends, for versions that say `extends`; without it those are not read. */
  base?: { text: string; file: string };
}

export interface VersionsFound {
  /** The newest version's commit: the file in force. */
  commit: string | null;
  versions: { commit: string; from: string }[];
  /** Typed readings at the end of earlier months, by problem id and metric name, oldest first. */
  history: Record<string, MetricHistory>;
  notes: string[];
}

export function strategyVersions(input: VersionsInput): VersionsFound {
  const { versions, complete, period, file } = input;
  const skipped = new Map<number, string>();
  const parsed = new Map<number, Strategy | null>();
  const read = (i: number): Strategy | null => {
    if (!parsed.has(i)) parsed.set(i, readVersion(input, i, skipped));
    return parsed.get(i)!;
  };
  const history = typedHistory(
    input.strategy,
    versions,
    complete,
    { periodKey: period.key, timezone: period.timezone, months: TYPED_HISTORY_MONTHS },
    read,
  );
  const notes = versionNotes(versions, complete, period, file);
  // Oldest first; versions skipped for the same reason (an `extends` not read) say so once.
  const reasons = new Set([...skipped.entries()].sort(([a], [b]) => b - a).map(([, reason]) => reason));
  return {
    commit: versions[0]?.commit ?? null,
    versions: versionsInPeriod(versions, complete, period),
    history,
    notes: [...notes, ...reasons],
  };
}

function readVersion(input: VersionsInput, i: number, skipped: Map<number, string>): Strategy | null {
  const v = input.versions[i];
  if (v === undefined) return null; // no such version: nothing to read
  const name = `${input.file} at ${v.commit.slice(0, 7)} (committed ${localDate(Date.parse(v.date), input.period.timezone)})`;
  if (v.text === null) {
    skipped.set(i, `${name} could not be read; its metric readings are left out of the history.`);
    return null;
  }
  if (extendsOf(v.text) !== undefined && !input.base) {
    skipped.set(
      i,
      `Earlier versions of ${input.file} extend another strategy, which was not read as it was then; their metric readings are left out of the history.`,
    );
    return null;
  }
  const result = parseStrategy(v.text, input.file, input.base);
  if (result.ok) return result.strategy;
  const first = result.errors[0];
  const detail = first ? ` (line ${first.line}: ${first.message})` : "";
  skipped.set(i, `${name} is not valid${detail}; its metric readings are left out of the history.`);
  return null;
}
