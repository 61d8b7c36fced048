/**
 * The webhooks GitHub would deliver for the demo's events: GitHub's own example payloads
 * (@octokit/webhooks-examples), moved to the sample repository and carrying the sample items.
 */
import { createRequire } from "node:module";
import type { Item } from "../test/fixtures/github-fake/index.js";
import { DEFAULT_BRANCH, OWNER, REPO } from "./sample/repository.js";

const require = createRequire(import.meta.url);
const examples = require("@octokit/webhooks-examples/api.github.com/index.json") as {
  name: string;
  examples: Record<string, any>[];
}[];

export const INSTALLATION_ID = 4242;

/** GitHub's example for the event, rewritten to the sample repository. */
function example(event: string, action: string): any {
  const found = examples.find((e) => e.name === event)?.examples.find((p) => p.action === action);
  if (!found) throw new Error(`no webhook example for ${event}.${action}`);
  const moved = JSON.stringify(found)
    .replaceAll("Codertocat/Hello-World", `${OWNER}/${REPO}`)
    .replaceAll('"Hello-World"', `"${REPO}"`);
  const payload = JSON.parse(moved);
  payload.repository.owner.login = OWNER;
  payload.repository.default_branch = DEFAULT_BRANCH;
  payload.installation = { id: INSTALLATION_ID, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNDI0Mg==" };
  return payload;
}

const person = (login: string) => ({ login, id: login.length, type: "User" });
const labels = (item: Item) => item.labels.map((name, i) => ({ id: i + 1, name, color: "ededed", default: false }));

export type Delivery = { id: string; name: any; payload: any };

export function issueOpened(item: Item): Delivery {
  const payload = example("issues", "opened");
  Object.assign(payload.issue, {
    number: item.number,
    title: item.title,
    body: item.body,
    labels: labels(item),
    user: person(item.author),
    milestone: null,
    created_at: item.createdAt,
  });
  payload.sender = person(item.author);
  return { id: `demo-issue-${item.number}`, name: "issues", payload };
}

export function pullRequestOpened(item: Item): Delivery {
  const payload = example("pull_request", "opened");
  payload.number = item.number;
  Object.assign(payload.pull_request, {
    number: item.number,
    title: item.title,
    body: item.body,
    labels: labels(item),
    user: person(item.author),
    milestone: null,
    created_at: item.createdAt,
    additions: item.additions,
    deletions: item.deletions,
    changed_files: item.files.length,
  });
  Object.assign(payload.pull_request.head, { ref: item.branch, sha: item.headSha, label: `${OWNER}:${item.branch}` });
  Object.assign(payload.pull_request.base, { ref: DEFAULT_BRANCH });
  payload.pull_request.base.repo.default_branch = DEFAULT_BRANCH;
  payload.sender = person(item.author);
  return { id: `demo-pull-${item.number}`, name: "pull_request", payload };
}

/** A comment on an issue or pull request, e.g. `/strategy explain`. */
export function commented(item: Item, comment: { id: number; author: string; body: string }): Delivery {
  const payload = example("issue_comment", "created");
  Object.assign(payload.issue, {
    number: item.number,
    title: item.title,
    body: item.body,
    labels: labels(item),
    user: person(item.author),
    milestone: null,
  });
  if (item.kind === "pull_request")
    payload.issue.pull_request = { url: `https://api.github.com/repos/${OWNER}/${REPO}/pulls/${item.number}` };
  else delete payload.issue.pull_request;
  Object.assign(payload.comment, { id: comment.id, body: comment.body, user: person(comment.author) });
  payload.sender = person(comment.author);
  return { id: `demo-comment-${comment.id}`, name: "issue_comment", payload };
}

/** GitHub's `projects_v2_item.created`: an item put on an organisation's Project (by a person or the board's auto-add). */
export function projectItemCreated(
  item: Item,
  projectItem: { id: string; projectId: string; contentId: string },
  by: string,
): Delivery {
  const found = examples.find((e) => e.name === "projects_v2_item")?.examples.find((p) => p.action === "converted");
  if (!found) throw new Error("no webhook example for projects_v2_item");
  const payload = structuredClone(found);
  payload.action = "created";
  delete payload.changes;
  Object.assign(payload.projects_v2_item, {
    node_id: projectItem.id,
    project_node_id: projectItem.projectId,
    content_node_id: projectItem.contentId,
    content_type: item.kind === "issue" ? "Issue" : "PullRequest",
    creator: person(by),
  });
  payload.organization.login = OWNER;
  payload.installation = { id: INSTALLATION_ID, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNDI0Mg==" };
  payload.sender = person(by);
  return { id: `demo-project-item-${projectItem.id}`, name: "projects_v2_item", payload };
}
