import type { Path } from "./path.js";

/** A problem with the data, before it is placed in a file: what is wrong and at which path. */
export interface Finding {
  path: Path;
  message: string;
  /** Point at the key rather than its value (unknown keys). */
  at?: "key";
  /** Earlier places of the same thing (a repeated id): the message then names their lines and its own. */
  also?: Path[];
}
