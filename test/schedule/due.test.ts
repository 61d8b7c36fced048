import { describe, expect, it } from "vitest";
import { dueMonth, lastDueMonth } from "../../src/schedule/due.js";
import { scheduleEnabled } from "../../src/schedule/index.js";

const at = (iso: string) => new Date(iso);

describe("when the monthly report is due", () => {
  it.each([
    // schedule, timezone, since, now, month
    ["0 9 1 * *", "UTC", "2026-11-01T08:00:00Z", "2026-11-01T09:00:00Z", "2026-10"],
    ["0 9 1 * *", "UTC", "2026-11-01T08:00:00Z", "2026-11-01T08:59:59Z", null],
    ["0 9 1 * *", "UTC", "2026-11-01T09:00:00Z", "2026-11-01T10:00:00Z", null], // fired at the start of the window: the last pass's
    // 09:00 in Paris on 1 November is 08:00 UTC (winter time).
    ["0 9 1 * *", "Europe/Paris", "2026-11-01T07:00:00Z", "2026-11-01T08:00:00Z", "2026-10"],
    ["0 9 1 * *", "Europe/Paris", "2026-11-01T08:00:00Z", "2026-11-01T09:00:00Z", null],
    // 09:00 on 1 October in Paris is 07:00 UTC (summer time) and reports September.
    ["0 9 1 * *", "Europe/Paris", "2026-10-01T06:30:00Z", "2026-10-01T07:30:00Z", "2026-09"],
    // 09:00 on 1 January in Tokyo is still 31 December in UTC: the previous month is December in Tokyo.
    ["0 9 1 * *", "Asia/Tokyo", "2026-12-31T23:30:00Z", "2027-01-01T00:30:00Z", "2026-12"],
    // A long gap: the latest firing counts.
    ["0 9 1 * *", "UTC", "2026-08-15T00:00:00Z", "2026-11-02T00:00:00Z", "2026-10"],
    // Any schedule posts the month before the firing's: every Monday at 06:00 UTC.
    ["0 6 * * 1", "UTC", "2026-11-02T05:00:00Z", "2026-11-02T06:00:00Z", "2026-10"],
  ])("%s in %s, between %s and %s: %s", (schedule, timezone, since, now, month) => {
    expect(dueMonth(schedule, timezone, at(since), at(now))).toBe(month);
  });

  it.each([
    ["after this month's firing: last month", "2026-11-03T12:00:00Z", "2026-10"],
    ["exactly at the firing", "2026-11-01T08:00:00Z", "2026-10"],
    ["before this month's firing: the month before last", "2026-11-01T07:59:00Z", "2026-09"],
  ])("on start-up %s", (_, now, month) => {
    expect(lastDueMonth("0 9 1 * *", "Europe/Paris", at(now))).toBe(month);
  });
});

describe("whether the server starts the monthly job", () => {
  // Only THROUGHLINE_SCHEDULE decides; tests build the app without the job by not asking for it.
  it.each([
    [{ NODE_ENV: "production" }, true],
    [{}, true],
    [{ NODE_ENV: "test" }, true],
    [{ VITEST: "true" }, true],
    [{ NODE_ENV: "production", THROUGHLINE_SCHEDULE: "off" }, false],
    [{ NODE_ENV: "production", THROUGHLINE_SCHEDULE: "OFF" }, false],
  ])("%o: %s", (env, enabled) => {
    expect(scheduleEnabled(env as NodeJS.ProcessEnv)).toBe(enabled);
  });
});
