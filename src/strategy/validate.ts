/** Plain data against the schema and the cross-field rules, as findings (not yet placed in a file). */
import { z } from "zod";
import type { Finding } from "./finding.js";
import { issueFindings } from "./issues.js";
import { formatPath } from "./path.js";
import { problemSchema, strategySchema, type Strategy } from "./schema.js";
import { duplicateIds } from "./semantic-problems.js";
import { semanticFindings } from "./semantic.js";
import { listAt } from "./data.js";

/** A file that extends another: each problem needs only its id, and problems may be left out entirely. */
export const extendingSchema = strategySchema.extend({
  problems: z
    .array(problemSchema.in.partial().required({ id: true }))
    .max(30)
    .optional(),
});

export function validateStrategy(data: unknown): { strategy?: Strategy; findings: Finding[] } {
  const parsed = strategySchema.safeParse(data, { reportInput: true });
  const findings = parsed.success ? [] : issueFindings(parsed.error.issues, strategySchema);
  // A field the schema already rejected needs no second opinion.
  const reported = new Set(findings.map((f) => formatPath(f.path)));
  findings.push(...semanticFindings(data).filter((f) => !reported.has(formatPath(f.path))));
  return findings.length === 0 && parsed.success ? { strategy: parsed.data, findings } : { findings };
}

export function validateExtending(data: unknown): Finding[] {
  const parsed = extendingSchema.safeParse(data, { reportInput: true });
  const findings = parsed.success ? [] : issueFindings(parsed.error.issues, extendingSchema);
  return [...findings, ...duplicateIds(listAt(data, "problems"))];
}
