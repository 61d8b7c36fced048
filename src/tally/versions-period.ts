/**
 * Which versions of the strategy file were in force when: at an instant, during the report's month, and
 * what the report's figures were made with. Versions come newest first, as Git lists them.
 */
import type { MonthWindow } from "./period.js";
import { localDate } from "./zone-format.js";

export interface FileVersion {
  /** Full sha of the commit that wrote this version. */
  commit: string;
  /** The commit's date, ISO with offset. */
  date: string;
  /** The file's text at that commit; null when it was absent or could not be read. */
  text: string | null;
}

const at = (v: FileVersion) => Date.parse(v.date);
const short = (sha: string) => sha.slice(0, 7);

/**
 * Index of the version in force just before `instant`: the newest committed before it. -1 when none was;
 * undefined when that cannot be told because older versions exist than those fetched.
 */
export function inForceAt(versions: FileVersion[], instant: number, complete: boolean): number | undefined {
  const index = versions.findIndex((v) => at(v) < instant);
  return index === -1 && !complete ? undefined : index;
}

/** The versions in force during the month, oldest first, when the file changed in it; empty otherwise. */
export function versionsInPeriod(
  versions: FileVersion[],
  complete: boolean,
  period: MonthWindow,
): { commit: string; from: string }[] {
  const inside = versions.filter((v) => at(v) >= period.start.getTime() && at(v) < period.end.getTime());
  if (inside.length === 0) return [];
  const first = inForceAt(versions, period.start.getTime(), complete);
  const atStart = first !== undefined && first >= 0 ? versions[first] : undefined;
  const chosen = [...(atStart ? [atStart] : []), ...inside.reverse()];
  return chosen.map((v) => ({ commit: v.commit, from: localDate(at(v), period.timezone) }));
}

/** Says which version the figures used when that is not simply "the one in force all month". */
export function versionNotes(versions: FileVersion[], complete: boolean, period: MonthWindow, file: string): string[] {
  const newest = versions[0];
  if (!newest) return [];
  const notes: string[] = [];
  const end = period.end.getTime();
  const atEnd = inForceAt(versions, end, complete);
  if (at(newest) >= end) {
    const inForce = atEnd !== undefined && atEnd >= 0 ? versions[atEnd] : undefined;
    const then =
      atEnd === undefined
        ? ""
        : inForce === undefined
          ? `; it did not exist when the month ended`
          : `; ${short(inForce.commit)} was in force when the month ended`;
    notes.push(
      `The figures use ${file} as it is now (${short(newest.commit)}, committed ${localDate(at(newest), period.timezone)}), which is newer than the month${then}.`,
    );
  } else if (versionsInPeriod(versions, complete, period).length > 0) {
    notes.push(
      `${file} changed during the month; the figures use the version in force at its end (${short(newest.commit)}).`,
    );
  }
  const oldest = versions.at(-1) ?? newest;
  if (!complete && at(oldest) >= period.start.getTime()) {
    notes.push(
      `${file} changed more than ${versions.length} times since the month began; only its last ${versions.length} versions were read.`,
    );
  }
  return notes;
}
