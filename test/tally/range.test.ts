import { describe, expect, it } from "vitest";
import { monthPeriod, rangeQuery, splitRange } from "../../src/tally/index.js";

describe("rangeQuery", () => {
  it("writes whole UTC days as dates and anything else as timestamps with offset", () => {
    expect(rangeQuery(new Date("2026-10-01T00:00:00Z"), new Date("2026-10-08T00:00:00Z"), "UTC")).toBe(
      "2026-10-01..2026-10-07",
    );
    expect(rangeQuery(new Date("2026-10-01T00:00:00Z"), new Date("2026-10-01T12:00:00Z"), "UTC")).toBe(
      "2026-10-01T00:00:00+00:00..2026-10-01T11:59:59+00:00",
    );
    expect(rangeQuery(new Date("2026-10-24T22:00:00Z"), new Date("2026-10-25T23:00:00Z"), "Europe/Paris")).toBe(
      "2026-10-25T00:00:00+02:00..2026-10-25T23:59:59+01:00",
    );
  });
});

describe("splitRange", () => {
  it("cuts a month into two adjacent halves on a whole second", () => {
    const { start, end } = monthPeriod("2026-10", "Europe/Paris");
    const [first, second] = splitRange(start, end, "Europe/Paris");
    expect(first!.start).toEqual(start);
    expect(first!.end).toEqual(second!.start);
    expect(second!.end).toEqual(end);
    expect(first!.end.getTime() % 1000).toBe(0);
    expect(first!.range).toBe("2026-10-01T00:00:00+02:00..2026-10-16T12:29:59+02:00");
    expect(second!.range).toBe("2026-10-16T12:30:00+02:00..2026-10-31T23:59:59+01:00");
  });

  it("splits halves again, and leaves a one-second window whole", () => {
    const start = new Date("2026-10-01T00:00:00Z");
    const [a] = splitRange(start, new Date("2026-10-01T00:00:03Z"), "UTC");
    expect(a!.range).toBe("2026-10-01T00:00:00+00:00..2026-10-01T00:00:00+00:00");
    expect(splitRange(start, new Date("2026-10-01T00:00:01Z"), "UTC")).toHaveLength(1);
  });
});
