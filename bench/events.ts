/**
 * The webhook deliveries the benchmark sends: GitHub's own example payloads, shaped like the app tests'
 * (issue #1 and pull request #2 of Codertocat/Hello-World, both about a flaky checkout, so they serve
 * the "reliability" problem of the test strategy).
 */
import { example } from "../test/fixtures/payloads.js";
import { pullRequestEvent } from "../test/fixtures/pull-requests.js";

export interface Delivery {
  id: string;
  name: string;
  payload: any;
}

let deliveries = 0;
const delivery = (name: string, payload: any): Delivery => ({ id: `bench-${++deliveries}`, name, payload });

/** The first head commit of pull request #2, and the one a later push moves it to. */
export const HEAD = "a".repeat(40);
export const NEW_HEAD = "b".repeat(40);

export const labelled = (...names: string[]) => names.map((name) => ({ name }));

export function issueEvent(action: "opened" | "edited", changes: Record<string, unknown> = {}): Delivery {
  const payload = example("issues", action);
  payload.installation = { id: 1 };
  payload.sender = { login: "octocat", type: "User" };
  Object.assign(payload.issue, { title: "Checkout outage on Fridays", body: "Seen twice.", labels: [] }, changes);
  return delivery("issues", payload);
}

export function pullEvent(
  action: "opened" | "synchronize" | "closed" | "edited",
  changes: Record<string, unknown> = {},
  sha = HEAD,
): Delivery {
  const { payload } = pullRequestEvent(action, changes);
  payload.pull_request.head = { ...payload.pull_request.head, sha };
  if (action === "closed")
    Object.assign(payload.pull_request, { merged: true, merged_at: "2026-11-20T11:59:00Z", state: "closed" });
  return delivery("pull_request", payload);
}

/** The id of the comment a command event carries. */
export const COMMAND_COMMENT_ID = 7001;

export function commandEvent(body: string, issueChanges: Record<string, unknown> = {}): Delivery {
  const payload = example("issue_comment", "created");
  payload.installation = { id: 1 };
  payload.sender = { login: "octocat", type: "User" };
  payload.comment.body = body;
  payload.comment.user.login = "octocat";
  payload.comment.id = COMMAND_COMMENT_ID;
  Object.assign(payload.issue, { title: "Checkout outage on Fridays", body: "", labels: [] }, issueChanges);
  return delivery("issue_comment", payload);
}

export function pushEvent(files: string[]): Delivery {
  const payload = example("push", undefined, (p) => p.ref.startsWith("refs/heads/"));
  payload.installation = { id: 1 };
  payload.commits = [{ ...payload.commits[0], added: [], removed: [], modified: files }];
  payload.head_commit = { ...payload.commits[0] };
  return delivery("push", payload);
}
