/** Rules that span fields or need more than a type: run beside the schema, on the same plain data. */
import { listAt, recordAt } from "./data.js";
import type { Finding } from "./finding.js";
import { countPlaceholders, planEntries } from "./semantic-plan.js";
import { duplicateIds, duplicateLabels, reservedIds, sharesOver100 } from "./semantic-problems.js";
import { ruleFindings } from "./semantic-rules.js";
import { effectiveFindings, projectFindings, reportFindings } from "./semantic-settings.js";

export function semanticFindings(data: unknown): Finding[] {
  const problems = listAt(data, "problems");
  return [
    ...reservedIds(problems),
    ...duplicateIds(problems),
    ...duplicateLabels(problems, recordAt(data, "settings")?.unaligned_label),
    ...sharesOver100(problems),
    ...ruleFindings(problems),
    ...planEntries(problems),
    ...countPlaceholders(problems),
    ...reportFindings(data),
    ...effectiveFindings(data),
    ...projectFindings(data),
  ];
}
