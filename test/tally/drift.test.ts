import { describe, expect, it } from "vitest";
import { driftOf, type Tally } from "../../src/tally/index.js";
import { strategy, withSettings } from "./strategy.js";

const tally = (merged: number, shares: Record<string, number>, unaligned: number): Tally => ({
  merged,
  problems: Object.fromEntries(
    Object.entries(shares).map(([id, share]) => [id, { merged: Math.round(share * merged), share }]),
  ),
  unaligned: { merged: Math.round(unaligned * merged), share: unaligned },
});

describe("driftOf", () => {
  it.each([
    // reliability intends 40, costs 20, dx has no intended share; drift 15 points by default
    { name: "on target", shares: { reliability: 0.4, costs: 0.2, dx: 0.4 }, unaligned: 0, drift: [] },
    {
      name: "exactly at the limit is not drift",
      shares: { reliability: 0.55, costs: 0.05, dx: 0.4 },
      unaligned: 0,
      drift: [],
    },
    {
      name: "beyond the limit either way",
      shares: { reliability: 0.56, costs: 0.04, dx: 0.4 },
      unaligned: 0,
      drift: ["reliability", "costs"],
    },
    {
      name: "a problem without an intended share never drifts",
      shares: { reliability: 0.4, costs: 0.2, dx: 0 },
      unaligned: 0.4,
      drift: [],
    },
  ])("$name", ({ shares, unaligned, drift }) => {
    const result = driftOf(strategy(), tally(100, shares, unaligned));
    expect(Object.keys(result.problems)).toEqual(["reliability", "costs", "dx"]);
    expect(
      Object.entries(result.problems)
        .filter(([, d]) => d)
        .map(([id]) => id),
    ).toEqual(drift);
  });

  it("follows settings.drift", () => {
    const result = driftOf(withSettings({ drift: 5 }), tally(100, { reliability: 0.46, costs: 0.2, dx: 0 }, 0.34));
    expect(result.problems.reliability).toBe(true);
  });

  it("sees no drift in a month without shipped work", () => {
    const result = driftOf(strategy(), tally(0, { reliability: 0, costs: 0, dx: 0 }, 0));
    expect(result).toEqual({ problems: { reliability: false, costs: false, dx: false }, unalignedAlert: false });
  });

  it.each([
    [0.39, 40, false],
    [0.4, 40, true],
    [0.3, 25, true],
    [0.25, 40, false],
  ])("unaligned share %s against an alert at %s%% alerts: %s", (unaligned, alert, expected) => {
    const result = driftOf(
      withSettings({ unaligned_alert: alert }),
      tally(100, { reliability: 1 - unaligned }, unaligned),
    );
    expect(result.unalignedAlert).toBe(expected);
  });
});
