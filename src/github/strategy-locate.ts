/** One GraphQL query that finds the first strategy file among every place it may live (docs/contract.md §1). */
import { isSelected } from "./graphql/answers.js";
import type { LocateStrategyQuery, LocateStrategyQueryVariables } from "./graphql/types.generated.js";
import type { GitHub } from "./octokit.js";
import { LOCAL_PATHS, type RepoFile } from "./strategy-source.js";

const blob = (alias: string, path: string) =>
  `${alias}: object(expression: "HEAD:${path}") { ... on Blob { oid byteSize text } }`;
const blobs = LOCAL_PATHS.map((path, i) => blob(`p${i}`, path)).join("\n    ");

export const LOCATE_STRATEGY_QUERY = /* GraphQL */ `
  query LocateStrategy($owner: String!, $repo: String!, $orgRepo: String!) {
    local: repository(owner: $owner, name: $repo) {
    ${blobs}
    }
    org: repository(owner: $owner, name: $orgRepo) {
    ${blobs}
    }
  }
`;

/** A place's blobs as answered, by alias `p<i>`; an alias GitHub did not answer reads as absent. */
type Blobs = Partial<NonNullable<LocateStrategyQuery["local"]>>;
type Located = { local?: Blobs | null; org?: Blobs | null };

/** The repository's own file first, then the owner's `.github` repository's (`includeOrg`). */
export async function locateSource(
  octokit: GitHub,
  owner: string,
  repo: string,
  includeOrg = true,
): Promise<RepoFile | null> {
  const data = await queryAllowingMissing(octokit, { owner, repo, orgRepo: includeOrg ? ".github" : repo });
  const places: [string, Blobs | null | undefined][] = [[repo, data.local]];
  if (includeOrg && repo !== ".github") places.push([".github", data.org]);
  for (const [name, found] of places) {
    for (const [i, path] of LOCAL_PATHS.entries()) {
      const hit = found?.[`p${i}` as keyof Blobs];
      if (isSelected(hit) && hit.oid)
        return {
          owner,
          repo: name,
          path,
          sha: hit.oid,
          text: hit.text ?? " ".repeat(Math.min(hit.byteSize, 300 * 1024)),
        };
    }
  }
  return null;
}

/** A missing `.github` repository is an answer (no org strategy), not a failure: keep the partial data. */
async function queryAllowingMissing(octokit: GitHub, variables: LocateStrategyQueryVariables): Promise<Located> {
  try {
    return await octokit.graphql<LocateStrategyQuery>(LOCATE_STRATEGY_QUERY, variables);
  } catch (error) {
    const partial = (error as { data?: Located }).data;
    const errors = (error as { errors?: { type?: string }[] }).errors ?? [];
    if (partial && errors.every((e) => e.type === "NOT_FOUND")) return partial;
    throw error;
  }
}
