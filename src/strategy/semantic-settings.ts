/** The report's schedule and time zone, and the strategy's dates. */
import { Cron } from "croner";
import { listAt, recordAt, stringAt } from "./data.js";
import type { Finding } from "./finding.js";
import { memo } from "./memo.js";
import { quote } from "./words.js";

export function reportFindings(data: unknown): Finding[] {
  const report = recordAt(recordAt(data, "settings"), "report");
  const findings: Finding[] = [];
  const schedule = stringAt(report, "schedule");
  const scheduleProblem = schedule === undefined || schedule === "" ? undefined : cronProblem(schedule);
  if (scheduleProblem) findings.push({ path: ["settings", "report", "schedule"], message: scheduleProblem });
  const timezone = stringAt(report, "timezone");
  if (timezone !== undefined && timezone !== "" && !isTimeZone(timezone)) {
    findings.push({
      path: ["settings", "report", "timezone"],
      message: `${quote(timezone)} is not an IANA time zone such as "Europe/Paris" or "UTC"`,
    });
  }
  return findings;
}

const cronProblem = memo((expression: string): string | undefined => {
  if (expression.trim().split(/\s+/).length !== 5) {
    return `expected a cron expression of 5 fields (minute hour day-of-month month day-of-week), e.g. "0 9 1 * *"; got ${quote(expression)}`;
  }
  const range = outOfRange(expression);
  if (range) return `not a valid cron expression: ${range}`;
  try {
    // Paused and without a function, the job only parses; it never sets a timer.
    const job = new Cron(expression, { paused: true, mode: "5-part" });
    if (job.nextRun() === null) return `${quote(expression)} never fires`;
    return undefined;
  } catch (e) {
    const reason = e instanceof Error ? e.message.replace(/^CronPattern: /, "") : String(e);
    return `not a valid cron expression: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`;
  }
});

const FIELDS = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day of month", min: 1, max: 31 },
  { name: "month", min: 1, max: 12 },
  { name: "day of week", min: 0, max: 7 },
];

/** A number outside its field's range, said with the range (`day of month must be 1-31, not 32`). */
function outOfRange(expression: string): string | undefined {
  const fields = expression.trim().split(/\s+/);
  for (const [i, { name, min, max }] of FIELDS.entries()) {
    for (const part of (fields[i] ?? "").split(",")) {
      const range = part.replace(/\/.*/, ""); // what a step (`*/5`) applies to
      for (const value of range.split("-")) {
        if (!/^\d+$/.test(value)) continue; // *, names (JAN, MON), L, W, #: left to the parser
        if (Number(value) < min || Number(value) > max) return `${name} must be ${min}-${max}, not ${value}`;
      }
    }
  }
  return undefined;
}

/** IANA names only: offsets such as "+01:00" are accepted by newer Node versions but not by older ones. */
const isTimeZone = memo((zone: string): boolean => {
  if (!/^[A-Za-z]/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
});

export function effectiveFindings(data: unknown): Finding[] {
  const effective = recordAt(data, "effective");
  const findings: Finding[] = [];
  const from = stringAt(effective, "from");
  const until = stringAt(effective, "until");
  for (const [key, value] of [
    ["from", from],
    ["until", until],
  ] as const) {
    if (value !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(value) && !isCalendarDate(value)) {
      findings.push({ path: ["effective", key], message: `${quote(value)} is not a date in the calendar` });
    }
  }
  if (from !== undefined && until !== undefined && isCalendarDate(from) && isCalendarDate(until) && until < from) {
    findings.push({ path: ["effective", "until"], message: `${quote(until)} is before from (${quote(from)})` });
  }
  return findings;
}

function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The options a Project field gets besides the problems' titles (docs/contract.md §12). */
export const PROJECT_EXTRA_OPTIONS = ["Several", "None"] as const;

/**
 * With `settings.project`, each problem's title is an option of the Project field: titles must tell the
 * problems apart and must not be read as `Several` or `None`.
 */
export function projectFindings(data: unknown): Finding[] {
  if (!recordAt(recordAt(data, "settings"), "project")) return [];
  const seen = new Map<string, number>();
  const reserved = new Set(PROJECT_EXTRA_OPTIONS.map((o) => o.toLowerCase()));
  const findings: Finding[] = [];
  listAt(data, "problems").forEach((problem, i) => {
    const title = stringAt(problem, "title")?.trim();
    if (!title) return;
    const key = title.toLowerCase();
    if (reserved.has(key)) {
      findings.push({
        path: ["problems", i, "title"],
        message: `${quote(title)} is an option the Project field keeps for itself (settings.project); choose another title`,
      });
    } else if (seen.has(key)) {
      findings.push({
        path: ["problems", i, "title"],
        message: `${quote(title)} is also the title of problems[${seen.get(key)}]; with settings.project each title is a field option, so titles must differ`,
      });
    } else seen.set(key, i);
  });
  return findings;
}
