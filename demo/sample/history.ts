/**
 * Months of work in the sample repository, generated from a fixed seed so every run is identical:
 * merged pull requests and closed issues from August to mid-November 2026, with the strategy labels the
 * app would have applied at the time (decided by the app's own classification, changed files included).
 */
import { classify } from "../../src/classify/index.js";
import type { Strategy } from "../../src/strategy/schema.js";
import type { Item } from "../../test/fixtures/github-fake/index.js";
import { baseItem, PEOPLE } from "./repository.js";
import {
  COSTS,
  DEPENDENCIES,
  FEATURES,
  INCIDENTS,
  ISSUE_TITLES,
  MODULES,
  ONBOARDING,
  PACKAGES,
  RELIABILITY,
  REVIEWS,
  SERVICES,
  SPLIT,
} from "./titles.js";
import { prng } from "../../test/fixtures/prng.js";

export interface Work {
  title: string;
  body: string;
  branch: string;
  files: string[];
  labels: string[];
}

/** Draws from each list without repeating until the list is used up, so titles vary as in real months. */
class Dealer {
  private readonly decks = new Map<readonly unknown[], unknown[]>();
  private readonly used = new Set<string>();
  constructor(readonly next: () => number) {}
  /** True the first time a title is seen. */
  fresh(title: string): boolean {
    if (this.used.has(title)) return false;
    this.used.add(title);
    return true;
  }
  draw<T>(list: readonly T[]): T {
    let deck = this.decks.get(list) as T[] | undefined;
    if (!deck?.length) {
      deck = [...list];
      for (let i = deck.length - 1; i > 0; i--) {
        const j = Math.floor(this.next() * (i + 1));
        [deck[i], deck[j]] = [deck[j]!, deck[i]!];
      }
      this.decks.set(list, deck);
    }
    return deck.pop()!;
  }
}

type Kind = "reliability" | "costs" | "onboarding" | "split" | "unaligned" | "deps";

function work(kind: Kind, d: Dealer, n: number): Work {
  switch (kind) {
    case "reliability": {
      const [svc, dep] = [d.draw(SERVICES), d.draw(DEPENDENCIES)];
      const slug = dep.split(" ")[0];
      // A title already used is drawn again (a few times at most): real months rarely repeat one.
      let shape = d.draw(RELIABILITY)(svc, dep);
      for (let i = 0; i < 5 && !d.fresh(shape.title); i++)
        shape = d.draw(RELIABILITY)(d.draw(SERVICES), d.draw(DEPENDENCIES));
      return { ...shape, branch: `reliability/${svc}-${slug}`, files: [`services/${svc}/src/${slug}.ts`] };
    }
    case "costs": {
      const module = d.draw(MODULES);
      return {
        ...d.draw(COSTS)(module),
        branch: `costs/${module}`,
        files: [`terraform/${module}/main.tf`],
        labels: n % 2 ? ["cost"] : [],
      };
    }
    case "onboarding":
      return d.draw(ONBOARDING);
    case "split":
      return d.draw(SPLIT);
    case "unaligned": {
      const title = d.draw(FEATURES);
      return {
        title,
        body: "Requested by the merchandising team.",
        branch: `feature/${title
          .toLowerCase()
          .replace(/[^a-z]+/g, "-")
          .slice(0, 30)}`,
        files: ["web/src/pages/product.tsx"],
        labels: ["enhancement"],
      };
    }
    case "deps": {
      const name = d.draw(PACKAGES);
      return {
        title: `Bump ${name} from 2.${n % 7}.0 to 2.${(n % 7) + 1}.0`,
        body: "Bumps the package.",
        branch: `dependabot/npm_and_yarn/${name}`,
        files: ["package.json", "package-lock.json"],
        labels: ["dependencies"],
      };
    }
  }
}

function issueWork(kind: keyof typeof ISSUE_TITLES | "incident", d: Dealer): Work {
  const labels = {
    reliability: ["bug"],
    costs: ["cost"],
    onboarding: ["documentation"],
    unaligned: ["enhancement"],
    incident: ["incident", "sev1"],
  }[kind];
  const title = d.draw(kind === "incident" ? INCIDENTS : ISSUE_TITLES[kind]);
  return {
    title,
    body: kind === "incident" ? "Customers cannot complete checkout. Incident channel opened." : "",
    branch: "",
    files: [],
    labels,
  };
}

interface MonthPlan {
  start: string;
  /** Exclusive. */
  end: string;
  pulls: Record<Kind, number>;
  issues: Record<keyof typeof ISSUE_TITLES | "incident", number>;
}

/** Reliability takes over in October (and drifts past its intended 40%), at the expense of costs. */
const MONTHS: MonthPlan[] = [
  {
    start: "2026-08-01",
    end: "2026-09-01",
    pulls: { reliability: 10, costs: 9, onboarding: 3, split: 1, unaligned: 10, deps: 3 },
    issues: { reliability: 2, costs: 2, onboarding: 1, unaligned: 2, incident: 3 },
  },
  {
    start: "2026-09-01",
    end: "2026-10-01",
    pulls: { reliability: 14, costs: 8, onboarding: 5, split: 1, unaligned: 10, deps: 3 },
    issues: { reliability: 3, costs: 1, onboarding: 2, unaligned: 2, incident: 2 },
  },
  {
    start: "2026-10-01",
    end: "2026-11-01",
    pulls: { reliability: 22, costs: 3, onboarding: 6, split: 2, unaligned: 8, deps: 3 },
    issues: { reliability: 3, costs: 1, onboarding: 2, unaligned: 1, incident: 1 },
  },
  {
    start: "2026-11-01",
    end: "2026-11-16",
    pulls: { reliability: 9, costs: 2, onboarding: 3, split: 0, unaligned: 4, deps: 1 },
    issues: { reliability: 1, costs: 0, onboarding: 1, unaligned: 0, incident: 0 },
  },
];

const DAY = 86_400_000;
const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");

interface Draft {
  kind: Item["kind"];
  work: Work;
  author: string;
  createdAt: number;
  closedAt: number;
}

/** Issues and merged pull requests of the sample months, numbered from `first` in the order they were opened. */
export function generateHistory(strategy: Strategy, first: number, seed = 2026): Item[] {
  const next = prng(seed);
  const d = new Dealer(next);
  const drafts: Draft[] = [];
  for (const month of MONTHS) {
    const from = Date.parse(`${month.start}T00:00:00Z`);
    const last = Date.parse(`${month.end}T00:00:00Z`) - 1000;
    const within = () => from + Math.floor(next() * (last - from));
    for (const [kind, count] of Object.entries(month.pulls) as [Kind, number][]) {
      for (let i = 0; i < count; i++) {
        const mergedAt = within();
        const author = kind === "deps" ? "dependabot[bot]" : d.draw(PEOPLE);
        drafts.push({
          kind: "pull_request",
          work: work(kind, d, drafts.length),
          author,
          createdAt: mergedAt - Math.ceil(next() * 5 * DAY),
          closedAt: mergedAt,
        });
      }
    }
    for (const [kind, count] of Object.entries(month.issues) as [keyof MonthPlan["issues"], number][]) {
      for (let i = 0; i < count; i++) {
        const createdAt = within();
        const author = kind === "incident" ? "lin" : d.draw(PEOPLE);
        drafts.push({
          kind: "issue",
          work: issueWork(kind, d),
          author,
          createdAt,
          closedAt: Math.min(createdAt + Math.ceil(next() * 3 * DAY), last),
        });
      }
    }
  }
  drafts.sort((a, b) => a.createdAt - b.createdAt);
  return drafts.map((draft, i) => withStrategyLabels(strategy, toItem(draft, first + i, d)));
}

function toItem(draft: Draft, number: number, d: Dealer): Item {
  const isPull = draft.kind === "pull_request";
  const comments = Array.from({ length: Math.floor(d.next() * 6) }, (_, c) => ({
    id: number * 100 + c,
    author: d.draw(PEOPLE),
    body: d.draw(REVIEWS),
    createdAt: iso(draft.createdAt + (c + 1) * 3600_000),
  }));
  return baseItem(draft.kind, number, {
    title: draft.work.title,
    body: draft.work.body,
    author: draft.author,
    labels: draft.work.labels,
    createdAt: iso(draft.createdAt),
    state: "closed",
    stateReason: isPull ? null : "completed",
    closedAt: iso(draft.closedAt),
    mergedAt: isPull ? iso(draft.closedAt) : null,
    branch: isPull ? draft.work.branch : null,
    headSha: isPull ? number.toString(16).padStart(40, "0") : null,
    files: draft.work.files,
    additions: isPull ? 5 + Math.floor(d.next() * 400) : 0,
    deletions: isPull ? Math.floor(d.next() * 120) : 0,
    comments,
  });
}

/** The labels the app applied when the item was opened: its own decision, changed files included. */
function withStrategyLabels(strategy: Strategy, item: Item): Item {
  const { kind, number, title, body, labels, author, milestone, files } = item;
  const decision = classify(strategy, {
    kind,
    number,
    title,
    body,
    labels,
    author,
    milestone,
    branch: item.branch ?? undefined,
    files,
    filesComplete: true,
    closes: [],
  });
  const served = strategy.problems.filter((p) => decision.problems.includes(p.id)).map((p) => p.label);
  return {
    ...item,
    labels: [...labels, ...served],
    events: served.map((label) => ({ label, action: "added", actor: "throughline[bot]", at: item.createdAt })),
  };
}
