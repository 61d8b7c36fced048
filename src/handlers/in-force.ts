/** Whether the strategy is in force now, on today's date in the strategy's time zone. */
import { notInForce } from "../strategy/in-force.js";
import type { Strategy } from "../strategy/schema.js";
import { localDate } from "../tally/zone-format.js";

export function notInForceNow(strategy: Strategy, now: Date): string | undefined {
  return notInForce(strategy, localDate(now.getTime(), strategy.settings.report.timezone));
}
