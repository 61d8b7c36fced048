/** The organisation report at scale (see organisation-child.ts): requests against ⌈N/100⌉ + ⌈R/100⌉ + 20, and peak memory. */
import { runChild } from "./child.js";

export interface OrganisationRun {
  n: number;
  repositories: number;
  requests: number;
  operations: Record<string, number>;
  target: number;
  withinTarget: boolean;
  ms: number;
  heapBaseMB: number;
  heapPeakMB: number;
  maxRssMB: number;
}

export const organisationTarget = (n: number, r: number) => Math.ceil(n / 100) + Math.ceil(r / 100) + 20;

export async function measureOrganisation(n: number, r: number): Promise<OrganisationRun> {
  const run = await runChild<Omit<OrganisationRun, "target" | "withinTarget">>("./organisation-child.ts", [
    String(n),
    String(r),
  ]);
  const target = organisationTarget(n, r);
  return { ...run, target, withinTarget: run.requests <= target };
}

export function organisationMarkdown(runs: OrganisationRun[]): string {
  const rows = runs.map(
    (o) =>
      `| ${o.n.toLocaleString("en-US")} | ${o.repositories} | ${o.requests} | ${o.target} | ${o.withinTarget ? "yes" : "NO"} | ${o.heapPeakMB.toFixed(0)} MB | ${o.maxRssMB.toFixed(0)} MB |`,
  );
  return [
    "Organisation report",
    "",
    "| Merged PRs | Repositories | Requests | Budget ⌈N/100⌉+⌈R/100⌉+20 | Within | Heap peak | Max RSS |",
    "| --: | --: | --: | --: | --- | --: | --: |",
    ...rows,
  ].join("\n");
}
