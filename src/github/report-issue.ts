/** The monthly report as an issue, for repositories with Discussions turned off. */
import type {
  CloseDuplicateReportIssueMutationVariables,
  CreateReportIssueMutation,
  CreateReportIssueMutationVariables,
  UpdateReportIssueMutation,
  UpdateReportIssueMutationVariables,
} from "./graphql/types.generated.js";
import type { GitHub } from "./octokit.js";

export const CREATE_REPORT_ISSUE_MUTATION = /* GraphQL */ `
  mutation CreateReportIssue($repositoryId: ID!, $title: String!, $body: String!) {
    createIssue(input: { repositoryId: $repositoryId, title: $title, body: $body }) {
      issue { id url }
    }
  }
`;

export const UPDATE_REPORT_ISSUE_MUTATION = /* GraphQL */ `
  mutation UpdateReportIssue($id: ID!, $body: String!) {
    updateIssue(input: { id: $id, body: $body }) {
      issue { id url }
    }
  }
`;

export const CLOSE_DUPLICATE_REPORT_ISSUE_MUTATION = /* GraphQL */ `
  mutation CloseDuplicateReportIssue($id: ID!) {
    closeIssue(input: { issueId: $id, stateReason: NOT_PLANNED }) {
      issue { id }
    }
  }
`;

type Written = { issue: { id: string; url: string } | null } | null;

/** The issue a mutation wrote; GitHub answers with it whenever the write succeeded. */
function written(answer: Written): { id: string; url: string } {
  if (!answer?.issue) throw new Error("GitHub answered the write without the issue");
  return { id: answer.issue.id, url: answer.issue.url };
}

export async function createReportIssue(
  octokit: GitHub,
  input: { repositoryId: string; title: string; body: string },
): Promise<{ id: string; url: string }> {
  const answer = await octokit.graphql<CreateReportIssueMutation>(
    CREATE_REPORT_ISSUE_MUTATION,
    input satisfies CreateReportIssueMutationVariables,
  );
  return written(answer.createIssue);
}

export async function updateReportIssue(
  octokit: GitHub,
  input: { id: string; body: string },
): Promise<{ id: string; url: string }> {
  const answer = await octokit.graphql<UpdateReportIssueMutation>(
    UPDATE_REPORT_ISSUE_MUTATION,
    input satisfies UpdateReportIssueMutationVariables,
  );
  return written(answer.updateIssue);
}

/**
 * Issues cannot be deleted without admin rights: a duplicate the app just created is closed as not planned
 * (the schema GitHub publishes for clients does not yet offer "duplicate" as a reason).
 */
export async function closeDuplicateReportIssue(octokit: GitHub, id: string): Promise<void> {
  await octokit.graphql(CLOSE_DUPLICATE_REPORT_ISSUE_MUTATION, {
    id,
  } satisfies CloseDuplicateReportIssueMutationVariables);
}
