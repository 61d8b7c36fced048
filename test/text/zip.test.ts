import { describe, expect, it } from "vitest";
import { zip } from "../../src/text/zip.js";

describe("zip", () => {
  it("pairs each item with its answer, in order", () => {
    expect(zip(["a", "b"], [1, 2])).toEqual([
      ["a", 1],
      ["b", 2],
    ]);
    expect(zip([], [])).toEqual([]);
  });

  it("keeps an answer that is itself undefined or null", () => {
    expect(zip(["a", "b"], [undefined, null])).toEqual([
      ["a", undefined],
      ["b", null],
    ]);
  });

  it("throws when the answers do not match the items one for one", () => {
    expect(() => zip(["a", "b"], [1])).toThrow("1 answers for 2 items");
    expect(() => zip(["a"], [1, 2])).toThrow("2 answers for 1 items");
  });
});
