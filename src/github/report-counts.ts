/**
 * Many GitHub search counts in one request: one aliased `search { issueCount }` per query. A query GitHub
 * rejects becomes that count's error while the others still count; when the rejection nulls the whole
 * answer (search is a non-null field), the unresolved queries are asked again one by one.
 */
import type { SearchCountsQuery } from "./graphql/types.generated.js";
import type { GitHub } from "./octokit.js";
import { errorAt, graphqlPartial } from "./report-graphql.js";

/** The document for `n` searches: variables $q0..$q(n-1), aliases c0..c(n-1). */
export function searchCountsQuery(n: number): string {
  const variables = Array.from({ length: n }, (_, i) => `$q${i}: String!`).join(", ");
  const fields = Array.from(
    { length: n },
    (_, i) => `c${i}: search(type: ISSUE, first: 1, query: $q${i}) { issueCount }`,
  );
  return `query SearchCounts(${variables}) {\n  ${fields.join("\n  ")}\n}`;
}

/** The shape every counts request has. @public (checked against GitHub's schema with the other documents) */
export const SEARCH_COUNTS_QUERY = searchCountsQuery(2);

export type Count = { count: number; error?: undefined } | { count: null; error: string };

/** A search GitHub answered without a count. */
const NO_COUNT: Count = { count: null, error: "GitHub gave no count for this search" };

/** Every alias `c<i>` answers as `c0` of the exported form does (null where GitHub rejected its search). */
type Answer = Record<`c${number}`, SearchCountsQuery["c0"] | null>;

async function ask(octokit: GitHub, queries: string[]): Promise<(Count | undefined)[]> {
  const variables = Object.fromEntries(queries.map((q, i) => [`q${i}`, q]));
  const { data, errors } = await graphqlPartial<Answer>(octokit, searchCountsQuery(queries.length), variables);
  return queries.map((_, i) => {
    const failure = errorAt(errors, `c${i}`);
    if (failure) return { count: null, error: failure.message };
    const found = data?.[`c${i}`];
    return found ? { count: found.issueCount } : undefined;
  });
}

/** The number of results of each search, in order. */
export async function searchCounts(octokit: GitHub, queries: string[]): Promise<Count[]> {
  if (queries.length === 0) return [];
  const first = await ask(octokit, queries);
  return Promise.all(
    queries.map(async (query, i) => {
      const count = first[i];
      if (count) return count;
      const [alone] = await ask(octokit, [query]);
      return alone ?? NO_COUNT;
    }),
  );
}
