import { describe, expect, it } from "vitest";
import { instantOf, isUtc, monthOf, monthPeriod, monthTitle, nextMonth, previousMonth } from "../../src/tally/index.js";

describe("monthPeriod", () => {
  it.each([
    // zone, month, first instant (UTC), exclusive end (UTC), search range
    ["UTC", "2026-10", "2026-10-01T00:00:00.000Z", "2026-11-01T00:00:00.000Z", "2026-10-01..2026-10-31"],
    ["Etc/UTC", "2026-02", "2026-02-01T00:00:00.000Z", "2026-03-01T00:00:00.000Z", "2026-02-01..2026-02-28"],
    ["UTC", "2026-12", "2026-12-01T00:00:00.000Z", "2027-01-01T00:00:00.000Z", "2026-12-01..2026-12-31"],
    // Paris leaves summer time on the last Sunday of October and enters it on the last Sunday of March.
    [
      "Europe/Paris",
      "2026-10",
      "2026-09-30T22:00:00.000Z",
      "2026-10-31T23:00:00.000Z",
      "2026-10-01T00:00:00+02:00..2026-10-31T23:59:59+01:00",
    ],
    [
      "Europe/Paris",
      "2026-03",
      "2026-02-28T23:00:00.000Z",
      "2026-03-31T22:00:00.000Z",
      "2026-03-01T00:00:00+01:00..2026-03-31T23:59:59+02:00",
    ],
    // New York changes on the second Sunday of March and the first Sunday of November (the 1st in 2026).
    [
      "America/New_York",
      "2026-03",
      "2026-03-01T05:00:00.000Z",
      "2026-04-01T04:00:00.000Z",
      "2026-03-01T00:00:00-05:00..2026-03-31T23:59:59-04:00",
    ],
    [
      "America/New_York",
      "2026-10",
      "2026-10-01T04:00:00.000Z",
      "2026-11-01T04:00:00.000Z",
      "2026-10-01T00:00:00-04:00..2026-10-31T23:59:59-04:00",
    ],
    [
      "America/New_York",
      "2026-11",
      "2026-11-01T04:00:00.000Z",
      "2026-12-01T05:00:00.000Z",
      "2026-11-01T00:00:00-04:00..2026-11-30T23:59:59-05:00",
    ],
    // Southern hemisphere: Auckland's summer time ends in April and starts in September.
    [
      "Pacific/Auckland",
      "2026-04",
      "2026-03-31T11:00:00.000Z",
      "2026-04-30T12:00:00.000Z",
      "2026-04-01T00:00:00+13:00..2026-04-30T23:59:59+12:00",
    ],
    [
      "Pacific/Auckland",
      "2026-09",
      "2026-08-31T12:00:00.000Z",
      "2026-09-30T11:00:00.000Z",
      "2026-09-01T00:00:00+12:00..2026-09-30T23:59:59+13:00",
    ],
    [
      "Pacific/Auckland",
      "2026-12",
      "2026-11-30T11:00:00.000Z",
      "2026-12-31T11:00:00.000Z",
      "2026-12-01T00:00:00+13:00..2026-12-31T23:59:59+13:00",
    ],
    [
      "Asia/Kolkata",
      "2026-10",
      "2026-09-30T18:30:00.000Z",
      "2026-10-31T18:30:00.000Z",
      "2026-10-01T00:00:00+05:30..2026-10-31T23:59:59+05:30",
    ],
  ])("%s %s", (zone, key, start, end, range) => {
    const p = monthPeriod(key, zone);
    expect(p.start.toISOString()).toBe(start);
    expect(p.end.toISOString()).toBe(end);
    expect(p.searchRange).toBe(range);
    expect(p.timezone).toBe(zone);
  });

  it("gives the days, title and key of the month", () => {
    expect(monthPeriod("2028-02", "Europe/Paris")).toMatchObject({
      key: "2028-02",
      title: "February 2028",
      from: "2028-02-01",
      to: "2028-02-29",
    });
    expect(monthPeriod("2026-10", "UTC")).toMatchObject({
      from: "2026-10-01",
      to: "2026-10-31",
      title: "October 2026",
    });
  });

  it("chains months without gap or overlap across a year end", () => {
    expect(monthPeriod("2026-12", "Europe/Paris").end).toEqual(monthPeriod("2027-01", "Europe/Paris").start);
  });

  it("refuses a malformed month and an unknown zone", () => {
    expect(() => monthPeriod("2026-13", "UTC")).toThrow(/YYYY-MM/);
    expect(() => monthPeriod("2026-1", "UTC")).toThrow(/YYYY-MM/);
    expect(() => monthPeriod("2026-10", "Mars/Olympus")).toThrow(/unknown time zone "Mars\/Olympus"/);
  });
});

describe("monthOf", () => {
  it.each([
    ["2026-10-31T23:30:00Z", "UTC", "2026-10"],
    ["2026-10-31T23:30:00Z", "Europe/Paris", "2026-11"],
    ["2026-11-01T03:59:59Z", "America/New_York", "2026-10"],
    ["2026-11-01T04:00:00Z", "America/New_York", "2026-11"],
    ["2026-12-31T11:00:00Z", "Pacific/Auckland", "2027-01"],
    ["2026-12-31T10:59:59Z", "Pacific/Auckland", "2026-12"],
  ])("%s in %s is %s", (iso, zone, key) => {
    expect(monthOf(new Date(iso), zone)).toBe(key);
  });
});

describe("month keys", () => {
  it.each([
    ["2026-01", "2025-12", "2026-02"],
    ["2026-12", "2026-11", "2027-01"],
    ["2026-10", "2026-09", "2026-11"],
  ])("%s follows %s and precedes %s", (key, before, after) => {
    expect(previousMonth(key)).toBe(before);
    expect(nextMonth(key)).toBe(after);
  });

  it("titles months in English", () => {
    expect(monthTitle("2026-01")).toBe("January 2026");
    expect(monthTitle("2026-10")).toBe("October 2026");
  });
});

describe("local times across transitions", () => {
  it("takes the earlier of a repeated time and moves a skipped one forward", () => {
    // 01:30 occurs twice in New York on 2026-11-01; 02:30 does not occur on 2026-03-08.
    expect(
      new Date(
        instantOf({ year: 2026, month: 11, day: 1, hour: 1, minute: 30, second: 0 }, "America/New_York"),
      ).toISOString(),
    ).toBe("2026-11-01T05:30:00.000Z");
    expect(
      new Date(
        instantOf({ year: 2026, month: 3, day: 8, hour: 2, minute: 30, second: 0 }, "America/New_York"),
      ).toISOString(),
    ).toBe("2026-03-08T07:30:00.000Z");
    // Santiago skips its midnight on 2026-09-06: the day starts at 01:00 local.
    expect(
      new Date(
        instantOf({ year: 2026, month: 9, day: 6, hour: 0, minute: 0, second: 0 }, "America/Santiago"),
      ).toISOString(),
    ).toBe("2026-09-06T04:00:00.000Z");
  });

  it("knows UTC by its aliases only", () => {
    expect(["UTC", "utc", "Etc/UTC", "GMT", "Etc/Zulu"].every(isUtc)).toBe(true);
    expect(["Europe/London", "Africa/Abidjan"].some(isUtc)).toBe(false);
  });
});
