/**
 * What happens in the sample repository on the demo's Monday morning: three issues and two pull requests
 * are opened, each showing a different way work is recognised (a keyword, a label a person set, nothing
 * at all, changed paths serving two problems, the issue a pull request closes).
 */
import type { Item } from "../../test/fixtures/github-fake/index.js";
import { baseItem, NOW } from "./repository.js";

const at = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000).toISOString().replace(".000Z", "Z");

/** The new items, numbered from `first` in the order they are opened. */
export function newWork(first: number): Item[] {
  const [timeout, devcontainer, wishlist, spot, retry] = [first, first + 1, first + 2, first + 3, first + 4];
  return [
    baseItem("issue", timeout, {
      title: "Checkout fails when the payment gateway is slow",
      body: [
        "Since Friday's deploy, about 1 in 50 checkouts fail with a gateway timeout during the evening peak.",
        "Customers see a generic error; their cart is kept, but most of them do not try again.",
      ].join("\n"),
      author: "priya",
      createdAt: at(50),
    }),
    baseItem("issue", devcontainer, {
      title: "Explain how to run the storefront in the devcontainer",
      body: "The README still describes the old Docker Compose setup, and new engineers lose a day on it.",
      author: "devon",
      labels: ["documentation"],
      createdAt: at(45),
    }),
    baseItem("issue", wishlist, {
      title: "Let customers share their wishlist",
      body: "Merchandising would like a share link on the wishlist page, in time for the holidays.",
      author: "sam",
      labels: ["enhancement"],
      createdAt: at(40),
    }),
    baseItem("pull_request", spot, {
      title: "Run checkout workers on spot instances, with retries on interruption",
      body: [
        "Checkout's background workers move to spot capacity, about 60% cheaper.",
        "A worker that is reclaimed now hands its job back to the queue, so the order is retried instead of failing.",
      ].join("\n\n"),
      author: "tomasz",
      createdAt: at(30),
      branch: "costs/spot-checkout-workers",
      headSha: "5f0c2a9e1d7b4c3a8e6f9d0b1a2c3e4f5a6b7c8d",
      files: [
        "terraform/checkout/workers.tf",
        "terraform/checkout/variables.tf",
        "services/checkout/src/worker.ts",
        "services/checkout/src/worker.test.ts",
      ],
      additions: 184,
      deletions: 41,
    }),
    baseItem("pull_request", retry, {
      title: "Retry payment gateway calls once before giving up",
      body: `A single retry with a fresh idempotency key.\n\nCloses #${timeout}`,
      author: "priya",
      createdAt: at(20),
      branch: "priya/gateway-retry",
      headSha: "9a8b7c6d5e4f30211f2e3d4c5b6a79880a1b2c3d",
      files: ["services/payments/src/gateway.ts", "services/payments/src/gateway.test.ts"],
      closes: [timeout],
      additions: 52,
      deletions: 9,
    }),
  ];
}
