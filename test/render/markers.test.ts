import { describe, expect, it } from "vitest";
import { PROGRESS_MARKER, REPORT_MARKER, hasMarker } from "../../src/render/index.js";

describe("hasMarker", () => {
  it.each([
    ["the marker first", `${PROGRESS_MARKER}\nhello`, true],
    ["after leading blank lines", `\n\n${PROGRESS_MARKER}\nhello`, true],
    ["after a byte-order mark", `\uFEFF${PROGRESS_MARKER}`, true],
    ["quoted by a person", `> ${PROGRESS_MARKER}\nhello`, false],
    ["in the middle", `I saw this: ${PROGRESS_MARKER}`, false],
    ["another marker", `${REPORT_MARKER}\nhello`, false],
    ["empty", "", false],
    ["null", null, false],
  ])("%s", (_name, body, expected) => {
    expect(hasMarker(body, PROGRESS_MARKER)).toBe(expected);
  });

  it("keeps the two markers distinct and hidden", () => {
    expect(PROGRESS_MARKER).toBe("<!-- throughline:progress -->");
    expect(REPORT_MARKER).toBe("<!-- throughline:report -->");
  });
});
