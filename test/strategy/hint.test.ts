import { describe, expect, it } from "vitest";
import { closest, editDistance } from "../../src/strategy/hint.js";
import { formatPath } from "../../src/strategy/path.js";

describe("closest", () => {
  const keys = ["labels", "keywords", "patterns", "paths", "branches", "milestones", "authors"];
  it.each([
    ["keyword", "keywords"],
    ["Keywords", "keywords"],
    ["lables", "labels"],
    ["path", "paths"],
    ["milestone", "milestones"],
    ["lbaels", "labels"],
    ["patehs", "paths"],
    ["colour", undefined],
    ["x", undefined],
    ["", undefined],
  ])("%j -> %j", (typed, expected) => {
    expect(closest(typed, keys)).toBe(expected);
  });

  it("measures edits and gives up past the limit", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("kitten", "sitting", 1)).toBe(2);
    expect(editDistance("a".repeat(10_000), "b", 2)).toBe(3);
  });

  it("counts a swapped pair of neighbouring letters as one edit", () => {
    expect(editDistance("macth", "match")).toBe(1);
    expect(editDistance("ab", "ba")).toBe(1);
    expect(editDistance("relaibility", "reliability")).toBe(1);
    expect(editDistance("macth", "match", 1)).toBe(1);
    expect(editDistance("abcd", "badc", 1)).toBe(2);
    expect(editDistance("ca", "abc")).toBe(3); // optimal string alignment: a swapped pair is not edited again
    expect(closest("macth", ["id", "title", "why", "label", "color", "share", "metrics", "match", "plan"])).toBe(
      "match",
    );
  });
});

describe("formatPath", () => {
  it.each([
    [["problems", 1, "match", "keywords", 0], "problems[1].match.keywords[0]"],
    [["settings", "check"], "settings.check"],
    [[], ""],
    [["problems", 0, "my key"], 'problems[0]["my key"]'],
    [["x".repeat(50)], `["${"x".repeat(39)}…"]`],
  ])("%j -> %s", (path, expected) => {
    expect(formatPath(path)).toBe(expected);
  });
});
