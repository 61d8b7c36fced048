import { describe, expect, it } from "vitest";
import { isoWeek, isoWeekIn } from "../../src/tally/weeks.js";

describe("isoWeekIn", () => {
  it.each([
    "UTC",
    "Europe/Paris",
    "America/St_Johns",
    "Asia/Kathmandu",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "Pacific/Kiritimati",
    "Not/A_Zone",
  ])("gives isoWeek's answer for every instant, across midnights and clock changes (%s)", (zone) => {
    const weekOf = isoWeekIn(zone);
    const start = Date.parse("2025-03-25T00:00:00Z");
    const differ: string[] = [];
    // Every 21 minutes 7 seconds for a year, and 7 minutes 13 seconds after each (often the same quarter
    // hour, so a remembered answer): both sides of every midnight and clock change.
    for (let at = start; at < start + 366 * 86_400_000; at += 1_267_000) {
      for (const iso of [new Date(at).toISOString(), new Date(at + 433_000).toISOString()])
        if (weekOf(iso) !== isoWeek(iso, zone)) differ.push(iso);
    }
    expect(differ).toEqual([]);
    expect(weekOf("not a date")).toBeNull();
  });

  it("reads the week in the zone, not in UTC", () => {
    expect(isoWeekIn("Pacific/Kiritimati")("2026-10-04T12:30:00Z")).toBe("2026-W41");
    expect(isoWeekIn("UTC")("2026-10-04T12:30:00Z")).toBe("2026-W40");
  });
});
