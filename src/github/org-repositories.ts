/**
 * An owner's repositories with their strategy files, 100 a request: each repository's name, default
 * branch and the text of the strategy file at each place it may be (docs/contract.md §1), read in the same
 * query. Archived repositories and forks are left out by GitHub's own filters. A repository whose part of
 * the answer fails (access revoked, deleted while read) comes back unreadable, the rest as usual.
 */
import { isSelected, type Item } from "./graphql/answers.js";
import type { OrgRepositoriesQuery, OrgRepositoriesQueryVariables } from "./graphql/types.generated.js";
import type { GitHub } from "./octokit.js";
import { graphqlPartial, type PartialAnswer } from "./report-graphql.js";
import { LOCAL_PATHS } from "./strategy-source.js";

const blobs = LOCAL_PATHS.map(
  (path, i) => `p${i}: object(expression: "HEAD:${path}") { ... on Blob { oid byteSize isTruncated text } }`,
).join("\n          ");

export const ORG_REPOSITORIES_QUERY = /* GraphQL */ `
  query OrgRepositories($owner: String!, $after: String) {
    repositoryOwner(login: $owner) {
      __typename
      repositories(first: 100, after: $after, isFork: false, isArchived: false, ownerAffiliations: [OWNER], orderBy: { field: NAME, direction: ASC }) {
        pageInfo { hasNextPage endCursor }
        nodes {
          name
          defaultBranchRef { name }
          ${blobs}
        }
      }
    }
  }
`;

/** A strategy file found in a repository: its path and text (null when GitHub gives no text: binary or too large). */
export interface FoundFile {
  path: string;
  sha: string;
  text: string | null;
}

export interface OwnerRepository {
  name: string;
  /** null for an empty repository. */
  defaultBranch: string | null;
  /** The first strategy file among its places, or null when it has none of its own. */
  file: FoundFile | null;
  /** Why it could not be read, when its part of the answer failed. */
  unreadable?: string;
}

export interface OwnerRepositories {
  /** "Organization" or "User": search qualifies the owner with `org:` or `user:`. */
  kind: "Organization" | "User";
  repositories: OwnerRepository[];
}

type Answer = OrgRepositoriesQuery;
type Node = Item<NonNullable<Answer["repositoryOwner"]>["repositories"]["nodes"]>;
/** The blob aliases `p<i>`, one per strategy path. */
type BlobAlias = Extract<keyof Node, `p${number}`>;

function fileOf(node: Node): FoundFile | null {
  for (const [i, path] of LOCAL_PATHS.entries()) {
    const blob = node[`p${i}` as BlobAlias];
    if (isSelected(blob) && blob.oid) return { path, sha: blob.oid, text: blob.isTruncated ? null : blob.text };
  }
  return null;
}

/** Every repository of `owner` the token can see, not archived, not a fork; null when there is no such owner. */
export async function ownerRepositories(octokit: GitHub, owner: string): Promise<OwnerRepositories | null> {
  const repositories: OwnerRepository[] = [];
  let kind: OwnerRepositories["kind"] = "Organization";
  let after: string | null = null;
  for (;;) {
    const { data, errors }: PartialAnswer<Answer> = await graphqlPartial<Answer>(octokit, ORG_REPOSITORIES_QUERY, {
      owner,
      after,
    } satisfies OrgRepositoriesQueryVariables);
    const nodes = data?.repositoryOwner?.repositories.nodes;
    // Failures inside one repository's node are that repository's; any other failure is the whole query's.
    const inNode = (path: (string | number)[]) =>
      path[0] === "repositoryOwner" && path[2] === "nodes" && typeof path[3] === "number";
    const other = errors.find((e) => !inNode(e.path));
    if (other || (errors.length > 0 && !nodes))
      throw new Error(`GitHub did not list the repositories of ${owner}: ${(other ?? errors[0])?.message}`);
    if (!data?.repositoryOwner) return null;
    kind = data.repositoryOwner.__typename;
    const page: NonNullable<Answer["repositoryOwner"]>["repositories"] = data.repositoryOwner.repositories;
    (page.nodes ?? []).forEach((node, i) => {
      const failed = errors.find((e) => e.path[3] === i);
      if (!node) {
        if (failed)
          repositories.push({
            name: `(repository ${repositories.length + 1})`,
            defaultBranch: null,
            file: null,
            unreadable: failed.message,
          });
        return;
      }
      const entry: OwnerRepository = {
        name: node.name,
        defaultBranch: node.defaultBranchRef?.name ?? null,
        file: failed ? null : fileOf(node),
      };
      if (failed) entry.unreadable = failed.message;
      repositories.push(entry);
    });
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
    after = page.pageInfo.endCursor;
  }
  return { kind, repositories };
}
