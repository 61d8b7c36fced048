/**
 * An organisation's plan entries: an `issue` entry names an issue of the `.github` repository, or
 * `REPO#N` one of another repository of the owner (one request for all of them); a `milestone` or
 * `label` entry counts the issues carrying it across the repositories in scope, one search each, all in
 * one request (the first 100 of each are read; more leave the entry's progress unknown).
 */
import type { PlanFound, PlanIssue } from "../tally/plan.js";
import { isSelected, type Item, type Selected } from "./graphql/answers.js";
import type { PlanSearchQuery } from "./graphql/types.generated.js";
import type { GitHub } from "./octokit.js";
import { planItems, toIssue as planIssue, type PlanLookup, type PlanRef } from "./plan-items.js";
import { errorAt, graphqlPartial, quoted } from "./report-graphql.js";
import { zip } from "../text/zip.js";

const ISSUE = "number state stateReason repository { name } milestone { title dueOn }";

/** The document for `n` searches of plan issues: variables $q0.., aliases s0... */
export function planSearchQuery(n: number): string {
  const variables = Array.from({ length: n }, (_, i) => `$q${i}: String!`).join(", ");
  const fields = Array.from(
    { length: n },
    (_, i) =>
      `s${i}: search(type: ISSUE, first: 100, query: $q${i}) { issueCount nodes { ... on Issue { ${ISSUE} } } }`,
  );
  return `query PlanSearch(${variables}) {\n  ${fields.join("\n  ")}\n}`;
}

/** The shape every plan search has. @public (checked against GitHub's schema) */
export const PLAN_SEARCH_QUERY = planSearchQuery(2);

/** Every alias `s<i>` answers as `s0` of the exported form does (null where GitHub rejected its search). */
type Answer = Record<`s${number}`, PlanSearchQuery["s0"] | null>;
type RawIssue = Selected<Item<PlanSearchQuery["s0"]["nodes"]>>;

function toIssue(i: RawIssue): PlanIssue {
  const { number, state, stateReason } = planIssue(i);
  return { number, repo: i.repository.name, state, stateReason };
}

/**
 * `scope` qualifies the searches to the repositories in scope (e.g. `org:acme archived:false`); `home` is
 * the repository plain issue numbers refer to (the owner's `.github`).
 */
export async function orgPlanItems(
  octokit: GitHub,
  owner: string,
  home: string,
  scope: string,
  refs: PlanRef[],
): Promise<PlanLookup[]> {
  const result: PlanLookup[] = new Array(refs.length);
  const issues = refs.flatMap((ref, i) => ("issue" in ref ? [{ ref, i }] : []));
  const searched = refs.flatMap((ref, i) => ("issue" in ref ? [] : [{ ref, i }]));
  const [found, counted] = await Promise.all([
    issues.length > 0
      ? planItems(
          octokit,
          { owner, repo: home },
          issues.map((e) => e.ref),
        )
      : [],
    searched.length > 0
      ? search(
          octokit,
          scope,
          searched.map((e) => e.ref as Exclude<PlanRef, { issue: number }>),
        )
      : [],
  ]);
  for (const [{ ref, i }, lookup] of zip(issues, found)) {
    const repo = "issue" in ref ? (ref.repo ?? home) : home;
    result[i] =
      lookup.found.exists && "number" in lookup.found
        ? { ...lookup, found: { ...lookup.found, repo } as PlanFound }
        : lookup;
  }
  for (const [{ i }, lookup] of zip(searched, counted)) result[i] = lookup;
  return result;
}

async function search(
  octokit: GitHub,
  scope: string,
  refs: Exclude<PlanRef, { issue: number }>[],
): Promise<PlanLookup[]> {
  const queries = refs.map((ref) =>
    "milestone" in ref
      ? `${scope} is:issue milestone:${quoted(ref.milestone)}`
      : `${scope} is:issue label:${quoted(ref.label)}`,
  );
  const variables = Object.fromEntries(queries.map((q, i) => [`q${i}`, q]));
  const { data, errors } = await graphqlPartial<Answer>(octokit, planSearchQuery(queries.length), variables);
  return refs.map((ref, i) => {
    const failure = errorAt(errors, `s${i}`);
    const answer = data?.[`s${i}`];
    if (failure || !answer)
      throw new Error(
        `GitHub did not answer the plan search ${queries[i]}: ${failure?.message ?? errors[0]?.message ?? "no answer"}`,
      );
    // Search matches words: keep the issues whose milestone (or label, by the search itself) is the one named.
    const nodes = (answer.nodes ?? []).filter(isSelected);
    const wanted = "milestone" in ref ? ref.milestone.trim().toLowerCase() : undefined;
    const matching =
      wanted === undefined ? nodes : nodes.filter((n) => n.milestone?.title.trim().toLowerCase() === wanted);
    if (answer.issueCount === 0 || matching.length === 0) return { found: { exists: false }, unread: 0 };
    const unread = Math.max(0, answer.issueCount - (answer.nodes?.length ?? 0));
    const issues = matching.map(toIssue);
    if (wanted === undefined) return { found: { exists: true, issues }, unread };
    const dues = matching
      .map((n) => n.milestone?.dueOn?.slice(0, 10) ?? null)
      .filter((d): d is string => d !== null)
      .sort();
    return { found: { exists: true, issues, due: dues.at(-1) ?? null }, unread };
  });
}
