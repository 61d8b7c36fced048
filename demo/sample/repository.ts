/**
 * The sample repository, acme/storefront: an online shop's code, its people and labels, the issues
 * behind the strategy's plan, and the strategy itself. The months of merged work come from history.ts.
 */
import { readFileSync } from "node:fs";
import { type Item, type Label, type Milestone, blankItem } from "../../test/fixtures/github-fake/index.js";

/** The app as the fake GitHub reports it. */
export const APP = { id: 1, slug: "throughline", login: "throughline[bot]", name: "Throughline" };

export const OWNER = "acme";
export const REPO = "storefront";
export const DEFAULT_BRANCH = "main";
/** The demo's clock: a Monday morning in the middle of November 2026. */
export const NOW = new Date("2026-11-16T09:30:00Z");

export const STRATEGY_TEXT = readFileSync(new URL("./strategy.yml", import.meta.url), "utf8");

/**
 * The strategy file as it stood when each month's report was posted: the team types in its readings
 * (`current:`) every month, so earlier reports carry earlier readings and the trends have history.
 */
const VERSIONS: Record<string, { readings: [string, string][]; commit: string }> = {
  "2026-08": {
    readings: [
      ["current: 98.9", "current: 98.1"],
      ["current: 71", "current: 80"],
      ["current: 11", "current: 17"],
    ],
    commit: "8c1d2f4a6b0e9c7d5f3a1b2c4d6e8f0a1c3e5b7d",
  },
  "2026-09": {
    readings: [
      ["current: 98.9", "current: 98.4"],
      ["current: 71", "current: 76"],
      ["current: 11", "current: 14"],
    ],
    commit: "d4e6f8a0b2c4d6e8f0a2b4c6d8e0f2a4b6c8d0e2",
  },
  "2026-10": { readings: [], commit: "3b18e512dba79e4c8300dd08aeb37f8e728b8dad" },
};

export function strategyAsOf(month: string): { text: string; commit: string } {
  const version = VERSIONS[month];
  if (!version) throw new Error(`no strategy version for ${month}`);
  const text = version.readings.reduce((t, [now, then]) => {
    if (!t.includes(now)) throw new Error(`strategy.yml no longer has "${now}"`);
    return t.replace(now, then);
  }, STRATEGY_TEXT);
  return { text, commit: version.commit };
}

/** Engineers by login, and their role in the repository (who may give `/strategy` commands). */
export const PEOPLE = ["mara", "devon", "priya", "tomasz", "lin", "sam"];
export const ROLES: Record<string, string> = {
  mara: "maintain",
  devon: "write",
  priya: "write",
  tomasz: "write",
  lin: "triage",
};

/** The default branch's files that matter: the strategy, and one file per top-level folder. */
export const FILES: Record<string, string> = {
  "strategy.yml": STRATEGY_TEXT,
  "README.md": "# Storefront\n",
  ".devcontainer/devcontainer.json": "{}\n",
  "docs/README.md": "# Engineering docs\n",
  "services/checkout/src/index.ts": "",
  "terraform/main.tf": "",
  "web/src/index.tsx": "",
};

const label = (name: string, color: string, description: string | null = null): Label => ({ name, color, description });

/** The repository's labels, including the strategy labels the app created in earlier months. */
export const LABELS: Label[] = [
  label("bug", "d73a4a", "Something isn't working"),
  label("incident", "b60205", "A production incident"),
  label("sev1", "b60205", "Customer-facing outage"),
  label("cost", "fbca04"),
  label("rightsizing", "c5def5"),
  label("documentation", "0075ca", "Improvements or additions to documentation"),
  label("dx", "0e8a16", "Developer experience"),
  label("enhancement", "a2eeef", "New feature or request"),
  label("dependencies", "0366d6", "Pull requests that update a dependency file"),
  label("strategy: reliability", "b60205", "Customers abandon their carts when checkout fails."),
  label("strategy: costs", "fbca04", "The hosting bill grows faster than traffic."),
  label("strategy: onboarding", "0e8a16", "New engineers take three weeks to ship their first change."),
];

export const MILESTONES: Milestone[] = [{ title: "Multi-region", dueOn: "2026-12-15T00:00:00Z" }];

/** An item of the demo's repository (a pull request's base is the default branch). */
export function baseItem(
  kind: Item["kind"],
  number: number,
  fields: Partial<Item> & { title: string; createdAt: string; author: string },
): Item {
  return blankItem(kind, number, {
    repo: `${OWNER}/${REPO}`,
    base: kind === "pull_request" ? DEFAULT_BRANCH : null,
    ...fields,
  });
}

const done = (at: string) => ({ state: "closed" as const, stateReason: "completed" as const, closedAt: at });
const dropped = (at: string) => ({ state: "closed" as const, stateReason: "not_planned" as const, closedAt: at });
const planIssue = (number: number, title: string, extra: Partial<Item>) =>
  baseItem("issue", number, {
    title,
    author: "mara",
    createdAt: "2026-06-02T10:00:00Z",
    labels: ["strategy: reliability"],
    ...extra,
  });

/** The issues the strategy's plan names: issue #12, the Multi-region milestone, the rightsizing label. */
export const PLAN_ISSUES: Item[] = [
  planIssue(12, "Idempotent payment retries", { body: "Retries must never charge a card twice." }),
  planIssue(14, "Replicate the orders database to eu-west", {
    milestone: "Multi-region",
    ...done("2026-09-18T15:00:00Z"),
  }),
  planIssue(15, "Health-checked DNS failover for checkout", {
    milestone: "Multi-region",
    ...done("2026-10-09T11:20:00Z"),
  }),
  planIssue(16, "Run a regional failover game day", { milestone: "Multi-region" }),
  planIssue(17, "Failover runbook for payments", { milestone: "Multi-region", ...done("2026-10-27T16:45:00Z") }),
  planIssue(18, "Cross-region session store", { milestone: "Multi-region", ...dropped("2026-10-02T09:00:00Z") }),
  planIssue(20, "Rightsize the orders database replicas", {
    labels: ["rightsizing", "strategy: costs"],
    ...done("2026-10-21T13:10:00Z"),
  }),
  planIssue(21, "Move the analytics database to Graviton instances", { labels: ["rightsizing", "strategy: costs"] }),
  planIssue(22, "Drop the unused read replica in us-east-2", {
    labels: ["rightsizing", "strategy: costs"],
    ...done("2026-09-08T10:30:00Z"),
  }),
];
