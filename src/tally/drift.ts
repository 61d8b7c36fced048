/** Whether the work that ships matches the strategy's intent: drift per problem, and too much unaligned work. */
import type { Strategy } from "../strategy/schema.js";
import { measuredBy, shareIn, totalIn } from "./measure.js";
import type { Tally } from "./types.js";

export interface Drift {
  /** Per problem id: true when its share is off its intended share by more than settings.drift points. */
  problems: Record<string, boolean>;
  /** True when unaligned work reaches settings.unaligned_alert percent of shipped work. */
  unalignedAlert: boolean;
}

// Shares are sums of fractions like 1/3; compare in points rounded well below display precision so that
// 55.00000000000001 against a limit of 55 is not drift.
const round = (value: number) => Math.round(value * 1e6) / 1e6;
const points = (fraction: number) => round(fraction * 100);

/**
 * Only problems with an intended share can drift, and only in a period with shipped work: an empty
 * month says nothing about where effort goes. Shares are read in `settings.report.measure` when the
 * tally has it (author-weeks), else in pull requests.
 */
export function driftOf(strategy: Strategy, tally: Tally): Drift {
  const { drift, unaligned_alert } = strategy.settings;
  const measure = measuredBy(tally, strategy.settings.report.measure);
  const shipped = tally.merged > 0 && totalIn(tally, measure) > 0;
  const problems: Record<string, boolean> = {};
  for (const p of strategy.problems) {
    const share = shareIn(tally.problems[p.id], measure);
    problems[p.id] = p.share !== undefined && shipped && round(Math.abs(points(share) - p.share)) > drift;
  }
  return { problems, unalignedAlert: shipped && points(shareIn(tally.unaligned, measure)) >= unaligned_alert };
}
