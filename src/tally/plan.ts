/**
 * Plan progress: how many of the issues behind a problem's plan are done. Issues are counted once across
 * the plan, pull requests and issues closed as not planned are left out, and an entry naming something
 * that does not exist counts nothing and is flagged.
 */
import type { PlanEntry } from "../strategy/schema.js";
import type { PlanEntryReport, PlanReport } from "./report-model.js";

export interface PlanIssue {
  number: number;
  /** The repository it belongs to, when plans span several (an organisation's); absent: the one reported on. */
  repo?: string;
  state: "open" | "closed";
  /** GitHub's state reason; null for issues closed before reasons existed (counted as completed). */
  stateReason: "completed" | "not_planned" | "duplicate" | "reopened" | null;
  /** Set when the "issue" is a pull request, which plans do not count. */
  pullRequest?: boolean;
}

/** What the edge found for an `issue` entry. */
export type IssueFound = { exists: false } | ({ exists: true } & PlanIssue);
/** What the edge found for a `milestone` entry: its issues and due date. */
export type MilestoneFound = { exists: false } | { exists: true; issues: PlanIssue[]; due: string | null };
/** What the edge found for a `label` entry: the issues carrying it. */
export type LabelFound = { exists: false } | { exists: true; issues: PlanIssue[] };
export type PlanFound = IssueFound | MilestoneFound | LabelFound;

const counted = (i: PlanIssue) =>
  !i.pullRequest && !(i.state === "closed" && (i.stateReason === "not_planned" || i.stateReason === "duplicate"));
const isDone = (i: PlanIssue) => i.state === "closed" && (i.stateReason === "completed" || i.stateReason === null);

function describe(entry: PlanEntry): Pick<PlanEntryReport, "title" | "kind" | "ref"> {
  if (entry.issue !== undefined)
    return {
      title: entry.title,
      kind: "issue",
      ref: typeof entry.issue === "number" ? `#${entry.issue}` : entry.issue,
    };
  if (entry.milestone !== undefined) return { title: entry.title, kind: "milestone", ref: entry.milestone };
  return { title: entry.title, kind: "label", ref: entry.label ?? "" };
}

function issuesOf(found: PlanFound): PlanIssue[] {
  if (!found.exists) return [];
  return "issues" in found ? found.issues : [found as PlanIssue];
}

/**
 * `found[i]` is what the edge found for `entries[i]`; undefined when it could not look (then that entry's
 * figures and the plan's totals are unknown, null).
 */
export function planProgress(entries: PlanEntry[], found: (PlanFound | undefined)[]): PlanReport {
  const all = new Map<string, PlanIssue>();
  const key = (i: PlanIssue) => `${i.repo ?? ""}#${i.number}`;
  let unknown = false;
  const reports = entries.map((entry, index): PlanEntryReport => {
    const base = describe(entry);
    const f = found[index];
    if (!f) {
      unknown = true;
      return { ...base, done: null, total: null };
    }
    if (!f.exists) return { ...base, done: 0, total: 0, missing: true };
    const issues = [
      ...new Map(
        issuesOf(f)
          .filter(counted)
          .map((i) => [key(i), i]),
      ).values(),
    ];
    for (const issue of issues) all.set(key(issue), issue);
    const report: PlanEntryReport = { ...base, done: issues.filter(isDone).length, total: issues.length };
    if (base.kind === "issue") report.state = (f as PlanIssue).state;
    if ("due" in f) report.due = f.due;
    return report;
  });
  const issues = [...all.values()];
  return {
    done: unknown ? null : issues.filter(isDone).length,
    total: unknown ? null : issues.length,
    entries: reports,
  };
}
