/** Rules across problems: ids and labels are unique, shares fit in 100%. */
import { isRecord, stringAt } from "./data.js";
import type { Finding } from "./finding.js";
import { formatPath } from "./path.js";
import { quote } from "./words.js";

const TIMES = ["", "once", "twice"];

/** Words that `/strategy` commands and `Serves:` lines give a meaning of their own. */
const RESERVED_IDS = new Set(["none", "explain", "report"]);

/** An id that a command would read as something else: `/strategy none` must mean "no problem". */
export function reservedIds(problems: unknown[]): Finding[] {
  return problems.flatMap((problem, i): Finding[] => {
    const id = stringAt(problem, "id");
    if (id === undefined || !RESERVED_IDS.has(id)) return [];
    return [
      { path: ["problems", i, "id"], message: `${quote(id)} is reserved by \`/strategy ${id}\`; choose another id` },
    ];
  });
}

/** Every repeat of an id, at the repeat: `"reliability" is used twice: on lines 3 and 5`. */
export function duplicateIds(problems: unknown[]): Finding[] {
  const seen = new Map<string, number[]>();
  const findings: Finding[] = [];
  problems.forEach((problem, i) => {
    const id = stringAt(problem, "id");
    if (id === undefined) return;
    const earlier = seen.get(id) ?? [];
    seen.set(id, [...earlier, i]);
    const count = earlier.length + 1;
    if (count > 1) {
      const also = earlier.map((j) => ["problems", j, "id"]);
      findings.push({
        path: ["problems", i, "id"],
        message: `${quote(id)} is used ${TIMES[count] ?? `${count} times`}`,
        also,
      });
    }
  });
  return findings;
}

/** Labels compare case-insensitively on GitHub, so two problems (or the unaligned label) cannot share one. */
export function duplicateLabels(problems: unknown[], unalignedLabel: unknown): Finding[] {
  const owners = new Map<string, number>();
  const ids = new Set<string>();
  const findings: Finding[] = [];
  problems.forEach((problem, i) => {
    const id = stringAt(problem, "id");
    const given = stringAt(problem, "label");
    // A repeated id already has its own error; its default label repeating too would say the same twice.
    if (id !== undefined && ids.has(id) && given === undefined) return;
    if (id !== undefined) ids.add(id);
    const label = given ?? (id === undefined ? undefined : `strategy: ${id}`);
    if (label === undefined) return;
    const key = label.trim().toLowerCase();
    const owner = owners.get(key);
    if (owner === undefined) owners.set(key, i);
    else
      findings.push({
        path: ["problems", i, "label"],
        message: `label ${quote(label)} is already used by ${formatPath(["problems", owner])}`,
      });
  });
  if (typeof unalignedLabel === "string") {
    const owner = owners.get(unalignedLabel.trim().toLowerCase());
    if (owner !== undefined) {
      const message = `${quote(unalignedLabel)} is the label of ${formatPath(["problems", owner])}; pick another`;
      findings.push({ path: ["settings", "unaligned_label"], message });
    }
  }
  return findings;
}

/** Reported once, at the share that takes the running total past 100. */
export function sharesOver100(problems: unknown[]): Finding[] {
  const shares = problems.map((p) => (isRecord(p) && typeof p.share === "number" ? p.share : 0));
  const total = shares.reduce((a, b) => a + b, 0);
  let running = 0;
  for (const [i, share] of shares.entries()) {
    running += share;
    // Tolerance for fractional shares such as 33.3 + 33.3 + 33.4.
    if (running > 100 + 1e-9) {
      return [
        {
          path: ["problems", i, "share"],
          message: `shares add up to ${round(total)}; together they can be at most 100`,
        },
      ];
    }
  }
  return [];
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
