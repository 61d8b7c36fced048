/**
 * The building blocks of compiled rules. Each returns undefined instead of throwing: the strategy validator
 * rejects bad rules before they get here, and a rule that still cannot compile must not stop the others.
 */
import { RE2JS } from "re2js";
import { compileGlobs } from "../strategy/glob.js";

/** A letter, digit, combining mark or underscore: what may not touch a keyword for it to be a whole word. */
const WORD_CHAR = "[\\p{L}\\p{M}\\p{N}_]";

/**
 * A whole-word, case-insensitive keyword. `\b` would fail keywords that start or end in punctuation
 * ("c++", ".net"), so the boundary is spelled out: no word character right before or after.
 * The keyword is a literal, so the expression cannot backtrack badly.
 */
export function keywordMatcher(keyword: string): RegExp | undefined {
  const literal = keyword.trim();
  if (literal === "") return undefined;
  // Under the `u` flag only syntax characters may be escaped (escaping "-" is an error).
  const escaped = literal.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
  try {
    return new RegExp(`(?<!${WORD_CHAR})${escaped}(?!${WORD_CHAR})`, "iu");
  } catch {
    return undefined;
  }
}

/**
 * An RE2 expression (linear-time matching whatever the input); `(?i)` inside it makes it case-insensitive.
 * The matcher gives the text it matched (possibly ""), or null when it does not match.
 */
export function patternMatcher(pattern: string): ((text: string) => string | null) | undefined {
  try {
    const re = RE2JS.compile(pattern);
    return (text) => {
      const m = re.matcher(text);
      return m.find() ? (m.group() ?? "") : null;
    };
  } catch {
    return undefined;
  }
}

/** Any of the globs, matched in linear time (see strategy/glob.ts); "infra/**" covers "infra/.terraform.lock.hcl" too. */
export function globMatcher(globs: readonly string[]): ((path: string) => boolean) | undefined {
  return compileGlobs(globs);
}

/** Case-insensitive equality against a list, as a set of lowercased names. */
export function nameSet(names: readonly string[]): Set<string> {
  return new Set(names.map((n) => n.trim().toLowerCase()));
}
