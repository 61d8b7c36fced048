/**
 * The setup issue the app opens in a repository without a strategy: one query tells what the starter is
 * drawn from (labels, top-level folders, default branch) and whether the app ever opened the issue
 * there, in any state; closing it is then a single mutation (thank-you comment, then close).
 */
import { sameLogin } from "./identity.js";
import { authorQualifier } from "./month-counts.js";
import { isSelected, type Item, type Selected } from "./graphql/answers.js";
import type {
  CloseSetupIssueMutationVariables,
  FindSetupIssueQuery,
  FindSetupIssueQueryVariables,
  SetupContextQuery,
  SetupContextQueryVariables,
} from "./graphql/types.generated.js";
import type { GitHub, RepoRef } from "./octokit.js";
import { actorLogin, quoted } from "./report-graphql.js";

const ISSUE_FIELDS = "... on Issue { id number title state author { __typename login } }";

export const SETUP_CONTEXT_QUERY = /* GraphQL */ `
  query SetupContext($owner: String!, $repo: String!, $search: String!) {
    repository(owner: $owner, name: $repo) {
      isArchived
      hasIssuesEnabled
      defaultBranchRef { name }
      labels(first: 100) { nodes { name } }
      object(expression: "HEAD:") { ... on Tree { entries { name type } } }
    }
    search(type: ISSUE, first: 20, query: $search) { nodes { ${ISSUE_FIELDS} } }
  }
`;

export const FIND_SETUP_ISSUE_QUERY = /* GraphQL */ `
  query FindSetupIssue($search: String!) {
    search(type: ISSUE, first: 20, query: $search) { nodes { ${ISSUE_FIELDS} } }
  }
`;

export const CLOSE_SETUP_ISSUE_MUTATION = /* GraphQL */ `
  mutation CloseSetupIssue($id: ID!, $body: String!) {
    addComment(input: { subjectId: $id, body: $body }) { clientMutationId }
    closeIssue(input: { issueId: $id, stateReason: COMPLETED }) { issue { number state } }
  }
`;

export interface SetupIssue {
  id: string;
  number: number;
  state: "OPEN" | "CLOSED";
}

export interface SetupContext {
  /** False for archived repositories and those with issues turned off: nowhere to open an issue. */
  canOpenIssues: boolean;
  defaultBranch: string;
  labels: string[];
  folders: string[];
  /** The app's setup issue, open or closed, if it ever opened one. */
  existing: SetupIssue | undefined;
}

type IssueNode = Item<FindSetupIssueQuery["search"]["nodes"]>;

/** Search matches words anywhere in the title; the exact title and the author are checked on the results. */
const searchFor = ({ owner, repo }: RepoRef, title: string, login: string, open = false) =>
  `repo:${owner}/${repo} is:issue${open ? " is:open" : ""} in:title ${quoted(title)} author:${authorQualifier(login)}`;

function ownIssue(nodes: (IssueNode | null)[] | null, title: string, login: string): SetupIssue | undefined {
  const found = (nodes ?? [])
    .filter(isSelected)
    .find((n: Selected<IssueNode>) => n.title.trim() === title && sameLogin(actorLogin(n.author), login));
  return found?.id ? { id: found.id, number: found.number, state: found.state } : undefined;
}

/** Undefined when the repository cannot be read (gone, or no longer in the installation). */
export async function setupContext(
  octokit: GitHub,
  ref: RepoRef,
  title: string,
  login: string,
): Promise<SetupContext | undefined> {
  const answer = await octokit.graphql<SetupContextQuery>(SETUP_CONTEXT_QUERY, {
    ...ref,
    search: searchFor(ref, title, login),
  } satisfies SetupContextQueryVariables);
  const r = answer.repository;
  if (!r) return undefined;
  const tree = isSelected(r.object) ? r.object : undefined;
  return {
    canOpenIssues: r.hasIssuesEnabled && !r.isArchived,
    defaultBranch: r.defaultBranchRef?.name ?? "main",
    labels: (r.labels?.nodes ?? []).flatMap((l) => (l ? [l.name] : [])),
    folders: (tree?.entries ?? []).filter((e) => e.type === "tree").map((e) => e.name),
    existing: ownIssue(answer.search.nodes, title, login),
  };
}

export async function openSetupIssue(
  octokit: GitHub,
  ref: RepoRef,
  issue: { title: string; body: string },
): Promise<number> {
  const { data } = await octokit.rest.issues.create({ ...ref, title: issue.title, body: issue.body });
  return data.number;
}

/** The app's setup issue while it is still open. */
export async function findOpenSetupIssue(
  octokit: GitHub,
  ref: RepoRef,
  title: string,
  login: string,
): Promise<SetupIssue | undefined> {
  const answer = await octokit.graphql<FindSetupIssueQuery>(FIND_SETUP_ISSUE_QUERY, {
    search: searchFor(ref, title, login, true),
  } satisfies FindSetupIssueQueryVariables);
  const found = ownIssue(answer.search.nodes, title, login);
  return found?.state === "OPEN" ? found : undefined;
}

export async function closeSetupIssue(octokit: GitHub, issue: SetupIssue, comment: string): Promise<void> {
  await octokit.graphql(CLOSE_SETUP_ISSUE_MUTATION, {
    id: issue.id,
    body: comment,
  } satisfies CloseSetupIssueMutationVariables);
}
