import { quote } from "./words.js";

/** A location inside the document as keys and indexes, the way zod reports it. */
export type Path = readonly (string | number)[];

const IDENTIFIER = /^[A-Za-z_$][\w$-]*$/;

/** `["problems", 1, "match", "keywords", 0]` -> `problems[1].match.keywords[0]` */
export function formatPath(path: Path): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    // A mistyped key may hold spaces or dots (quoting keeps the path unambiguous) or be very long.
    else if (IDENTIFIER.test(segment) && segment.length <= 40) out += out === "" ? segment : `.${segment}`;
    else out += `[${quote(segment)}]`;
  }
  return out;
}
