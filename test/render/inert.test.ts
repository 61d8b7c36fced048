import { describe, expect, it } from "vitest";
import { inert, oneLine } from "../../src/text/inert.js";
import { LIVE_MENTION } from "./helpers.js";

describe("inert", () => {
  it.each([
    ["a user mention", "thanks @alice", "thanks @\u200dalice"],
    ["a team mention", "@org/team", "@\u200dorg/team"],
    ["an encoded at sign", "&#64;bob", "&amp;\\#64;bob"],
    ["HTML", "<img src=x>", "&lt;img src=x&gt;"],
    ["the app's marker", "<!-- throughline:progress -->", "&lt;!-- throughline:progress --&gt;"],
    ["a link", "[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"],
    ["table pipes", "a | b", "a \\| b"],
    ["newlines", "one\r\ntwo\nthree", "one two three"],
    ["bidi overrides", "abc\u202edef", "abcdef"],
  ])("neutralises %s", (_name, input, expected) => {
    expect(inert(input)).toBe(expected);
  });

  it.each(["@alice", "hi @org/team", "(@bob)", "x,@carol", "&#64;dave"])("leaves no live mention in %j", (text) => {
    expect(inert(text)).not.toMatch(LIVE_MENTION);
    expect(inert(text)).not.toContain("&#64;");
  });

  it("cuts before escaping, so an entity is never split", () => {
    const out = inert("a".repeat(9) + "<<<<", 10);
    expect(out).toBe("aaaaaaaaa…");
    expect(inert("<".repeat(50), 5)).toBe("&lt;&lt;&lt;&lt;…");
  });

  it("cuts by characters, never inside a surrogate pair", () => {
    expect(oneLine("😀".repeat(10), 4)).toBe("😀😀😀…");
  });
});
