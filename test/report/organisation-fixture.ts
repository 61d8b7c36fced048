/** The organisation the organisation-report tests share: `.github`, inheriting, extending and independent repositories. */
import { fakeOrg, type FakeOrg, type OrgPull } from "./fake-org.js";

export const ORG_STRATEGY = `version: 1
name: Acme engineering strategy
problems:
  - id: reliability
    title: Reliability
    share: 40
    match:
      keywords: [outage]
    metrics:
      - name: Sev-1 incidents
        baseline: 6
        target: 1
        count: "is:issue label:sev1 created:{period}"
    plan:
      - title: Failover
        issue: "api#7"
      - title: Runbooks
        issue: 3
      - title: Hardening
        label: hardening
      - title: Multi-region
        milestone: Multi-region
  - id: costs
    title: Hosting costs
    share: 20
    match:
      keywords: [cost]
`;

export const EXTENDING = `extends: .github
version: 1
problems:
  - id: costs
    match:
      labels: [billing]
  - id: web-speed
    title: Page speed
    match:
      keywords: [speed]
`;

export const INDEPENDENT = `version: 1
problems:
  - id: reliability
    title: Mobile reliability
`;

const oct = (day: number) => `2026-10-${String(day).padStart(2, "0")}T10:00:00Z`;

export function organisation(): FakeOrg {
  const pulls: OrgPull[] = [
    { repo: ".github", number: 1, title: "Outage runbook for on-call", mergedAt: oct(2) },
    { repo: "api", number: 10, title: "Retry payments", mergedAt: oct(3), labels: ["strategy: reliability"] },
    { repo: "api", number: 11, title: "Smaller instances", mergedAt: oct(4), labels: ["strategy: costs"] },
    { repo: "api", number: 12, title: "Refactor handlers", mergedAt: oct(5) },
    {
      repo: "api",
      number: 13,
      title: "Backport fix",
      mergedAt: oct(6),
      labels: ["strategy: reliability"],
      base: "release-1",
    },
    {
      repo: "api",
      number: 14,
      title: "Cheaper, safer queue",
      mergedAt: oct(7),
      labels: ["strategy: reliability", "strategy: costs"],
    },
    {
      repo: "api",
      number: 15,
      title: "After the month",
      mergedAt: "2026-11-02T10:00:00Z",
      labels: ["strategy: reliability"],
    },
    { repo: "web", number: 20, title: "Invoice page", mergedAt: oct(8), labels: ["billing"] },
    { repo: "web", number: 21, title: "Cut image cost", mergedAt: oct(9) },
    { repo: "web", number: 22, title: "Improve speed of search", mergedAt: oct(10) },
    { repo: "web", number: 23, title: "Tweak css", mergedAt: oct(11) },
    {
      repo: "web",
      number: 24,
      title: "Bump deps",
      mergedAt: oct(12),
      author: { __typename: "Bot", login: "dependabot" },
    },
    { repo: "mobile", number: 30, title: "Crash fix", mergedAt: oct(13), labels: ["strategy: reliability"] },
    { repo: "old", number: 40, title: "Old outage fix", mergedAt: oct(14) },
  ];
  const org = fakeOrg({
    repos: [
      { name: ".github", file: { path: "strategy.yml", text: ORG_STRATEGY } },
      { name: "api" },
      {
        name: "web",
        file: {
          path: ".github/strategy.yml",
          text: EXTENDING.replace(
            "extends: .github\n",
            'extends: .github\nsettings:\n  ignore_authors: ["dependabot[bot]"]\n',
          ),
        },
      },
      { name: "mobile", file: { path: "strategy.yml", text: INDEPENDENT } },
      { name: "old", archived: true },
      { name: "api-fork", fork: true },
      { name: "secret", unreadable: "Resource not accessible by integration" },
    ],
    pulls,
  });
  org.home.planIssues = { 3: { number: 3, state: "CLOSED", stateReason: "COMPLETED" } };
  org.otherIssues = { "api#7": { number: 7, state: "OPEN", stateReason: null } };
  org.planIssues = [
    { repo: "api", number: 50, state: "CLOSED", stateReason: "COMPLETED", labels: ["hardening"] },
    { repo: "web", number: 51, state: "OPEN", stateReason: null, labels: ["hardening"] },
    { repo: "mobile", number: 52, state: "CLOSED", stateReason: "COMPLETED", labels: ["hardening"] },
    {
      repo: "api",
      number: 53,
      state: "CLOSED",
      stateReason: "COMPLETED",
      labels: [],
      milestone: { title: "Multi-region", dueOn: "2026-12-31T00:00:00Z" },
    },
    {
      repo: "web",
      number: 53,
      state: "CLOSED",
      stateReason: "NOT_PLANNED",
      labels: [],
      milestone: { title: "Multi-region", dueOn: "2026-12-31T00:00:00Z" },
    },
  ];
  org.home.count = (search) => (search.includes("label:sev1") ? 2 : 0);
  return org;
}
