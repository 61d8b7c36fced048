/**
 * Onboarding: a commented starter `strategy.yml` for a repository without one, and the setup issue that
 * offers it. The four classic problems come with match rules drawn from the repository's own labels and
 * top-level folders, so the first labels the app applies already look like the team's. Pure.
 */
import { blocks } from "./limits.js";
import { link } from "./links.js";
import { code, fenced } from "./markdown.js";

export const SETUP_ISSUE_TITLE = "Set up Throughline";
/** GitHub and browsers refuse much longer addresses; past it the link opens an empty file instead. */
export const URL_LIMIT = 8000;
/** Suggestions per rule: enough to be useful, few enough to read. */
const MAX_SUGGESTIONS = 10;

export interface StarterInput {
  owner: string;
  repo: string;
  defaultBranch: string;
  /** The repository's label names. */
  labels: string[];
  /** The names of its top-level folders. */
  folders: string[];
}

interface Classic {
  id: string;
  title: string;
  why: string;
  share: number;
  metric: { name: string; unit: string; baseline: number; target: number };
  /** Words or phrases that make a label look like this problem's work ("type: bug" has "bug"). */
  labelTerms: string[];
  /** Top-level folder names whose changes serve this problem. */
  folders: string[];
  keywords: string[];
  /** A conventional-commit title prefix. */
  pattern: string;
}

const CLASSICS: Classic[] = [
  {
    id: "reliability",
    title: "Reliability",
    why: "Outages and bugs cost our users' trust and the team's time.",
    share: 30,
    metric: { name: "Sev-1 incidents per month", unit: "incidents", baseline: 4, target: 1 },
    labelTerms: [
      "bug",
      "bugs",
      "incident",
      "incidents",
      "outage",
      "regression",
      "reliability",
      "crash",
      "flaky",
      "stability",
      "sev0",
      "sev1",
      "hotfix",
      "sre",
      "monitoring",
      "observability",
      "alerting",
    ],
    folders: [
      "deploy",
      "deployment",
      "deployments",
      "k8s",
      "kubernetes",
      "helm",
      "ops",
      "monitoring",
      "observability",
      "alerts",
      "runbooks",
      "sre",
    ],
    keywords: ["outage", "incident", "flaky"],
    pattern: "^fix(\\(.+\\))?!?:",
  },
  {
    id: "costs",
    title: "Costs",
    why: "Hosting spend grows faster than usage.",
    share: 20,
    metric: { name: "Monthly hosting cost", unit: "USD", baseline: 10000, target: 8000 },
    labelTerms: [
      "cost",
      "costs",
      "spend",
      "finops",
      "performance",
      "perf",
      "efficiency",
      "optimization",
      "optimisation",
      "infra",
      "infrastructure",
    ],
    folders: ["infra", "infrastructure", "terraform", "pulumi", "cdk", "cloud", "iac", "benchmarks", "bench"],
    keywords: ["cost", "spend"],
    pattern: "^perf(\\(.+\\))?!?:",
  },
  {
    id: "people",
    title: "People",
    why: "Slow builds, thin docs and manual steps slow down every change and every newcomer.",
    share: 20,
    metric: { name: "Days until a newcomer's first merged pull request", unit: "days", baseline: 10, target: 3 },
    labelTerms: [
      "docs",
      "documentation",
      "dx",
      "devex",
      "developer experience",
      "ci",
      "tooling",
      "build",
      "onboarding",
      "tech debt",
      "refactor",
      "refactoring",
      "chore",
      "testing",
      "tests",
    ],
    folders: [
      "docs",
      "doc",
      "documentation",
      ".github",
      ".circleci",
      ".devcontainer",
      ".buildkite",
      "ci",
      "tools",
      "tooling",
    ],
    keywords: ["onboarding", "tooling"],
    pattern: "^(docs|ci|build|chore|refactor|test)(\\(.+\\))?!?:",
  },
  {
    id: "innovation",
    title: "Innovation",
    why: "Customers stay for what the product lets them do next.",
    share: 30,
    metric: { name: "Customer-facing features shipped per quarter", unit: "features", baseline: 2, target: 5 },
    labelTerms: [
      "feature",
      "features",
      "feat",
      "enhancement",
      "enhancements",
      "feature request",
      "proposal",
      "rfc",
      "experiment",
      "idea",
    ],
    folders: ["experiments", "prototypes", "labs", "rfcs"],
    keywords: ["prototype", "experiment"],
    pattern: "^feat(\\(.+\\))?!?:",
  },
];

export interface Suggested {
  labels: string[];
  paths: string[];
}

const words = (text: string) =>
  text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/** True when the label's words contain the term's words in a row ("good first issue" has "first issue"). */
function hasTerm(label: string[], term: string[]): boolean {
  return label.some((_, i) => term.every((w, j) => label[i + j] === w));
}

/**
 * Each problem's suggested labels and folder globs. A label or folder goes to the first problem it fits,
 * so one piece of work is not split between two problems by the starter itself.
 */
export function starterRules(labels: string[], folders: string[]): Record<string, Suggested> {
  const taken = new Set<string>();
  const result: Record<string, Suggested> = {};
  for (const problem of CLASSICS) {
    const terms = problem.labelTerms.map(words);
    const picked = unique(labels).filter(
      (l) => !taken.has(`l:${l.toLowerCase()}`) && terms.some((t) => hasTerm(words(l), t)),
    );
    const dirs = unique(folders).filter(
      (f) => !taken.has(`f:${f.toLowerCase()}`) && problem.folders.includes(f.toLowerCase()),
    );
    for (const l of picked) taken.add(`l:${l.toLowerCase()}`);
    for (const f of dirs) taken.add(`f:${f.toLowerCase()}`);
    result[problem.id] = {
      labels: picked.slice(0, MAX_SUGGESTIONS),
      paths: dirs.slice(0, MAX_SUGGESTIONS).map((f) => `${f}/**`),
    };
  }
  return result;
}

/** Case-insensitively unique and sorted, so the same repository always gets the same starter. */
function unique(names: string[]): string[] {
  const seen = new Set<string>();
  const byName = (a: string, b: string) =>
    a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0;
  return [...names]
    .sort(byName)
    .filter((n) => n.trim() !== "" && !seen.has(n.toLowerCase()) && Boolean(seen.add(n.toLowerCase())));
}

/** A YAML double-quoted scalar (JSON's escapes are YAML's), with the line breaks JSON leaves alone escaped too. */
const quote = (text: string) =>
  JSON.stringify(text).replace(
    /[\u007f-\u009f\u2028\u2029\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
const flow = (items: string[]) => `[${items.map(quote).join(", ")}]`;

function problemLines(p: Classic, s: Suggested, first: boolean): string[] {
  const lines = [
    `  - id: ${p.id}`,
    `    title: ${p.title}`,
    `    why: ${p.why}`,
    `    share: ${p.share}${first ? "  # the intended % of shipped work; all shares add up to 100 at most" : ""}`,
    "    metrics:",
    `      - name: ${p.metric.name}${first ? "  # a placeholder: what you measure" : ""}`,
    `        unit: ${p.metric.unit}`,
    `        # baseline: ${p.metric.baseline}${first ? "  # the reading today" : ""}`,
    `        target: ${p.metric.target}`,
    "    match:",
  ];
  if (s.labels.length > 0) lines.push(`      labels: ${flow(s.labels)}  # from this repository's labels`);
  if (s.paths.length > 0) lines.push(`      paths: ${flow(s.paths)}  # from its top-level folders`);
  lines.push(
    `      keywords: ${flow(p.keywords)}`,
    `      patterns: ['${p.pattern}']  # conventional-commit titles`,
    "",
  );
  return lines;
}

/** The starter file: valid as it stands, commented so that each part says what to change. */
export function renderStarter(input: StarterInput): string {
  const rules = starterRules(input.labels, input.folders);
  return [
    `# The problems that the work in ${input.owner}/${input.repo} exists to solve (read by Throughline).`,
    "# A starter drawn from this repository's labels and folders: rename, add or remove problems, set",
    "# the shares and metrics, then commit it to the default branch. An item serves a problem when any",
    '# of its match rules matches, or when it says so itself (a body line "Serves: reliability").',
    "version: 1",
    `name: ${quote(`${input.owner}/${input.repo} strategy`)}`,
    "# owner: the team that answers for it",
    "# diagnosis: |",
    "#   The situation in a few sentences: what hurts, and why now.",
    "",
    "problems:",
    ...CLASSICS.flatMap((p, i) => problemLines(p, rules[p.id] ?? { labels: [], paths: [] }, i === 0)),
    "settings:",
    "  check: warn  # the Strategy alignment check on pull requests: off | warn | require",
    '  # ignore_authors: ["dependabot[bot]"]  # labelled, but not counted as shipped work',
    "  report:",
    "    category: Announcements  # the Discussions category of the monthly report",
    "    timezone: UTC",
    "",
  ].join("\n");
}

/** GitHub's new-file page on the default branch, with the starter filled in when the address allows it. */
export function newFileUrl(input: StarterInput, content?: string): string {
  const branch = input.defaultBranch.split("/").map(encodeURIComponent).join("/");
  const page = `https://github.com/${encodeURIComponent(input.owner)}/${encodeURIComponent(input.repo)}/new/${branch}`;
  const base = `${page}?${new URLSearchParams({ filename: "strategy.yml" })}`;
  // Form encoding (a space is "+") keeps the address about a third shorter than percent-encoding alone.
  const filled =
    content === undefined ? base : `${page}?${new URLSearchParams({ filename: "strategy.yml", value: content })}`;
  return filled.length <= URL_LIMIT ? filled : base;
}

/** The setup issue: what the app does, the starter, and a link that opens it in GitHub's editor. */
export function renderSetupIssue(input: StarterInput): { title: string; body: string } {
  const starter = renderStarter(input);
  const url = newFileUrl(input, starter);
  const branch = code(input.defaultBranch);
  const filled = url.includes("&value=");
  const action = filled
    ? `**${link("Create strategy.yml with this starter", url)}**: GitHub's editor opens with the file filled in; edit it, then commit it to ${branch}.`
    : `**${link("Create strategy.yml", url)}**: GitHub's editor opens an empty file; paste the starter below into it, edit it, then commit it to ${branch}.`;
  const body = blocks(
    "Throughline connects the work in this repository to the strategy it serves: it labels issues and pull requests with the problems they serve, keeps one progress comment and a `Strategy alignment` check on each pull request, and posts a monthly report in Discussions.",
    `To start, it needs a ${code("strategy.yml")} on ${branch}. Here is a starter drawn from this repository's labels and top-level folders.`,
    action,
    fenced("yaml", starter),
    [
      `- The file may also be ${code(".github/strategy.yml")}, or live in the owner's ${code(".github")} repository to serve every repository at once.`,
      "- Until a valid strategy is in place, the app changes nothing in this repository.",
      `- This issue closes itself once a valid strategy lands on ${branch}. Closing it yourself is fine too: it will not be opened again.`,
    ].join("\n"),
  );
  return { title: SETUP_ISSUE_TITLE, body };
}

/** The comment the app leaves when it closes its setup issue. */
export function renderSetupDone(file: string, defaultBranch: string): string {
  return `Thank you! ${code(file)} on ${code(defaultBranch)} is valid: from now on the app labels issues and pull requests with the problems they serve, keeps a progress comment on pull requests and posts the monthly report. Closing this setup issue.`;
}
