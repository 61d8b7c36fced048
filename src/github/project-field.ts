/**
 * A GitHub Project (v2) and its single-select field naming the problem an item serves (docs/contract.md §12),
 * through GraphQL only: one query reads the Project, the field with its options, and this item's place
 * on the Project with its current value; three mutations create the field, rewrite its options and set
 * an item's value. Missing permission or a missing Project comes back as a status, never as a throw.
 */
import type { CurrentValue, ExistingOption, OptionSpec } from "../classify/index.js";
import { PROJECT_URL } from "../strategy/schema.js";
import { isSelected, type Item, type Selected } from "./graphql/answers.js";
import type {
  CreateProjectFieldMutation,
  CreateProjectFieldMutationVariables,
  ProjectFieldQuery,
  ProjectFieldQueryVariables,
  ProjectItemContentQuery,
  ProjectItemContentQueryVariables,
  ProjectItemQuery,
  ProjectItemQueryVariables,
  SetProjectValueMutationVariables,
  UpdateProjectFieldOptionsMutation,
  UpdateProjectFieldOptionsMutationVariables,
} from "./graphql/types.generated.js";
import { actorLogin } from "./identity.js";
import { statusOf, type GitHub, type RepoRef } from "./octokit.js";
import { graphqlPartial, type GraphqlFailure } from "./report-graphql.js";

/** Where a Project is: its owner's login and its number. */
export interface ProjectLocation {
  owner: string;
  number: number;
  url: string;
}

/** The owner and number in a Project URL (the schema has already checked its form). */
export function projectLocation(url: string): ProjectLocation | undefined {
  const match = PROJECT_URL.exec(url);
  return match ? { owner: match[2]!, number: Number(match[3]), url } : undefined;
}

const OPTION = "id name color description";
const FIELD = `field(name: $field) { __typename ... on ProjectV2SingleSelectField { id name options { ${OPTION} } } }`;
const PROJECT = `projectV2(number: $project) { id title viewerCanUpdate ${FIELD} }`;
const VALUE = `... on ProjectV2ItemFieldSingleSelectValue { optionId name creator { __typename login } updatedAt }`;
const ITEMS = `projectItems(first: 50) { nodes { id project { id } fieldValueByName(name: $field) { __typename ${VALUE} } } }`;

/**
 * The one read per item event: the item's places on Projects with the field's value, and (unless the
 * Project is already known for this strategy version) the Project, the field and its options.
 */
export const PROJECT_ITEM_QUERY = /* GraphQL */ `
  query ProjectItem($owner: String!, $repo: String!, $number: Int!, $projectOwner: String!, $project: Int!, $field: String!, $withProject: Boolean!) {
    projectOwner: repositoryOwner(login: $projectOwner) @include(if: $withProject) {
      ... on ProjectV2Owner { ${PROJECT} }
    }
    repository(owner: $owner, name: $repo) {
      issueOrPullRequest(number: $number) {
        __typename
        ... on Issue { ${ITEMS} }
        ... on PullRequest { ${ITEMS} }
      }
    }
  }
`;

/** The Project and its field alone (the `Strategy file` check says whether the app can use them). */
export const PROJECT_FIELD_QUERY = /* GraphQL */ `
  query ProjectField($projectOwner: String!, $project: Int!, $field: String!) {
    projectOwner: repositoryOwner(login: $projectOwner) {
      ... on ProjectV2Owner { ${PROJECT} }
    }
  }
`;

const FIELD_ANSWER = `projectV2Field { __typename ... on ProjectV2SingleSelectField { id name options { ${OPTION} } } }`;

export const CREATE_PROJECT_FIELD_MUTATION = /* GraphQL */ `
  mutation CreateProjectField($projectId: ID!, $name: String!, $options: [ProjectV2SingleSelectFieldOptionInput!]!) {
    createProjectV2Field(input: { projectId: $projectId, dataType: SINGLE_SELECT, name: $name, singleSelectOptions: $options }) {
      ${FIELD_ANSWER}
    }
  }
`;

export const UPDATE_PROJECT_FIELD_MUTATION = /* GraphQL */ `
  mutation UpdateProjectFieldOptions($fieldId: ID!, $options: [ProjectV2SingleSelectFieldOptionInput!]!) {
    updateProjectV2Field(input: { fieldId: $fieldId, singleSelectOptions: $options }) {
      ${FIELD_ANSWER}
    }
  }
`;

export const SET_PROJECT_VALUE_MUTATION = /* GraphQL */ `
  mutation SetProjectValue($projectId: ID!, $itemId: ID!, $fieldId: ID!, $optionId: String!) {
    updateProjectV2ItemFieldValue(input: { projectId: $projectId, itemId: $itemId, fieldId: $fieldId, value: { singleSelectOptionId: $optionId } }) {
      projectV2Item { id }
    }
  }
`;

/** The issue or pull request behind a Project item (the `projects_v2_item` event names only its node). */
export const PROJECT_ITEM_CONTENT_QUERY = /* GraphQL */ `
  query ProjectItemContent($id: ID!) {
    node(id: $id) {
      __typename
      ... on Issue { number repository { name owner { login } } }
      ... on PullRequest { number repository { name owner { login } } }
    }
  }
`;

export interface ProjectField {
  id: string;
  options: ExistingOption[];
}

/** What the app can see of the Project. */
export type ProjectState =
  | {
      status: "found";
      id: string;
      title: string;
      canUpdate: boolean;
      field: ProjectField | "missing" | "not-single-select";
    }
  | { status: "missing" }
  | { status: "forbidden"; message: string };

/** This item's place on one Project, with its value in the field. */
export interface ProjectItem {
  id: string;
  projectId: string;
  value: CurrentValue | null;
}

export interface ProjectItemRead {
  /** Present when the Project was asked for. */
  project?: ProjectState;
  /** The item's places on Projects; empty when it is on none (or they cannot be read, see `forbidden`). */
  items: ProjectItem[];
  /** Why the item's places could not be read, when they could not. */
  forbidden?: string;
}

/** The Project as PROJECT selects it (the item query and the field query select it alike). */
type RawProject = NonNullable<Selected<NonNullable<ProjectFieldQuery["projectOwner"]>>["projectV2"]> | null;
/** The field as FIELD and FIELD_ANSWER select it. */
type RawField = NonNullable<CreateProjectFieldMutation["createProjectV2Field"]>["projectV2Field"];
type RawItem = Item<
  NonNullable<NonNullable<NonNullable<ProjectItemQuery["repository"]>["issueOrPullRequest"]>["projectItems"]>["nodes"]
>;

export interface ProjectItemRequest extends RepoRef {
  number: number;
  project: ProjectLocation;
  field: string;
  /** Ask for the Project, the field and its options too (not needed while they are cached). */
  withProject: boolean;
}

export async function readProjectItem(octokit: GitHub, request: ProjectItemRequest): Promise<ProjectItemRead> {
  const variables = {
    owner: request.owner,
    repo: request.repo,
    number: request.number,
    projectOwner: request.project.owner,
    project: request.project.number,
    field: request.field,
    withProject: request.withProject,
  };
  const answer = await partial<ProjectItemQuery>(
    octokit,
    PROJECT_ITEM_QUERY,
    variables satisfies ProjectItemQueryVariables,
  );
  if ("forbidden" in answer)
    return { ...(request.withProject ? { project: answer } : {}), items: [], forbidden: answer.message };
  const { data, errors } = answer;
  const itemsDenied = denied(errors, "repository");
  const raw = data?.repository?.issueOrPullRequest?.projectItems?.nodes ?? [];
  return {
    ...(request.withProject ? { project: projectState(projectOf(data?.projectOwner), errors) } : {}),
    items: raw.flatMap((node) =>
      node ? [{ id: node.id, projectId: node.project.id, value: currentValue(node.fieldValueByName) }] : [],
    ),
    ...(itemsDenied ? { forbidden: itemsDenied.message } : {}),
  };
}

export async function readProjectField(
  octokit: GitHub,
  project: ProjectLocation,
  field: string,
): Promise<ProjectState> {
  const answer = await partial<ProjectFieldQuery>(octokit, PROJECT_FIELD_QUERY, {
    projectOwner: project.owner,
    project: project.number,
    field,
  } satisfies ProjectFieldQueryVariables);
  if ("forbidden" in answer) return answer;
  return projectState(projectOf(answer.data?.projectOwner), answer.errors);
}

export async function createProjectField(
  octokit: GitHub,
  projectId: string,
  name: string,
  options: OptionSpec[],
): Promise<ProjectField> {
  const answer = await octokit.graphql<CreateProjectFieldMutation>(CREATE_PROJECT_FIELD_MUTATION, {
    projectId,
    name,
    options,
  } satisfies CreateProjectFieldMutationVariables);
  return fieldOf(answer.createProjectV2Field?.projectV2Field ?? null);
}

export async function updateProjectFieldOptions(
  octokit: GitHub,
  fieldId: string,
  options: OptionSpec[],
): Promise<ProjectField> {
  const answer = await octokit.graphql<UpdateProjectFieldOptionsMutation>(UPDATE_PROJECT_FIELD_MUTATION, {
    fieldId,
    options,
  } satisfies UpdateProjectFieldOptionsMutationVariables);
  return fieldOf(answer.updateProjectV2Field?.projectV2Field ?? null);
}

export async function setProjectValue(
  octokit: GitHub,
  value: { projectId: string; itemId: string; fieldId: string; optionId: string },
): Promise<void> {
  await octokit.graphql(SET_PROJECT_VALUE_MUTATION, value satisfies SetProjectValueMutationVariables);
}

/** The repository and number of the issue or pull request behind a node; undefined for anything else. */
export async function projectItemContent(
  octokit: GitHub,
  id: string,
): Promise<(RepoRef & { number: number }) | undefined> {
  const answer = await partial<ProjectItemContentQuery>(octokit, PROJECT_ITEM_CONTENT_QUERY, {
    id,
  } satisfies ProjectItemContentQueryVariables);
  const node = "forbidden" in answer ? null : answer.data?.node;
  if (!node || !("number" in node) || !node.number || !node.repository) return undefined;
  return { owner: node.repository.owner.login, repo: node.repository.name, number: node.number };
}

/** Whether an error from a write says the app may not change the Project. */
export function isForbidden(error: unknown): boolean {
  const status = statusOf(error);
  if (status === 401 || status === 403) return true;
  const errors = (error as { errors?: { type?: string; message?: string }[] } | null)?.errors;
  return (
    Array.isArray(errors) &&
    errors.some((e) => e.type === "FORBIDDEN" || /not accessible by integration/i.test(e.message ?? ""))
  );
}

/** A GraphQL answer with its failures, or the whole request refused (403 / 401). */
async function partial<T>(octokit: GitHub, query: string, variables: Record<string, unknown>) {
  try {
    return await graphqlPartial<T>(octokit, query, variables);
  } catch (error) {
    if (statusOf(error) === 403 || statusOf(error) === 401) {
      return { status: "forbidden" as const, forbidden: true, message: (error as Error).message ?? "forbidden" };
    }
    throw error;
  }
}

function denied(errors: GraphqlFailure[], root: string): GraphqlFailure | undefined {
  return errors.find(
    (e) => e.path[0] === root && (e.type === "FORBIDDEN" || /not accessible by integration/i.test(e.message)),
  );
}

/** The Project of a `repositoryOwner` answer (an owner that cannot have Projects answers an empty object). */
function projectOf(owner: { projectV2?: RawProject } | Record<PropertyKey, never> | null | undefined): RawProject {
  return isSelected(owner) ? (owner.projectV2 ?? null) : null;
}

function projectState(raw: RawProject, errors: GraphqlFailure[]): ProjectState {
  const refused = denied(errors, "projectOwner");
  if (refused) return { status: "forbidden", message: refused.message };
  if (!raw) return { status: "missing" };
  const field = !raw.field
    ? "missing"
    : raw.field.__typename === "ProjectV2SingleSelectField"
      ? fieldOf(raw.field)
      : "not-single-select";
  return { status: "found", id: raw.id, title: raw.title, canUpdate: raw.viewerCanUpdate, field };
}

function fieldOf(raw: RawField): ProjectField {
  if (!raw || !("id" in raw) || !raw.id) throw new Error("GitHub answered without the field");
  return {
    id: raw.id,
    options: (raw.options ?? []).map((o) => ({
      id: o.id,
      name: o.name,
      color: o.color,
      description: o.description ?? "",
    })),
  };
}

function currentValue(raw: RawItem["fieldValueByName"]): CurrentValue | null {
  if (raw?.__typename !== "ProjectV2ItemFieldSingleSelectValue") return null;
  return {
    optionId: raw.optionId ?? null,
    name: raw.name ?? null,
    setBy: raw.creator ? actorLogin(raw.creator) : null,
  };
}
