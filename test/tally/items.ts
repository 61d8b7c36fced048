/** Shipped items for the tally tests. */
import type { ShippedItem } from "../../src/tally/index.js";

export function shipped(number: number, fields: Partial<ShippedItem> = {}): ShippedItem {
  return {
    number,
    title: `Change ${number}`,
    url: `https://github.com/acme/platform/pull/${number}`,
    author: "ada",
    mergedAt: `2026-10-${String((number % 28) + 1).padStart(2, "0")}T12:00:00Z`,
    labels: [],
    problems: [],
    ...fields,
  };
}
