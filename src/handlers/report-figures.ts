/**
 * The report's figures besides shipped work: issues closed per problem, counted metrics and plan
 * progress, one request each. Each is a side figure: when GitHub cannot give one, the report still goes
 * out with that figure unknown and a note saying so.
 */
import { metricCounts, type MetricReadings } from "../github/metric-counts.js";
import type { GitHub, RepoRef } from "../github/octokit.js";
import { orgPlanItems } from "../github/org-plan.js";
import { planItems, type PlanRef } from "../github/plan-items.js";
import { closedIssuesByLabel } from "../github/report-closed-issues.js";
import type { PlanEntry, Strategy } from "../strategy/schema.js";
import type { MonthWindow, PlanFound } from "../tally/index.js";
import { zip } from "../text/zip.js";

export interface Figures {
  issuesClosed?: Record<string, number | null>;
  readings?: MetricReadings;
  plans?: Record<string, (PlanFound | undefined)[]>;
  notes: string[];
}

/** A plan entry as a lookup; `REPO#N` names an issue of another repository of the owner (the reported one: just N). */
export function planRefOf(e: PlanEntry, reported: string): PlanRef | undefined {
  if (e.issue !== undefined) {
    if (typeof e.issue === "number") return { issue: e.issue };
    const hash = e.issue.indexOf("#"); // REPO#NUMBER, as the schema checked
    const repo = e.issue.slice(0, hash);
    const number = e.issue.slice(hash + 1);
    return repo.toLowerCase() === reported.toLowerCase() ? { issue: Number(number) } : { issue: Number(number), repo };
  }
  return e.milestone !== undefined
    ? { milestone: e.milestone }
    : e.label !== undefined
      ? { label: e.label }
      : undefined;
}

/** An organisation report's: searches span the repositories in scope (`qualifier`), plain issue numbers are the `.github` repository's. */
export interface OrgFigures {
  qualifier: string;
}

async function plans(
  octokit: GitHub,
  ref: RepoRef,
  strategy: Strategy,
  notes: string[],
  org?: OrgFigures,
): Promise<Figures["plans"]> {
  const rows = strategy.problems.map((p) => ({
    id: p.id,
    plan: p.plan,
    found: p.plan.map((): PlanFound | undefined => undefined),
  }));
  const entries = rows.flatMap(({ plan, found }) =>
    plan.flatMap((entry, index) => {
      const planRef = planRefOf(entry, ref.repo);
      return planRef ? [{ found, index, entry, planRef }] : [];
    }),
  );
  const refs = entries.map((e) => e.planRef);
  const looked = org
    ? await orgPlanItems(octokit, ref.owner, ref.repo, org.qualifier, refs)
    : await planItems(octokit, ref, refs);
  for (const [{ found, index, entry }, lookup] of zip(entries, looked)) {
    // A count of the first 100 would be wrong, not partial: past them the figure is unknown (null).
    const complete = lookup.unread === 0;
    found[index] = complete ? lookup.found : undefined;
    if (!complete) notes.push(`Plan "${entry.title}": more than 100 issues, so its progress is not counted.`);
  }
  return Object.fromEntries(rows.map(({ id, found }) => [id, found]));
}

async function closed(
  octokit: GitHub,
  ref: RepoRef,
  strategy: Strategy,
  period: MonthWindow,
  org?: OrgFigures,
): Promise<Figures["issuesClosed"]> {
  const counts = await closedIssuesByLabel(
    octokit,
    ref,
    strategy.problems.map((p) => p.label),
    period.searchRange,
    org?.qualifier,
  );
  return Object.fromEntries(zip(strategy.problems, counts).map(([p, c]) => [p.id, c.count]));
}

export async function gatherFigures(
  octokit: GitHub,
  ref: RepoRef,
  strategy: Strategy,
  period: MonthWindow,
  org?: OrgFigures,
): Promise<Figures> {
  const notes: string[] = [];
  const hasPlan = strategy.problems.some((p) => p.plan.length > 0);
  const hasCounts = strategy.problems.some((p) => p.metrics.some((m) => m.count !== undefined));
  const failed = (what: string) => (error: unknown) => {
    notes.push(`${what} could not be read from GitHub (${error instanceof Error ? error.message : String(error)}).`);
    return undefined;
  };
  const [issuesClosed, readings, planFound] = await Promise.all([
    closed(octokit, ref, strategy, period, org).catch(failed("Issues closed")),
    hasCounts
      ? metricCounts(octokit, ref, strategy.problems, period, org?.qualifier).catch(failed("Counted metrics"))
      : undefined,
    hasPlan ? plans(octokit, ref, strategy, notes, org).catch(failed("Plan progress")) : undefined,
  ]);
  return { issuesClosed, readings, plans: planFound, notes };
}
