/** Rules inside a problem's plan and metrics. */
import { isRecord, listAt, stringAt } from "./data.js";
import type { Finding } from "./finding.js";

const PLAN_REFS = ["issue", "milestone", "label"] as const;

export function planEntries(problems: unknown[]): Finding[] {
  return problems.flatMap((problem, i) =>
    listAt(problem, "plan").flatMap((entry, j): Finding[] => {
      if (!isRecord(entry)) return [];
      const refs = PLAN_REFS.filter((ref) => entry[ref] !== undefined && entry[ref] !== null);
      const [first, second] = refs;
      const path = ["problems", i, "plan", j];
      if (first === undefined) return [{ path, message: "needs one of issue, milestone or label" }];
      if (second === undefined) return [];
      return [
        {
          path: [...path, second],
          message: `gives both ${refs.join(" and ")}; an entry names exactly one of issue, milestone or label`,
        },
      ];
    }),
  );
}

/** `{period}` is the only placeholder a count query knows; any other would reach GitHub's search verbatim. */
export function countPlaceholders(problems: unknown[]): Finding[] {
  return problems.flatMap((problem, i) =>
    listAt(problem, "metrics").flatMap((metric, j): Finding[] => {
      const unknown = (stringAt(metric, "count") ?? "").match(/\{[^{}\s]*\}/g)?.find((p) => p !== "{period}");
      if (unknown === undefined) return [];
      return [
        {
          path: ["problems", i, "metrics", j, "count"],
          message: `unknown placeholder ${unknown}; only {period} is replaced`,
        },
      ];
    }),
  );
}
