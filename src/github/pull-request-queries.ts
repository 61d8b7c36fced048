/** The GraphQL documents a pull-request event sends: the one context query, and the rarely needed next pages. */
import { TIMELINE_FIELDS } from "./item-history.js";
import { countFields } from "./month-counts.js";

export const CHECK_NAME = "Strategy alignment";
export const STRATEGY_FILE_CHECK = "Strategy file";
export const MAX_FILES = 3000;

export const COMMENT_FIELDS = /* GraphQL */ `
  pageInfo { hasNextPage endCursor }
  nodes { databaseId createdAt author { __typename login } body }
`;

export function pullRequestContextQuery(counts: Record<string, string>): string {
  return /* GraphQL */ `
  query PullRequestContext($owner: String!, $repo: String!, $number: Int!, $sha: GitObjectID!, $appId: Int, $withFiles: Boolean!) {
    repository(owner: $owner, name: $repo) {
      pullRequest(number: $number) {
        files(first: 100) @include(if: $withFiles) { totalCount pageInfo { hasNextPage endCursor } nodes { path } }
        closingIssuesReferences(first: 10) { nodes { number labels(first: 50) { nodes { name } } } }
        ${TIMELINE_FIELDS}
        comments(first: 100) { ${COMMENT_FIELDS} }
      }
      object(oid: $sha) {
        ... on Commit {
          checkSuites(first: 50, filterBy: { appId: $appId }) {
            nodes {
              checkRuns(first: 5, filterBy: { checkName: "${CHECK_NAME}" }) { nodes { ...Run } }
              strategyFile: checkRuns(first: 1, filterBy: { checkName: "${STRATEGY_FILE_CHECK}" }) { nodes { ...Run } }
            }
          }
        }
      }
    }
    ${countFields(counts)}
  }
  fragment Run on CheckRun { databaseId conclusion title summary }`;
}

/**
 * The context query without the month's counts: the shape of every context query, the aliased
 * `count_<name>` searches aside (typed by MonthCounts). @public (checked against GitHub's schema, and typed)
 */
export const PULL_REQUEST_CONTEXT_QUERY = pullRequestContextQuery({});

export const PULL_REQUEST_FILES_QUERY = /* GraphQL */ `
  query PullRequestFiles($owner: String!, $repo: String!, $number: Int!, $after: String) {
    repository(owner: $owner, name: $repo) {
      pullRequest(number: $number) { files(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { path } } }
    }
  }
`;

export const PULL_REQUEST_COMMENTS_QUERY = /* GraphQL */ `
  query PullRequestComments($owner: String!, $repo: String!, $number: Int!, $after: String) {
    repository(owner: $owner, name: $repo) {
      pullRequest(number: $number) { comments(first: 100, after: $after) { ${COMMENT_FIELDS} } }
    }
  }
`;
