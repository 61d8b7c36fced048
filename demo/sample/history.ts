/**
 * Months of work in the sample repository, generated from a fixed seed so every run is identical:
 * merged pull requests and closed issues from August to mid-November 2026, with the strategy labels the
 * app would have applied at the time (decided by the app's own classification, changed files included).
 */
import { classify } from "../../src/classify/index.js";
import type { Strategy } from "../../src/strategy/schema.js";
import type { Item } from "../fake/state.js";
import { baseItem, PEOPLE } from "./repository.js";

/** mulberry32: a tiny seeded generator, the same numbers on every machine. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Work {
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
        [deck[i], deck[j]] = [deck[j], deck[i]];
      }
      this.decks.set(list, deck);
    }
    return deck.pop()!;
  }
}

const SERVICES = ["checkout", "payments"] as const;
const DEPENDENCIES = ["payment gateway", "tax service", "inventory service", "fraud check"] as const;
const MODULES = ["search", "images", "orders-db", "build-runners", "cdn", "queues", "analytics"] as const;
const PACKAGES = ["react-dom", "lodash", "axios", "zod", "date-fns", "sharp"] as const;

type Template = (svc: string, dep: string) => Omit<Work, "branch" | "files">;

const RELIABILITY: Template[] = [
  (svc, dep) => ({ title: `fix(${svc}): retry ${dep} calls that time out`, body: `Retries with backoff; the ${dep} recovers within seconds.`, labels: ["bug"] }),
  (svc) => ({ title: `fix(${svc}): make refund webhooks idempotent`, body: "A replayed webhook no longer refunds twice.", labels: ["bug"] }),
  (svc) => ({ title: `fix(${svc}): stop double-submitting orders on slow networks`, body: "The button is disabled until the order is confirmed.", labels: ["bug"] }),
  (svc, dep) => ({ title: `Add a circuit breaker around the ${dep}`, body: `When the ${dep} is down, ${svc} degrades instead of failing.`, labels: [] }),
  (svc) => ({ title: `Alert when ${svc} errors stay above 1% for five minutes`, body: "Pages the on-call engineer before customers notice.", labels: [] }),
  (svc) => ({ title: `Quarantine the flaky ${svc} integration test`, body: "It failed 1 run in 12 last week.", labels: [] }),
  (svc) => ({ title: `Add an SLO dashboard for ${svc} latency`, body: "p95 and p99 against the 800 ms objective.", labels: [] }),
  (svc) => ({ title: `Keep the ${svc} queue draining during deploys`, body: "Workers finish their job before they stop.", labels: [] }),
];
const COSTS: ((module: string) => Omit<Work, "branch" | "files" | "labels">)[] = [
  (m) => ({ title: `Rightsize the ${m} instances`, body: "Sized from last month's load: 40% fewer vCPUs." }),
  (m) => ({ title: `Scale ${m} to zero outside business hours`, body: "Nothing uses it at night." }),
  (m) => ({ title: `Move ${m} to spot capacity`, body: "Interruptions are retried; compute costs about 60% less." }),
  (m) => ({ title: `Cut log retention for ${m} to seven days`, body: "Debug logs older than a week were never read." }),
];
const ONBOARDING: Work[] = [
  { title: "docs: one-command local setup", body: "`make dev` brings up every service.", branch: "docs/local-setup", files: ["docs/local-setup.md"], labels: ["documentation"] },
  { title: "Add a devcontainer for the storefront", body: "Opens ready to run in a codespace.", branch: "dx/devcontainer", files: [".devcontainer/devcontainer.json"], labels: ["dx"] },
  { title: "docs: how checkout talks to payments", body: "A sequence diagram and the failure modes.", branch: "docs/checkout-payments", files: ["docs/architecture/checkout.md"], labels: ["documentation"] },
  { title: "Seed the local database with realistic fixtures", body: "New engineers see real-looking orders on day one.", branch: "dx/fixtures", files: ["scripts/seed.ts"], labels: ["dx"] },
  { title: "docs: a first-week guide for new engineers", body: "What to read, whom to ask, what to ship.", branch: "docs/first-week", files: ["docs/first-week.md"], labels: ["documentation"] },
  { title: "Run the test suite in the devcontainer in under five minutes", body: "Parallel shards and a warm dependency cache.", branch: "dx/fast-tests", files: [".devcontainer/post-create.sh"], labels: ["dx"] },
  { title: "docs: on-call handbook for newcomers", body: "How to read the dashboards and whom to wake.", branch: "docs/on-call", files: ["docs/on-call.md"], labels: ["documentation"] },
];
const SPLIT: Work[] = [
  { title: "Run payments workers on spot instances, with retries on interruption", body: "Cheaper workers, and a retried job instead of a failed payment when one is reclaimed.", branch: "costs/payments-spot", files: ["terraform/payments/workers.tf", "services/payments/src/worker.ts"], labels: [] },
  { title: "Rightsize the checkout cache and add a fallback to the database", body: "Half the memory; a cache miss storm no longer takes checkout down.", branch: "costs/checkout-cache", files: ["terraform/checkout/cache.tf", "services/checkout/src/cache.ts"], labels: [] },
  { title: "Cheaper, zone-redundant load balancers for payments", body: "One regional load balancer instead of three zonal ones.", branch: "costs/payments-lb", files: ["terraform/payments/lb.tf", "services/payments/deploy.yaml"], labels: [] },
];
const FEATURES = [
  "Add gift card balance to the account page", "Show delivery estimates on product pages", "Redesign the order confirmation email",
  "Add product comparison", "Translate the storefront into Polish", "Remember the last used shipping address",
  "Add size guides to apparel pages", "Let customers reorder from their order history", "Show stock levels in the mini cart",
  "Add a newsletter sign-up to the footer", "Filter search results by brand", "Support gift messages at checkout",
  "Show recently viewed products", "Add a store locator", "Let customers save payment methods for later",
];
const INCIDENTS = [
  "Checkout down for EU customers", "Card payments failing with gateway 502s", "Orders stuck in pending after a deploy",
  "Payments timing out during the autumn sale", "Cart service out of memory", "Checkout returns 500 for gift cards",
];
const ISSUE_TITLES = {
  reliability: ["Checkout errors when the tax service times out", "Payments retry storm after a gateway outage", "Flaky card declines on Safari", "Checkout hangs on the inventory check", "Webhook timeouts from the payment gateway"],
  costs: ["The search bill doubled since the summer", "Idle build runners cost us every weekend", "Image storage keeps every original forever"],
  onboarding: ["Local setup fails on Apple silicon", "Document the release process", "Onboarding: nobody knows how to get staging access", "The devcontainer misses the payments emulator"],
  unaligned: ["Wishlist page is slow with 200 items", "Add dark mode", "Support Klarna in Sweden"],
};

type Kind = "reliability" | "costs" | "onboarding" | "split" | "unaligned" | "deps";

function work(kind: Kind, d: Dealer, n: number): Work {
  switch (kind) {
    case "reliability": {
      const [svc, dep] = [d.draw(SERVICES), d.draw(DEPENDENCIES)];
      const slug = dep.split(" ")[0];
      // A title already used is drawn again (a few times at most): real months rarely repeat one.
      let shape = d.draw(RELIABILITY)(svc, dep);
      for (let i = 0; i < 5 && !d.fresh(shape.title); i++) shape = d.draw(RELIABILITY)(d.draw(SERVICES), d.draw(DEPENDENCIES));
      return { ...shape, branch: `reliability/${svc}-${slug}`, files: [`services/${svc}/src/${slug}.ts`] };
    }
    case "costs": {
      const module = d.draw(MODULES);
      return { ...d.draw(COSTS)(module), branch: `costs/${module}`, files: [`terraform/${module}/main.tf`], labels: n % 2 ? ["cost"] : [] };
    }
    case "onboarding": return d.draw(ONBOARDING);
    case "split": return d.draw(SPLIT);
    case "unaligned": {
      const title = d.draw(FEATURES);
      return { title, body: "Requested by the merchandising team.", branch: `feature/${title.toLowerCase().replace(/[^a-z]+/g, "-").slice(0, 30)}`, files: ["web/src/pages/product.tsx"], labels: ["enhancement"] };
    }
    case "deps": {
      const name = d.draw(PACKAGES);
      return { title: `Bump ${name} from 2.${n % 7}.0 to 2.${(n % 7) + 1}.0`, body: "Bumps the package.", branch: `dependabot/npm_and_yarn/${name}`, files: ["package.json", "package-lock.json"], labels: ["dependencies"] };
    }
  }
}

function issueWork(kind: keyof typeof ISSUE_TITLES | "incident", d: Dealer): Work {
  const labels = { reliability: ["bug"], costs: ["cost"], onboarding: ["documentation"], unaligned: ["enhancement"], incident: ["incident", "sev1"] }[kind];
  const title = d.draw(kind === "incident" ? INCIDENTS : ISSUE_TITLES[kind]);
  return { title, body: kind === "incident" ? "Customers cannot complete checkout. Incident channel opened." : "", branch: "", files: [], labels };
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
  { start: "2026-08-01", end: "2026-09-01", pulls: { reliability: 10, costs: 9, onboarding: 3, split: 1, unaligned: 10, deps: 3 }, issues: { reliability: 2, costs: 2, onboarding: 1, unaligned: 2, incident: 3 } },
  { start: "2026-09-01", end: "2026-10-01", pulls: { reliability: 14, costs: 8, onboarding: 5, split: 1, unaligned: 10, deps: 3 }, issues: { reliability: 3, costs: 1, onboarding: 2, unaligned: 2, incident: 2 } },
  { start: "2026-10-01", end: "2026-11-01", pulls: { reliability: 22, costs: 3, onboarding: 6, split: 2, unaligned: 8, deps: 3 }, issues: { reliability: 3, costs: 1, onboarding: 2, unaligned: 1, incident: 1 } },
  { start: "2026-11-01", end: "2026-11-16", pulls: { reliability: 9, costs: 2, onboarding: 3, split: 0, unaligned: 4, deps: 1 }, issues: { reliability: 1, costs: 0, onboarding: 1, unaligned: 0, incident: 0 } },
];

const DAY = 86_400_000;
const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
const REVIEWS = ["Looks good.", "Could we add a test for the retry path?", "Nice, ship it.", "Does this need a migration?", "Tested on staging."];

interface Draft {
  kind: Item["kind"];
  work: Work;
  author: string;
  createdAt: number;
  closedAt: number;
}

/** Issues and merged pull requests of the sample months, numbered from `first` in the order they were opened. */
export function generateHistory(strategy: Strategy, first: number, seed = 2026): Item[] {
  const next = seeded(seed);
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
        drafts.push({ kind: "pull_request", work: work(kind, d, drafts.length), author, createdAt: mergedAt - Math.ceil(next() * 5 * DAY), closedAt: mergedAt });
      }
    }
    for (const [kind, count] of Object.entries(month.issues) as [keyof MonthPlan["issues"], number][]) {
      for (let i = 0; i < count; i++) {
        const createdAt = within();
        const author = kind === "incident" ? "lin" : d.draw(PEOPLE);
        drafts.push({ kind: "issue", work: issueWork(kind, d), author, createdAt, closedAt: Math.min(createdAt + Math.ceil(next() * 3 * DAY), last) });
      }
    }
  }
  drafts.sort((a, b) => a.createdAt - b.createdAt);
  return drafts.map((draft, i) => withStrategyLabels(strategy, toItem(draft, first + i, d)));
}

function toItem(draft: Draft, number: number, d: Dealer): Item {
  const isPull = draft.kind === "pull_request";
  const comments = Array.from({ length: Math.floor(d.next() * 6) }, (_, c) => ({
    id: number * 100 + c, author: d.draw(PEOPLE), body: d.draw(REVIEWS), createdAt: iso(draft.createdAt + (c + 1) * 3600_000),
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
  const decision = classify(strategy, { kind, number, title, body, labels, author, milestone, branch: item.branch ?? undefined, files, filesComplete: true, closes: [] });
  const served = strategy.problems.filter((p) => decision.problems.includes(p.id)).map((p) => p.label);
  return { ...item, labels: [...labels, ...served], events: served.map((label) => ({ label, action: "added", actor: "throughline[bot]", at: item.createdAt })) };
}
