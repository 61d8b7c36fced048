/** The strategy the report tests use: two problems, counted and typed metrics, and a plan. */
import { strategySchema, type Strategy } from "../../src/strategy/schema.js";

export function reportStrategy(settings: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Strategy {
  return strategySchema.parse({
    version: 1,
    name: "Platform strategy 2026",
    problems: [
      {
        id: "reliability",
        title: "Reliability",
        share: 40,
        match: { labels: ["bug"], keywords: ["outage"] },
        metrics: [
          {
            name: "Sev-1 incidents",
            unit: "incidents",
            baseline: 6,
            target: 1,
            count: "is:issue label:sev1 created:{period}",
          },
          { name: "Uptime", unit: "%", baseline: 99, target: 99.9, current: 99.5 },
        ],
        plan: [
          { title: "Multi-region failover", issue: 123 },
          { title: "Chaos drills", issue: 999 },
          { title: "Q4 hardening", milestone: "Q4" },
        ],
      },
      {
        id: "costs",
        title: "Hosting costs",
        share: 20,
        match: { keywords: ["cost"] },
        metrics: [{ name: "Idle instances", baseline: 40, target: 10, count: "is:issue label:idle {period}" }],
      },
    ],
    settings: { report: { timezone: "UTC", ...settings } },
    ...extra,
  });
}
