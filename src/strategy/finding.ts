import type { Path } from "./path.js";

/** A problem with the data, before it is placed in a file: what is wrong and at which path. */
export interface Finding {
  path: Path;
  message: string;
  /** Point at the key rather than its value (unknown keys). */
  at?: "key";
}
