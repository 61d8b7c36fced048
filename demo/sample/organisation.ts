/**
 * The demo's organisation: three repositories under one strategy. `.github` holds the organisation's
 * strategy (examples/org-strategy.yml); `api` has no file and inherits it; `web` extends it, saying
 * which of its own labels serve which problem. October's merged pull requests are drawn from a fixed
 * list, so every run writes the same report. Plain data.
 */
import { readFileSync } from "node:fs";
import type { Item } from "../../test/fixtures/github-fake/index.js";

export const ORG_OWNER = "northwind";
export const ORG_STRATEGY = readFileSync(new URL("../../examples/org-strategy.yml", import.meta.url), "utf8");
export const WEB_STRATEGY = `# The web team's additions to the organisation's strategy.
extends: .github
version: 1
problems:
  - id: costs
    match:
      labels: [bundle-size]
`;

type Work = Pick<Item, "title" | "labels"> & { author: string };

const WORK: Record<string, Work[]> = {
  ".github": [
    { title: "Onboarding guide: your first week", labels: [], author: "dana" },
    { title: "Issue template for incidents", labels: ["incident"], author: "sam" },
  ],
  api: [
    { title: "fix(orders): retry the payment gateway on timeouts", labels: [], author: "lee" },
    { title: "Alert on queue backlog over five minutes", labels: ["incident"], author: "lee" },
    { title: "Rightsize the worker pool", labels: ["cost"], author: "kim" },
    { title: "Move nightly exports to spot capacity", labels: [], author: "kim" },
    { title: "Fix the flaky invoices test", labels: [], author: "lee" },
    { title: "Add pagination to /v2/orders", labels: [], author: "ravi" },
    { title: "Prototype the recommendations endpoint", labels: ["experiment"], author: "ravi" },
    { title: "Bump the HTTP client", labels: [], author: "ravi" },
  ],
  web: [
    { title: "Split the checkout bundle", labels: ["bundle-size"], author: "ana" },
    { title: "Drop the unused charting library", labels: ["bundle-size"], author: "ana" },
    { title: "fix(cart): keep the basket after a session timeout", labels: [], author: "jo" },
    { title: "Redesign the settings page", labels: [], author: "jo" },
    { title: "Dark mode for the dashboard", labels: [], author: "ana" },
    { title: "Document the component library", labels: ["docs"], author: "jo" },
  ],
};

/** October's merged pull requests of each repository, one every 30 hours from 2 October. */
export function organisationWork(): Record<string, Partial<Item>[]> {
  let hour = 0;
  return Object.fromEntries(
    Object.entries(WORK).map(([repo, list]) => [
      repo,
      list.map((w, i) => {
        hour += 30;
        const at = new Date(Date.UTC(2026, 9, 2, 9) + hour * 3_600_000).toISOString().replace(".000Z", "Z");
        return {
          number: 10 + i,
          title: w.title,
          labels: w.labels,
          author: w.author,
          createdAt: at,
          mergedAt: at,
          state: "closed" as const,
        };
      }),
    ]),
  );
}
