/**
 * An item's recent history, read only when it matters: who applied or removed each label, and the
 * `/strategy` commands people wrote. One GraphQL query for issues and pull requests alike.
 */
import type { LabelEvent } from "../classify/index.js";
import type {
  EarlierCommentsQuery,
  EarlierCommentsQueryVariables,
  ItemHistoryQuery,
  ItemHistoryQueryVariables,
} from "./graphql/types.generated.js";
import type { GitHub, RepoRef } from "./octokit.js";
import { hasMarker, PROGRESS_MARKER, readServedRecord } from "../render/markers.js";
import { actorLogin, sameLogin, type Actor } from "./identity.js";

/** Label events and comments in windows of their own, so a long thread cannot push label history out. */
export const TIMELINE_FIELDS = /* GraphQL */ `
  labelEvents: timelineItems(last: 100, itemTypes: [LABELED_EVENT, UNLABELED_EVENT]) {
    nodes {
      __typename
      ... on LabeledEvent { actor { __typename login } label { name } }
      ... on UnlabeledEvent { actor { __typename login } label { name } }
    }
  }
  commentEvents: timelineItems(last: 100, itemTypes: [ISSUE_COMMENT]) {
    pageInfo { hasPreviousPage startCursor }
    nodes { __typename ... on IssueComment { databaseId author { __typename login } body } }
  }
`;

const EARLIER_COMMENTS = /* GraphQL */ `
  timelineItems(last: 100, before: $before, itemTypes: [ISSUE_COMMENT]) {
    pageInfo { hasPreviousPage startCursor }
    nodes { __typename ... on IssueComment { databaseId author { __typename login } body } }
  }
`;

/** Comments before the last 100, a page at a time, read only when an older `/strategy` command matters. */
export const EARLIER_COMMENTS_QUERY = /* GraphQL */ `
  query EarlierComments($owner: String!, $repo: String!, $number: Int!, $before: String!) {
    repository(owner: $owner, name: $repo) {
      issueOrPullRequest(number: $number) {
        ... on Issue { ${EARLIER_COMMENTS} }
        ... on PullRequest { ${EARLIER_COMMENTS} }
      }
    }
  }
`;

/** At most this many earlier pages (10,000 comments) are read looking for a command. */
const EARLIER_PAGES = 100;

type PageInfo = { hasPreviousPage: boolean; startCursor: string | null };

/**
 * What is read of the two windows of TIMELINE_FIELDS. Every document that selects them (the item history,
 * the pull-request context, the facts of merged pull requests) answers a generated type assignable to it.
 */
export interface TimelineWindows {
  labelEvents?: { nodes: (TimelineNode | null)[] | null } | null;
  commentEvents?: { nodes: (TimelineNode | null)[] | null; pageInfo?: PageInfo } | null;
}

/** Where earlier comments start, when the window did not reach back to the first one. */
export function earlierCursor(item: TimelineWindows | null | undefined): string | null {
  const page = item?.commentEvents?.pageInfo;
  return page?.hasPreviousPage && page.startCursor ? page.startCursor : null;
}

/** Both windows' nodes, each in time order: label events, then comments. */
export function timelineNodes(item: TimelineWindows | null | undefined): (TimelineNode | null)[] {
  return [...(item?.labelEvents?.nodes ?? []), ...(item?.commentEvents?.nodes ?? [])];
}

export const ITEM_HISTORY_QUERY = /* GraphQL */ `
  query ItemHistory($owner: String!, $repo: String!, $number: Int!) {
    repository(owner: $owner, name: $repo) {
      issueOrPullRequest(number: $number) {
        ... on Issue { ${TIMELINE_FIELDS} }
        ... on PullRequest { ${TIMELINE_FIELDS} }
      }
    }
  }
`;

/** A node of either window, as the windows select it (label events and comments; other types are bare). */
export interface TimelineNode {
  __typename: string;
  actor?: Actor | null;
  label?: { name: string } | null;
  databaseId?: number | null;
  author?: Actor | null;
  body?: string;
}

export interface ItemHistory {
  labels: LabelEvent[];
  /** Comments by people (not the app), oldest first: the last 100. */
  comments: HistoryComment[];
  /** What the app's own progress comment records it decided, when that comment is among those read. */
  recorded?: string[];
  /** Pages of earlier comments, newest page first, each oldest first; read only if asked for. */
  earlier?: () => AsyncGenerator<HistoryComment[]>;
}

export interface HistoryComment {
  id: number;
  author: string;
  body: string;
}

export function historyFrom(nodes: (TimelineNode | null)[], botLogin: string): ItemHistory {
  const history: ItemHistory = { labels: [], comments: [] };
  for (const node of nodes) {
    if (!node) continue;
    if ((node.__typename === "LabeledEvent" || node.__typename === "UnlabeledEvent") && node.label) {
      const action = node.__typename === "LabeledEvent" ? "added" : "removed";
      history.labels.push({ label: node.label.name, action, byApp: sameLogin(actorLogin(node.actor), botLogin) });
    } else if (node.__typename === "IssueComment" && node.author && !sameLogin(actorLogin(node.author), botLogin)) {
      history.comments.push({ id: node.databaseId ?? 0, author: actorLogin(node.author), body: node.body ?? "" });
    } else if (node.__typename === "IssueComment" && node.author && hasMarker(node.body, PROGRESS_MARKER)) {
      history.recorded = readServedRecord(node.body ?? "") ?? history.recorded;
    }
  }
  return history;
}

export async function fetchItemHistory(
  octokit: GitHub,
  { owner, repo }: RepoRef,
  number: number,
  botLogin: string,
): Promise<ItemHistory> {
  const data = await octokit.graphql<ItemHistoryQuery>(ITEM_HISTORY_QUERY, {
    owner,
    repo,
    number,
  } satisfies ItemHistoryQueryVariables);
  const item: TimelineWindows | null | undefined = data.repository?.issueOrPullRequest;
  return withEarlier(
    historyFrom(timelineNodes(item), botLogin),
    octokit,
    { owner, repo },
    number,
    botLogin,
    earlierCursor(item),
  );
}

/** The history, able to read comments older than its window page by page from `cursor`. */
export function withEarlier(
  history: ItemHistory,
  octokit: GitHub,
  { owner, repo }: RepoRef,
  number: number,
  botLogin: string,
  cursor: string | null,
): ItemHistory {
  if (!cursor) return history;
  async function* earlier(): AsyncGenerator<HistoryComment[]> {
    let before: string | null = cursor;
    for (let page = 0; before && page < EARLIER_PAGES; page++) {
      const data: EarlierCommentsQuery = await octokit.graphql<EarlierCommentsQuery>(EARLIER_COMMENTS_QUERY, {
        owner,
        repo,
        number,
        before,
      } satisfies EarlierCommentsQueryVariables);
      const items = data.repository?.issueOrPullRequest?.timelineItems;
      yield historyFrom(items?.nodes ?? [], botLogin).comments;
      before = items?.pageInfo.hasPreviousPage ? items.pageInfo.startCursor : null;
    }
  }
  return { ...history, earlier };
}
