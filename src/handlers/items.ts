/** Work items as classification sees them, from webhook payloads. */
import type { WorkItem } from "../classify/index.js";

export interface IssueLike {
  number: number;
  title: string;
  body?: string | null;
  labels?: ({ name?: string } | string | null)[] | null;
  user?: { login: string } | null;
  milestone?: { title: string } | null;
}

const names = (labels: IssueLike["labels"]) =>
  (labels ?? []).flatMap((l) => (typeof l === "string" ? [l] : l?.name ? [l.name] : []));

export function issueItem(issue: IssueLike): WorkItem {
  return {
    kind: "issue",
    number: issue.number,
    title: issue.title,
    body: issue.body ?? "",
    labels: names(issue.labels),
    author: issue.user?.login ?? "",
    milestone: issue.milestone?.title ?? null,
  };
}

export type PullRequestItemSource = IssueLike & { head: { ref: string } };

export function pullRequestItem(pr: PullRequestItemSource): WorkItem {
  return { ...issueItem(pr), kind: "pull_request", branch: pr.head.ref };
}
