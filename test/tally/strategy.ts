/** Strategies for the tally tests, parsed through the real schema so defaults are filled in. */
import { strategySchema, type Strategy } from "../../src/strategy/schema.js";

export function strategy(overrides: Record<string, unknown> = {}): Strategy {
  return strategySchema.parse({
    version: 1,
    name: "Platform strategy 2026",
    problems: [
      { id: "reliability", title: "Reliability", share: 40 },
      { id: "costs", title: "Hosting costs", share: 20 },
      { id: "dx", title: "Developer experience" },
    ],
    ...overrides,
  });
}

export const withSettings = (settings: Record<string, unknown>) => strategy({ settings });
