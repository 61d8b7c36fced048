/**
 * The issues behind a strategy's plan entries, as they stand now, in one request: an `issue` entry's
 * issue, a `milestone` entry's issues, a `label` entry's issues (the first 100 of each). An entry naming
 * something the repository does not have comes back as not existing.
 */
import type { PlanFound, PlanIssue } from "../tally/plan.js";
import type { IssueState, IssueStateReason, PlanItemsQuery } from "./graphql/types.generated.js";
import type { GitHub, RepoRef } from "./octokit.js";
import { errorAt, graphqlPartial } from "./report-graphql.js";

/** An `issue` entry may name an issue of another repository of the same owner (`repo`). */
export type PlanRef = { issue: number; repo?: string } | { milestone: string } | { label: string };

export interface PlanLookup {
  found: PlanFound;
  /** Issues GitHub holds for the entry beyond the first 100 read (0 when all were read). */
  unread: number;
}

const ISSUE = "number state stateReason";
const ISSUES = `issues(first: 100, states: [OPEN, CLOSED]) { totalCount nodes { ${ISSUE} } }`;

const field = (ref: PlanRef, i: number) =>
  "issue" in ref
    ? `e${i}: issueOrPullRequest(number: $v${i}) { __typename ... on Issue { ${ISSUE} } }`
    : "milestone" in ref
      ? `e${i}: milestones(query: $v${i}, first: 20) { nodes { title dueOn ${ISSUES} } }`
      : `e${i}: label(name: $v${i}) { name ${ISSUES} }`;

const elsewhere = (ref: PlanRef): ref is { issue: number; repo: string } => "issue" in ref && ref.repo !== undefined;

/**
 * The document for these entries: variables $v0.., aliases e0.. under one `repository`; an issue of
 * another repository under its own alias r<i> (variable $r<i>).
 */
export function planItemsQuery(refs: PlanRef[]): string {
  const variables = refs.flatMap((ref, i) => [
    `$v${i}: ${"issue" in ref ? "Int!" : "String!"}`,
    ...(elsewhere(ref) ? [`$r${i}: String!`] : []),
  ]);
  const here = refs.flatMap((ref, i) => (elsewhere(ref) ? [] : [field(ref, i)]));
  const other = refs.flatMap((ref, i) =>
    elsewhere(ref) ? [`r${i}: repository(owner: $owner, name: $r${i}) {\n    ${field(ref, i)}\n  }`] : [],
  );
  return `query PlanItems($owner: String!, $repo: String!, ${variables.join(", ")}) {
  repository(owner: $owner, name: $repo) {
    ${here.length > 0 ? here.join("\n    ") : "id"}
  }${other.map((o) => `\n  ${o}`).join("")}
}`;
}

/** The shape every plan request has. @public (checked against GitHub's schema with the other documents) */
export const PLAN_ITEMS_QUERY = planItemsQuery([
  { issue: 1 },
  { milestone: "M" },
  { label: "L" },
  { issue: 2, repo: "api" },
]);

/**
 * Every entry's alias answers as the exported form's alias of its kind does: `e0` an issue (or a pull
 * request, or nothing), `e1` a milestone search, `e2` a label; an issue of another repository as `r3.e3`.
 */
type Entries = NonNullable<PlanItemsQuery["repository"]>;
type Entry = Entries["e0"] | Entries["e1"] | Entries["e2"];
type Answer = Record<"repository" | `r${number}`, Record<`e${number}`, Entry> | null>;
type Issues = NonNullable<Entries["e2"]>["issues"];
type RawIssue = { number: number; state: IssueState; stateReason: IssueStateReason | null };

const REASONS: Record<IssueStateReason, PlanIssue["stateReason"]> = {
  COMPLETED: "completed",
  NOT_PLANNED: "not_planned",
  DUPLICATE: "duplicate",
  REOPENED: "reopened",
};

/** An issue's state as the plan reads it (GitHub's enums are upper-case). */
export const toIssue = (i: RawIssue): PlanIssue => ({
  number: i.number,
  state: i.state === "CLOSED" ? "closed" : "open",
  stateReason: i.stateReason ? REASONS[i.stateReason] : null,
});
const NOT_FOUND: PlanLookup = { found: { exists: false }, unread: 0 };
const some = (issues: Issues) => {
  const nodes = (issues.nodes ?? []).flatMap((i) => (i ? [i] : []));
  return { issues: nodes.map(toIssue), unread: Math.max(0, issues.totalCount - (issues.nodes?.length ?? 0)) };
};

function read(ref: PlanRef, entry: Entry | undefined): PlanLookup {
  if (!entry) return NOT_FOUND;
  if ("issue" in ref) {
    if (!("__typename" in entry)) return NOT_FOUND;
    if (entry.__typename === "PullRequest")
      return {
        found: { exists: true, number: ref.issue, state: "open", stateReason: null, pullRequest: true },
        unread: 0,
      };
    return entry.__typename === "Issue" ? { found: { exists: true, ...toIssue(entry) }, unread: 0 } : NOT_FOUND;
  }
  if ("milestone" in ref) {
    if (!("nodes" in entry)) return NOT_FOUND;
    const wanted = ref.milestone.trim().toLowerCase();
    const milestone = entry.nodes?.find((m) => m?.title.trim().toLowerCase() === wanted);
    if (!milestone) return NOT_FOUND;
    const { issues, unread } = some(milestone.issues);
    return { found: { exists: true, issues, due: milestone.dueOn?.slice(0, 10) ?? null }, unread };
  }
  if (!("issues" in entry) || !entry.issues) return NOT_FOUND;
  const { issues, unread } = some(entry.issues);
  return { found: { exists: true, issues }, unread };
}

const refValue = (ref: PlanRef) => ("issue" in ref ? ref.issue : "milestone" in ref ? ref.milestone : ref.label);

export async function planItems(octokit: GitHub, { owner, repo }: RepoRef, refs: PlanRef[]): Promise<PlanLookup[]> {
  if (refs.length === 0) return [];
  const variables = Object.fromEntries(
    refs.flatMap((ref, i) => [[`v${i}`, refValue(ref)], ...(elsewhere(ref) ? [[`r${i}`, ref.repo]] : [])]),
  );
  const { data, errors } = await graphqlPartial<Answer>(octokit, planItemsQuery(refs), { owner, repo, ...variables });
  // Only "not found" answers mean an entry is missing (another repository named may not exist either);
  // any other failure must not read as an empty plan.
  const notFound = (e: { path: (string | number)[]; message: string }) =>
    /could not resolve|not found/i.test(e.message) && (e.path[1] !== undefined || /^r\d+$/.test(String(e.path[0])));
  const other = errors.find((e) => !notFound(e));
  if (other || !data?.repository)
    throw new Error(`GitHub did not answer the plan query: ${other?.message ?? "no repository"}`);
  return refs.map((ref, i) => {
    const parent = elsewhere(ref) ? (`r${i}` as const) : "repository";
    const failed = elsewhere(ref) ? errorAt(errors, parent) : errorAt(errors, parent, `e${i}`);
    return read(ref, failed ? null : data[parent]?.[`e${i}` as const]);
  });
}
