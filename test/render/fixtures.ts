/** Hand-built inputs for the render tests: a two-problem strategy, decisions, a month's tally, a report model. */
import type { Decision } from "../../src/classify/types.js";
import { strategySchema, type Strategy } from "../../src/strategy/schema.js";
import type { ReportModel, ShippedItem } from "../../src/tally/report-model.js";
import type { Tally } from "../../src/tally/types.js";

export function strategy(overrides: Record<string, unknown> = {}): Strategy {
  return strategySchema.parse({
    version: 1,
    name: "Platform strategy 2026",
    problems: [
      { id: "reliability", title: "Reliability", share: 40, match: { keywords: ["outage"], paths: ["infra/**"] } },
      { id: "costs", title: "Hosting costs", share: 20, match: { paths: ["terraform/**"] } },
    ],
    settings: { ignore_authors: ["dependabot[bot]"] },
    ...overrides,
  });
}

export const served: Decision = {
  problems: ["reliability", "costs"],
  level: "rules",
  reasons: [
    { problem: "reliability", source: "keywords", detail: "outage", where: "title" },
    { problem: "reliability", source: "paths", detail: "infra/main.tf (+2 more)" },
    { problem: "costs", source: "paths", detail: "terraform/db.tf" },
  ],
  notes: ["paths judged on the first 3,000 files"],
};

export const unaligned: Decision = { problems: [], level: "none", reasons: [], notes: [] };

/** The month so far: reliability on plan, costs far under its 20%. */
export const month: Tally = {
  merged: 20,
  problems: { reliability: { merged: 9, share: 0.425 }, costs: { merged: 1, share: 0.025 } },
  unaligned: { merged: 11, share: 0.55 },
};

/** The same month with every share within 15 points of its intended share. */
export const calmMonth: Tally = {
  merged: 10,
  problems: { reliability: { merged: 5, share: 0.45 }, costs: { merged: 2, share: 0.2 } },
  unaligned: { merged: 4, share: 0.35 },
};

export function item(number: number, title: string, problems: string[]): ShippedItem {
  return {
    number,
    title,
    url: `https://github.com/acme/widgets/pull/${number}`,
    author: "alice",
    mergedAt: "2026-10-12T10:00:00Z",
    labels: [],
    problems,
  };
}

const tallyOf = (rel: number, costs: number, un: number, merged: number): Tally => ({
  merged,
  problems: {
    reliability: { merged: Math.round(rel * merged), share: rel },
    costs: { merged: Math.round(costs * merged), share: costs },
  },
  unaligned: { merged: Math.round(un * merged), share: un },
});

export function reportModel(): ReportModel {
  return {
    repo: "acme/widgets",
    period: { key: "2026-10", title: "October 2026", from: "2026-10-01", to: "2026-10-31", timezone: "UTC" },
    commit: "3f9c2a1b7d4e5f60718293a4b5c6d7e8f9012345",
    strategyName: "Platform strategy 2026",
    tally: {
      merged: 120,
      authorWeeks: 24,
      problems: {
        reliability: { merged: 48, share: 0.375, authorWeeks: 9.5, shareAuthorWeeks: 9.5 / 24 },
        costs: { merged: 12, share: 0.075, authorWeeks: 3, shareAuthorWeeks: 3 / 24 },
      },
      unaligned: { merged: 66, share: 0.55, authorWeeks: 11.5, shareAuthorWeeks: 11.5 / 24 },
    },
    measure: "pull_requests",
    search: { base: "main", range: "2026-10-01..2026-10-31", excludeAuthors: ["dependabot[bot]"] },
    problems: [
      {
        id: "reliability",
        title: "Reliability",
        label: "strategy: reliability",
        intended: 0.4,
        merged: 48,
        share: 0.375,
        authorWeeks: 9.5,
        shareAuthorWeeks: 9.5 / 24,
        held: 0.375,
        change: 5,
        drift: false,
        issuesClosed: 14,
        metrics: [
          {
            name: "Sev-1 incidents per month",
            unit: "incidents",
            baseline: 6,
            current: 4,
            target: 1,
            progress: 0.4,
            history: [
              { key: "2026-08", value: 5 },
              { key: "2026-09", value: 5 },
            ],
          },
          {
            name: "Flaky tests",
            baseline: 40,
            current: null,
            target: 0,
            progress: null,
            history: [],
            error: "GitHub rejected the count query",
          },
        ],
        plan: {
          done: 3,
          total: 5,
          entries: [
            { title: "Multi-region failover", kind: "issue", ref: "#123", done: 1, total: 1, state: "closed" },
            { title: "Chaos drills", kind: "milestone", ref: "Q4 drills", done: 2, total: 4, due: "2026-12-01" },
            { title: "Runbooks", kind: "label", ref: "runbook", done: null, total: null, missing: true },
          ],
        },
        notable: [
          item(412, "Fail over the primary database across regions", ["reliability"]),
          item(398, "Retry idempotent writes", ["reliability"]),
        ],
      },
      {
        id: "costs",
        title: "Hosting costs",
        label: "strategy: costs",
        intended: 0.2,
        merged: 12,
        share: 0.075,
        authorWeeks: 3,
        shareAuthorWeeks: 3 / 24,
        held: 0.075,
        change: -8.5,
        drift: false,
        issuesClosed: 2,
        metrics: [],
        plan: null,
        notable: [item(405, "Right-size the staging cluster", ["costs"])],
      },
    ],
    unaligned: {
      merged: 66,
      share: 0.55,
      authorWeeks: 11.5,
      shareAuthorWeeks: 11.5 / 24,
      held: 0.55,
      change: 3,
      alert: true,
      notable: [item(420, "Refresh the marketing site", [])],
    },
    previous: [
      { key: "2026-08", tally: tallyOf(0.3, 0.2, 0.5, 90) },
      { key: "2026-09", tally: tallyOf(0.325, 0.16, 0.515, 100) },
    ],
    suggestions: [
      {
        rule: "paths",
        value: "infra/dns/**",
        captured: 9,
        problem: "reliability",
        alike: { items: 7, serving: 6 },
        yaml: 'match:\n  paths: ["infra/dns/**"]\n',
      },
      { rule: "paths", value: "site/**", captured: 5, problem: null, alike: { items: 0, serving: 0 }, yaml: "" },
    ],
    versions: [],
    notes: [],
  };
}

/** The data comment as tally would write it; render only places it. */
export const DATA =
  '<!-- throughline:data {"version":1,"period":{"from":"2026-10-01","to":"2026-10-31","timezone":"UTC"},"commit":"3f9c2a1b7d4e5f60718293a4b5c6d7e8f9012345","merged":120,"problems":{"reliability":{"merged":48,"share":0.375},"costs":{"merged":12,"share":0.075}},"unaligned":{"merged":66,"share":0.55}} -->';
