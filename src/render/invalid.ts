/** What the comment and check say while the strategy file on the default branch is invalid: no figures. */
import { plural } from "./format.js";
import { inert } from "../text/inert.js";
import { fitLines } from "./limits.js";
import { link } from "./links.js";

export interface InvalidStrategy {
  /** Located errors, e.g. `strategy.yml:14:9 problems[1].id: "reliability" is used twice: on lines 3 and 14`. */
  errors: string[];
  /** The file's path in the repository that holds it. */
  file: string;
}

/** The first few errors are enough to start fixing; the check has them all. */
const SHOWN = 5;

export function invalidStrategyContent(invalid: InvalidStrategy, checkUrl: string | undefined, budget: number): string {
  const file = inert(invalid.file, 200);
  const head =
    `**The strategy file on the default branch (${file}) is invalid**, so this pull request was not classified ` +
    "and no labels were changed. The figures come back once the file is fixed.";
  const shown = invalid.errors.slice(0, SHOWN).map((e) => `- ${inert(e, 500)}`);
  if (invalid.errors.length > SHOWN) shown.push(`- …and ${plural(invalid.errors.length - SHOWN, "more error")}.`);
  const check = checkUrl ? link("Strategy file", checkUrl) : "`Strategy file`";
  const tail = `Every error is annotated in the ${check} check.`;
  const list = fitLines(shown, budget - head.length - tail.length - 4, (n) => `- …and ${n} more.`);
  return [head, list.join("\n"), tail].filter((s) => s.length > 0).join("\n\n");
}
