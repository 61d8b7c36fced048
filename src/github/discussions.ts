/**
 * The monthly report as a Discussion: which category it goes in, and creating or updating it. Which
 * Discussion is the app's own is decided by the caller from the report context (author and title).
 */
import type {
  CreateReportDiscussionMutation,
  CreateReportDiscussionMutationVariables,
  DeleteReportDiscussionMutationVariables,
  UpdateReportDiscussionMutation,
  UpdateReportDiscussionMutationVariables,
} from "./graphql/types.generated.js";
import type { GitHub } from "./octokit.js";
import type { Category } from "./report-context.js";

export const CREATE_DISCUSSION_MUTATION = /* GraphQL */ `
  mutation CreateReportDiscussion($repositoryId: ID!, $categoryId: ID!, $title: String!, $body: String!) {
    createDiscussion(input: { repositoryId: $repositoryId, categoryId: $categoryId, title: $title, body: $body }) {
      discussion { id url }
    }
  }
`;

export const UPDATE_DISCUSSION_MUTATION = /* GraphQL */ `
  mutation UpdateReportDiscussion($id: ID!, $body: String!) {
    updateDiscussion(input: { discussionId: $id, body: $body }) {
      discussion { id url }
    }
  }
`;

export const DELETE_DISCUSSION_MUTATION = /* GraphQL */ `
  mutation DeleteReportDiscussion($id: ID!) {
    deleteDiscussion(input: { id: $id }) {
      discussion { id }
    }
  }
`;

const byName = (categories: Category[], name: string) => {
  const wanted = name.trim().toLowerCase();
  return categories.find((c) => c.name.toLowerCase() === wanted || c.slug.toLowerCase() === wanted);
};

/** The configured category, else Announcements, else General, else the first; null when there is none. */
export function reportCategory(categories: Category[], configured: string): Category | null {
  return (
    byName(categories, configured) ??
    byName(categories, "Announcements") ??
    byName(categories, "General") ??
    categories[0] ??
    null
  );
}

type Written = { discussion: { id: string; url: string } | null } | null;

/** The Discussion a mutation wrote; GitHub answers with it whenever the write succeeded. */
function written(answer: Written): { id: string; url: string } {
  if (!answer?.discussion) throw new Error("GitHub answered the write without the Discussion");
  return { id: answer.discussion.id, url: answer.discussion.url };
}

export async function createDiscussion(
  octokit: GitHub,
  input: { repositoryId: string; categoryId: string; title: string; body: string },
): Promise<{ id: string; url: string }> {
  const answer = await octokit.graphql<CreateReportDiscussionMutation>(
    CREATE_DISCUSSION_MUTATION,
    input satisfies CreateReportDiscussionMutationVariables,
  );
  return written(answer.createDiscussion);
}

export async function updateDiscussion(
  octokit: GitHub,
  input: { id: string; body: string },
): Promise<{ id: string; url: string }> {
  const answer = await octokit.graphql<UpdateReportDiscussionMutation>(
    UPDATE_DISCUSSION_MUTATION,
    input satisfies UpdateReportDiscussionMutationVariables,
  );
  return written(answer.updateDiscussion);
}

/** Only ever called on a Discussion the app has just created itself (a duplicate from a concurrent run). */
export async function deleteDiscussion(octokit: GitHub, id: string): Promise<void> {
  await octokit.graphql(DELETE_DISCUSSION_MUTATION, { id } satisfies DeleteReportDiscussionMutationVariables);
}
