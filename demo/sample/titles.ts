/**
 * What the sample months' work is called: templates for pull-request and issue titles per kind of work,
 * drawn by history.ts. Plain data.
 */
import type { Work } from "./history.js";

export const SERVICES = ["checkout", "payments"] as const;
export const DEPENDENCIES = ["payment gateway", "tax service", "inventory service", "fraud check"] as const;
export const MODULES = ["search", "images", "orders-db", "build-runners", "cdn", "queues", "analytics"] as const;
export const PACKAGES = ["react-dom", "lodash", "axios", "zod", "date-fns", "sharp"] as const;

export type Template = (svc: string, dep: string) => Omit<Work, "branch" | "files">;

export const RELIABILITY: Template[] = [
  (svc, dep) => ({
    title: `fix(${svc}): retry ${dep} calls that time out`,
    body: `Retries with backoff; the ${dep} recovers within seconds.`,
    labels: ["bug"],
  }),
  (svc) => ({
    title: `fix(${svc}): make refund webhooks idempotent`,
    body: "A replayed webhook no longer refunds twice.",
    labels: ["bug"],
  }),
  (svc) => ({
    title: `fix(${svc}): stop double-submitting orders on slow networks`,
    body: "The button is disabled until the order is confirmed.",
    labels: ["bug"],
  }),
  (svc, dep) => ({
    title: `Add a circuit breaker around the ${dep}`,
    body: `When the ${dep} is down, ${svc} degrades instead of failing.`,
    labels: [],
  }),
  (svc) => ({
    title: `Alert when ${svc} errors stay above 1% for five minutes`,
    body: "Pages the on-call engineer before customers notice.",
    labels: [],
  }),
  (svc) => ({
    title: `Quarantine the flaky ${svc} integration test`,
    body: "It failed 1 run in 12 last week.",
    labels: [],
  }),
  (svc) => ({
    title: `Add an SLO dashboard for ${svc} latency`,
    body: "p95 and p99 against the 800 ms objective.",
    labels: [],
  }),
  (svc) => ({
    title: `Keep the ${svc} queue draining during deploys`,
    body: "Workers finish their job before they stop.",
    labels: [],
  }),
];
export const COSTS: ((module: string) => Omit<Work, "branch" | "files" | "labels">)[] = [
  (m) => ({ title: `Rightsize the ${m} instances`, body: "Sized from last month's load: 40% fewer vCPUs." }),
  (m) => ({ title: `Scale ${m} to zero outside business hours`, body: "Nothing uses it at night." }),
  (m) => ({ title: `Move ${m} to spot capacity`, body: "Interruptions are retried; compute costs about 60% less." }),
  (m) => ({ title: `Cut log retention for ${m} to seven days`, body: "Debug logs older than a week were never read." }),
];
export const ONBOARDING: Work[] = [
  {
    title: "docs: one-command local setup",
    body: "`make dev` brings up every service.",
    branch: "docs/local-setup",
    files: ["docs/local-setup.md"],
    labels: ["documentation"],
  },
  {
    title: "Add a devcontainer for the storefront",
    body: "Opens ready to run in a codespace.",
    branch: "dx/devcontainer",
    files: [".devcontainer/devcontainer.json"],
    labels: ["dx"],
  },
  {
    title: "docs: how checkout talks to payments",
    body: "A sequence diagram and the failure modes.",
    branch: "docs/checkout-payments",
    files: ["docs/architecture/checkout.md"],
    labels: ["documentation"],
  },
  {
    title: "Seed the local database with realistic fixtures",
    body: "New engineers see real-looking orders on day one.",
    branch: "dx/fixtures",
    files: ["scripts/seed.ts"],
    labels: ["dx"],
  },
  {
    title: "docs: a first-week guide for new engineers",
    body: "What to read, whom to ask, what to ship.",
    branch: "docs/first-week",
    files: ["docs/first-week.md"],
    labels: ["documentation"],
  },
  {
    title: "Run the test suite in the devcontainer in under five minutes",
    body: "Parallel shards and a warm dependency cache.",
    branch: "dx/fast-tests",
    files: [".devcontainer/post-create.sh"],
    labels: ["dx"],
  },
  {
    title: "docs: on-call handbook for newcomers",
    body: "How to read the dashboards and whom to wake.",
    branch: "docs/on-call",
    files: ["docs/on-call.md"],
    labels: ["documentation"],
  },
];
export const SPLIT: Work[] = [
  {
    title: "Run payments workers on spot instances, with retries on interruption",
    body: "Cheaper workers, and a retried job instead of a failed payment when one is reclaimed.",
    branch: "costs/payments-spot",
    files: ["terraform/payments/workers.tf", "services/payments/src/worker.ts"],
    labels: [],
  },
  {
    title: "Rightsize the checkout cache and add a fallback to the database",
    body: "Half the memory; a cache miss storm no longer takes checkout down.",
    branch: "costs/checkout-cache",
    files: ["terraform/checkout/cache.tf", "services/checkout/src/cache.ts"],
    labels: [],
  },
  {
    title: "Cheaper, zone-redundant load balancers for payments",
    body: "One regional load balancer instead of three zonal ones.",
    branch: "costs/payments-lb",
    files: ["terraform/payments/lb.tf", "services/payments/deploy.yaml"],
    labels: [],
  },
];
export const FEATURES = [
  "Add gift card balance to the account page",
  "Show delivery estimates on product pages",
  "Redesign the order confirmation email",
  "Add product comparison",
  "Translate the storefront into Polish",
  "Remember the last used shipping address",
  "Add size guides to apparel pages",
  "Let customers reorder from their order history",
  "Show stock levels in the mini cart",
  "Add a newsletter sign-up to the footer",
  "Filter search results by brand",
  "Support gift messages at checkout",
  "Show recently viewed products",
  "Add a store locator",
  "Let customers save payment methods for later",
];
export const INCIDENTS = [
  "Checkout down for EU customers",
  "Card payments failing with gateway 502s",
  "Orders stuck in pending after a deploy",
  "Payments timing out during the autumn sale",
  "Cart service out of memory",
  "Checkout returns 500 for gift cards",
];
export const ISSUE_TITLES = {
  reliability: [
    "Checkout errors when the tax service times out",
    "Payments retry storm after a gateway outage",
    "Flaky card declines on Safari",
    "Checkout hangs on the inventory check",
    "Webhook timeouts from the payment gateway",
  ],
  costs: [
    "The search bill doubled since the summer",
    "Idle build runners cost us every weekend",
    "Image storage keeps every original forever",
  ],
  onboarding: [
    "Local setup fails on Apple silicon",
    "Document the release process",
    "Onboarding: nobody knows how to get staging access",
    "The devcontainer misses the payments emulator",
  ],
  unaligned: ["Wishlist page is slow with 200 items", "Add dark mode", "Support Klarna in Sweden"],
};

export const REVIEWS = [
  "Looks good.",
  "Could we add a test for the retry path?",
  "Nice, ship it.",
  "Does this need a migration?",
  "Tested on staging.",
];
