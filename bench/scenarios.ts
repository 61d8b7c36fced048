/**
 * The events whose requests are counted, each in two situations:
 * - steady: the app has run a while (strategy cached, so re-reading it is a free 304; its labels known
 *   to exist) and the item is as the app left it (its labels, comment and check in place);
 * - cold: the first event in a repository after a start: nothing cached, no strategy label exists yet,
 *   and the item carries none of the app's labels, comment or check.
 * `floor` is the writes the event needs in that situation: what any implementation must send.
 */
import type { BenchGitHub } from "./requests.js";
import {
  COMMAND_COMMENT_ID,
  commandEvent,
  HEAD,
  issueEvent,
  labelled,
  NEW_HEAD,
  pullEvent,
  pushEvent,
  type Delivery,
} from "./events.js";

export type Phase = "steady" | "cold";
export type Kind = "issue" | "pull request" | "other";

export interface Scenario {
  name: string;
  kind: Kind;
  floor: Record<Phase, number>;
  /** Why the floor is what it is. */
  needs: string;
  /** Earlier events that make this event's situation (not counted). */
  before?: (phase: Phase, receive: (d: Delivery) => Promise<void>, github: BenchGitHub) => Promise<void>;
  event: (phase: Phase) => Delivery;
}

const RELIABILITY = "strategy: reliability";
/** In steady state the item carries the label the app applied earlier; cold, it carries none. */
const carried = (phase: Phase) => ({ labels: phase === "steady" ? labelled(RELIABILITY) : [] });
/** Steady state: the app labelled the item when it was opened (so its history says who applied the label). */
const opened = async (phase: Phase, receive: (d: Delivery) => Promise<void>) => {
  if (phase === "steady") await receive(pullEvent("opened"));
};
const issueOpened = async (phase: Phase, receive: (d: Delivery) => Promise<void>) => {
  if (phase === "steady") await receive(issueEvent("opened"));
};

export const SCENARIOS: Scenario[] = [
  {
    name: "issues.opened",
    kind: "issue",
    floor: { steady: 1, cold: 2 },
    needs: "add the label (cold: create it first)",
    event: () => issueEvent("opened"),
  },
  {
    name: "issues.edited",
    kind: "issue",
    floor: { steady: 0, cold: 2 },
    needs: "nothing when the labels are in step (cold: create and add the label)",
    before: issueOpened,
    event: (phase) => issueEvent("edited", carried(phase)),
  },
  {
    name: "pull_request.opened",
    kind: "pull request",
    floor: { steady: 3, cold: 4 },
    needs: "label, comment, check (cold: create the label)",
    event: () => pullEvent("opened"),
  },
  {
    name: "pull_request.synchronize",
    kind: "pull request",
    floor: { steady: 1, cold: 4 },
    needs: "a check on the new head commit; the comment is unchanged (cold: label, comment, check)",
    before: opened,
    event: (phase) => pullEvent("synchronize", carried(phase), NEW_HEAD),
  },
  {
    name: "pull_request.closed (merged)",
    kind: "pull request",
    floor: { steady: 1, cold: 4 },
    needs: "the month's figures changed: the comment, which alone shows them (cold: label, comment, check)",
    before: async (phase, receive, { gh, repo }) => {
      await opened(phase, receive);
      // Merged: the month's search counts it (as serving reliability, the label the app applied).
      gh.item(repo, 2, { mergedAt: "2026-11-20T11:59:00Z", state: "closed", labels: [RELIABILITY] });
    },
    event: (phase) => pullEvent("closed", carried(phase), HEAD),
  },
  {
    name: "pull_request.edited (no change)",
    kind: "pull request",
    floor: { steady: 0, cold: 4 },
    needs: "nothing when nothing it shows changed (cold: label, comment, check)",
    before: opened,
    event: (phase) => pullEvent("edited", carried(phase), HEAD),
  },
  {
    name: "/strategy costs (issue)",
    kind: "other",
    floor: { steady: 3, cold: 3 },
    needs: "reaction, add costs, remove reliability (cold: reaction, create and add costs)",
    before: async (phase, receive, { gh, repo }) => {
      await issueOpened(phase, receive);
      // The comment is on GitHub when its webhook arrives.
      gh.comment(repo, 1, "/strategy costs", "octocat", COMMAND_COMMENT_ID);
    },
    event: (phase) => commandEvent("/strategy costs", carried(phase)),
  },
  {
    name: "push changing strategy.yml",
    kind: "other",
    floor: { steady: 1, cold: 1 },
    needs: "the Strategy file check",
    before: async (_phase, _receive, { repo }) => {
      repo.files.set("strategy.yml", `${repo.files.get("strategy.yml")}# edited\n`);
    },
    event: () => pushEvent(["strategy.yml"]),
  },
];

/** Targets for one event in steady state (the common case). */
export const TARGETS: Record<Kind, { total?: number; paced?: number }> = {
  issue: { total: 2 },
  "pull request": { total: 6, paced: 4 },
  other: {},
};
