/**
 * Small GraphQL helpers shared by the report's edge modules: partial answers (one rejected alias must not
 * sink the others) and actor logins (GraphQL names a bot `slug` where REST and the app say `slug[bot]`).
 */
import type { GitHub } from "./octokit.js";

export interface GraphqlFailure {
  /** The path GitHub gives, e.g. ["m1"] or ["repository", "i0"]. */
  path: (string | number)[];
  message: string;
  /** GitHub's kind of error, e.g. "FORBIDDEN" or "NOT_FOUND", when it gives one. */
  type?: string;
}

export interface PartialAnswer<T> {
  /** The answer; fields GitHub could not resolve are null (or the whole answer is null, see below). */
  data: T | null;
  errors: GraphqlFailure[];
}

/**
 * Runs a query and keeps GitHub's partial answer when some fields fail. A failure in a non-null field
 * (e.g. `search`) nulls the whole answer, so callers retry what they still need; anything that is not a
 * GraphQL answer (network, 5xx, auth) is thrown as usual.
 */
export async function graphqlPartial<T>(
  octokit: GitHub,
  query: string,
  variables: Record<string, unknown>,
): Promise<PartialAnswer<T>> {
  try {
    return { data: await octokit.graphql<T>(query, variables), errors: [] };
  } catch (error) {
    const answer = error as {
      data?: T | null;
      errors?: { path?: (string | number)[]; message?: string; type?: string }[];
    } | null;
    if (!answer || !Array.isArray(answer.errors) || !("data" in answer)) throw error;
    return {
      data: answer.data ?? null,
      errors: answer.errors.map((e) => ({
        path: e.path ?? [],
        message: e.message ?? "rejected by GitHub",
        ...(e.type ? { type: e.type } : {}),
      })),
    };
  }
}

/** The first error whose path starts with `path`, if any. */
export function errorAt(errors: GraphqlFailure[], ...path: (string | number)[]): GraphqlFailure | undefined {
  return errors.find((e) => path.every((part, i) => e.path[i] === part));
}

export { actorLogin } from "./identity.js";

/** GraphQL search strings quote values with spaces; a quote inside cannot be escaped, so it is dropped. */
export function quoted(value: string): string {
  return `"${value.replace(/"/g, "")}"`;
}
