/** The monthly report at scale: each N in a child process (see report-child.ts). */
import { runChild } from "./child.js";

export interface ReportRun {
  n: number;
  requests: number;
  operations: Record<string, number>;
  /** Requests the report may take: one per 100 pull requests, plus a fixed handful. */
  target: number;
  withinTarget: boolean;
  ms: number;
  /** Of `ms`, the time not spent waiting on a request: the report's own work. */
  ownMs: number;
  action: string;
  heapBaseMB: number;
  heapPeakMB: number;
  rssBaseMB: number;
  maxRssMB: number;
}

export const reportTarget = (n: number) => Math.ceil(n / 100) + 15;

export async function measureReport(n: number): Promise<ReportRun> {
  const run = await runChild<Omit<ReportRun, "target" | "withinTarget">>("./report-child.ts", [String(n)]);
  const target = reportTarget(n);
  return { ...run, target, withinTarget: run.requests <= target };
}
