/**
 * What the monthly report needs to know about a repository before anything else, in one query: its id,
 * default branch, whether Discussions are on and their categories, and the reports already written
 * (recent Discussions and issues listed directly, because search lags behind fresh writes, plus a title
 * search for older ones).
 */
import { isSelected, type Item } from "./graphql/answers.js";
import type { ReportContextQuery, ReportContextQueryVariables } from "./graphql/types.generated.js";
import type { GitHub, RepoRef } from "./octokit.js";
import { actorLogin, graphqlPartial, quoted } from "./report-graphql.js";

const REPORT_FIELDS = "id number title url createdAt lastEditedAt author { __typename login }";

export const REPORT_CONTEXT_QUERY = /* GraphQL */ `
  query ReportContext($owner: String!, $repo: String!, $discussionSearch: String!, $issueSearch: String!) {
    repository(owner: $owner, name: $repo) {
      id
      hasDiscussionsEnabled
      defaultBranchRef { name }
      discussionCategories(first: 100) { nodes { id name slug } }
      discussions(first: 100, orderBy: { field: CREATED_AT, direction: DESC }) { nodes { ${REPORT_FIELDS} } }
      issues(first: 100, orderBy: { field: CREATED_AT, direction: DESC }) { nodes { ${REPORT_FIELDS} } }
    }
    discussionSearch: search(type: DISCUSSION, first: 100, query: $discussionSearch) {
      nodes { ... on Discussion { ${REPORT_FIELDS} } }
    }
    issueSearch: search(type: ISSUE, first: 100, query: $issueSearch) {
      nodes { ... on Issue { ${REPORT_FIELDS} } }
    }
  }
`;

export interface Category {
  id: string;
  name: string;
  slug: string;
}

/** A report-like Discussion or issue: its title and author, not yet its body. */
export interface ReportRef {
  kind: "discussion" | "issue";
  id: string;
  number: number;
  title: string;
  url: string;
  createdAt: string;
  /** When its body was last written: its last edit, or its creation. */
  writtenAt: string;
  /** As REST writes it: bots with the `[bot]` suffix. */
  author: string;
}

export interface ReportContext {
  repositoryId: string;
  defaultBranch: string;
  discussionsEnabled: boolean;
  categories: Category[];
  /** Every Discussion and issue found whose title starts with the report's prefix, whoever wrote it. */
  reports: ReportRef[];
}

/** A Discussion or issue as listed or searched (search answers hold an empty object for other types). */
type Node = Item<NonNullable<ReportContextQuery["discussionSearch"]>["nodes"]>;

const OPTIONAL = new Set(["discussions", "discussionCategories", "discussionSearch", "issueSearch"]);

export async function reportContext(
  octokit: GitHub,
  { owner, repo }: RepoRef,
  titlePrefix: string,
): Promise<ReportContext> {
  // Search matches words, so the phrase leaves out the prefix's trailing ": "; titles are compared exactly below.
  const search = `repo:${owner}/${repo} in:title ${quoted(titlePrefix.replace(/[:\s]+$/, ""))}`;
  const { data: answer, errors } = await graphqlPartial<ReportContextQuery>(octokit, REPORT_CONTEXT_QUERY, {
    owner,
    repo,
    discussionSearch: search,
    issueSearch: `${search} is:issue sort:created-desc`,
  } satisfies ReportContextQueryVariables);
  // Discussions may be off and searches may fail on their own: those parts read as empty. Anything else
  // (no repository, no access) is an error.
  const fatal = errors.find((e) => !OPTIONAL.has(String(e.path[0] === "repository" ? e.path[1] : e.path[0])));
  if (fatal || !answer?.repository)
    throw new Error(`GitHub did not answer the report's repository query: ${fatal?.message ?? "no repository"}`);
  const r = answer.repository;
  const seen = new Set<string>();
  const reports: ReportRef[] = [];
  const collect = (kind: ReportRef["kind"], nodes: (Node | null)[] | null | undefined) => {
    for (const node of nodes ?? []) {
      if (!isSelected(node) || seen.has(node.id) || !node.title.startsWith(titlePrefix)) continue;
      seen.add(node.id);
      const { id, number, title, url, createdAt } = node;
      reports.push({
        kind,
        id,
        number,
        title,
        url,
        createdAt,
        writtenAt: node.lastEditedAt ?? createdAt,
        author: actorLogin(node.author),
      });
    }
  };
  collect("discussion", r.discussions?.nodes);
  collect("discussion", answer.discussionSearch?.nodes);
  collect("issue", r.issues?.nodes);
  collect("issue", answer.issueSearch?.nodes);
  return {
    repositoryId: r.id,
    defaultBranch: r.defaultBranchRef?.name ?? "main",
    discussionsEnabled: r.hasDiscussionsEnabled,
    categories: (r.discussionCategories?.nodes ?? []).flatMap((c) =>
      c ? [{ id: c.id, name: c.name, slug: c.slug }] : [],
    ),
    reports,
  };
}
