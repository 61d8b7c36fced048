/**
 * Whether a strategy is in force on a day: `status: active` and within `effective` (dates are days in the
 * strategy's report time zone). A draft or retired strategy, or one outside its dates, is still validated
 * but labels nothing and posts nothing.
 */
import type { Strategy } from "./schema.js";

/** Why the strategy is not in force on `day` (YYYY-MM-DD), or undefined when it is. */
export function notInForce(strategy: Strategy, day: string): string | undefined {
  if (strategy.status === "draft") return "the strategy is a draft (`status: draft`)";
  if (strategy.status === "retired") return "the strategy is retired (`status: retired`)";
  const { from, until } = strategy.effective ?? {};
  if (from && day < from) return `the strategy takes effect on ${from}`;
  if (until && day > until) return `the strategy ended on ${until}`;
  return undefined;
}

/** Whether any day of a period (first and last day, YYYY-MM-DD) falls while the strategy is active. */
export function inForceDuring(strategy: Strategy, first: string, last: string): boolean {
  if (strategy.status !== "active") return false;
  const { from, until } = strategy.effective ?? {};
  return !(from && last < from) && !(until && first > until);
}
