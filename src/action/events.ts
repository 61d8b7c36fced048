/**
 * Which workflow events the Action handles, and as what. `pull_request_target` runs with the base
 * repository's token and is handled exactly like the app's `pull_request` webhook: the pull request is
 * read through the API, its code is never checked out or run.
 */
export type Plan =
  | { kind: "webhook"; name: "issues" | "issue_comment" | "pull_request" | "push" }
  | { kind: "reports" }
  | { kind: "ignored" };

const WEBHOOKS: Record<string, Extract<Plan, { kind: "webhook" }>["name"]> = {
  issues: "issues",
  issue_comment: "issue_comment",
  pull_request_target: "pull_request",
  // Also taken, for repositories that run the Action on them (fork pull requests then get a read-only token).
  pull_request: "pull_request",
  push: "push",
};

export function planFor(eventName: string): Plan {
  const name = WEBHOOKS[eventName];
  if (name) return { kind: "webhook", name };
  if (eventName === "schedule" || eventName === "workflow_dispatch") return { kind: "reports" };
  return { kind: "ignored" };
}
