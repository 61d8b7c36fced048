/**
 * An item's recent history, read only when it matters: who applied or removed each label, and the
 * `/strategy` commands people wrote. One GraphQL query for issues and pull requests alike.
 */
import type { LabelEvent } from "../classify/index.js";
import type { GitHub, RepoRef } from "./octokit.js";
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
    nodes { __typename ... on IssueComment { databaseId author { __typename login } body } }
  }
`;

export interface TimelineWindows {
  labelEvents?: { nodes: (TimelineNode | null)[] } | null;
  commentEvents?: { nodes: (TimelineNode | null)[] } | null;
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

export interface TimelineNode {
  __typename: string;
  actor?: Actor | null;
  label?: { name: string } | null;
  databaseId?: number;
  author?: Actor | null;
  body?: string;
}

export interface ItemHistory {
  labels: LabelEvent[];
  /** Comments by people (not the app), oldest first. */
  comments: { id: number; author: string; body: string }[];
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
    }
  }
  return history;
}

export async function fetchItemHistory(octokit: GitHub, { owner, repo }: RepoRef, number: number, botLogin: string): Promise<ItemHistory> {
  const data = await octokit.graphql<{ repository: { issueOrPullRequest: TimelineWindows | null } }>(ITEM_HISTORY_QUERY, { owner, repo, number });
  return historyFrom(timelineNodes(data.repository.issueOrPullRequest), botLogin);
}
