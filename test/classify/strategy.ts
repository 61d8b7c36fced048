/** A small valid strategy and item builder shared by the classification tests. */
import { strategySchema, type Strategy } from "../../src/strategy/schema.js";
import type { WorkItem } from "../../src/classify/types.js";

export function strategy(overrides: { unaligned_label?: string | null } = {}): Strategy {
  return strategySchema.parse({
    version: 1,
    problems: [
      {
        id: "reliability",
        title: "Reliability",
        match: {
          labels: ["bug", "Incident"],
          keywords: ["outage", "flaky", "on-call", "c++"],
          patterns: ["^fix(\\(.+\\))?:", "(?i)^hotfix"],
          paths: ["infra/**", ".github/workflows/*.yml"],
          branches: ["hotfix/*"],
          milestones: ["Multi-region"],
          authors: ["sre-bot"],
        },
      },
      {
        id: "costs",
        title: "Hosting costs",
        label: "Strategy: Costs",
        match: { paths: ["terraform/**"], keywords: ["cost"] },
      },
      { id: "dx", title: "Developer <b>experience</b> @team", match: { labels: ["dx"] } },
    ],
    settings: { unaligned_label: overrides.unaligned_label ?? null },
  });
}

export function item(fields: Partial<WorkItem> = {}): WorkItem {
  return {
    kind: "pull_request",
    number: 7,
    title: "Update readme",
    body: "",
    labels: [],
    author: "alice",
    milestone: null,
    ...fields,
  };
}
