/**
 * Search pages as GitHub sends them: the JSON text of MergedPulls answers, 100 pull requests each, with
 * titles, bodies, branches, labels and authors varied enough that the rules have real work: no item
 * carries a strategy label, so every one is judged by the rules.
 */
const TITLES = [
  "Retry flaky checkout calls",
  "fix(api): time out slow upstreams",
  "Add cost tags to the batch cluster",
  "Bump the linter",
  "Rightsizing for staging",
  "Document the release process",
  "Refactor the session store",
  "Sev1 follow-up: alert on queue depth",
  "Speed up the search index",
  "Remove dead feature flags",
];
const LABELS = [[], ["bug"], ["enhancement"], ["dx"], ["dependencies"], [], ["incident", "p1"], []];
const BRANCHES = ["feature/", "hotfix/", "chore/", "docs/"];
const AUTHORS = ["alice", "bob", "sre-bot", "dependabot[bot]", "carol"];
const PARAGRAPH =
  "This change touches the request path that serves most of our traffic. It was tested against the staging " +
  "environment with production-like load, and the dashboards linked below show the before and after. ";

function node(i: number) {
  return {
    number: i + 1,
    title: `${TITLES[i % TITLES.length]} (${i})`,
    url: `https://github.com/acme/platform/pull/${i + 1}`,
    body: PARAGRAPH.repeat(1 + (i % 4)) + (i % 13 === 0 ? "It also trims our cloud spend." : ""),
    headRefName: `${BRANCHES[i % BRANCHES.length]}change-${i}`,
    mergedAt: new Date(Date.parse("2026-10-01T00:00:00Z") + ((i * 26_000) % (30 * 86_400_000))).toISOString(),
    additions: (i * 37) % 900,
    deletions: (i * 11) % 300,
    author: {
      __typename: AUTHORS[i % AUTHORS.length]!.endsWith("[bot]") ? "Bot" : "User",
      login: AUTHORS[i % AUTHORS.length]!.replace("[bot]", ""),
    },
    labels: { nodes: LABELS[i % LABELS.length]!.map((name) => ({ name })) },
    comments: { totalCount: i % 9 },
    milestone: i % 17 === 0 ? { title: "Multi-region" } : null,
  };
}

/** `pages` pages of 100 results each, as the JSON strings the GraphQL endpoint answers with. */
export function searchPages(pages: number): string[] {
  return Array.from({ length: pages }, (_, p) => {
    const nodes = Array.from({ length: 100 }, (_, k) => node(p * 100 + k));
    const hasNextPage = p < pages - 1;
    return JSON.stringify({
      data: { s0: { issueCount: pages * 100, pageInfo: { hasNextPage, endCursor: `c${p}` }, nodes } },
    });
  });
}
