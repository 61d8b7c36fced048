/** The monthly report at scale: each N in a child process (see report-child.ts). */
import { runChild } from "./child.js";

export interface ReportRun {
  n: number;
  requests: number;
  operations: Record<string, number>;
  /** Of them, those without a strategy label: judged on their facts, read 50 a request. */
  u: number;
  /** Requests the report may take: one per 100 pull requests, one per 50 without a label, and a fixed handful. */
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

/** The month's pull requests without a strategy label (report-child.ts leaves three in five without). */
export const unlabelledOf = (n: number) => n - 2 * Math.floor(n / 5) - Math.min(n % 5, 2);

export const reportTarget = (n: number) => Math.ceil(n / 100) + Math.ceil(unlabelledOf(n) / 50) + 15;

export async function measureReport(n: number): Promise<ReportRun> {
  const run = await runChild<Omit<ReportRun, "target" | "withinTarget" | "u">>("./report-child.ts", [String(n)]);
  const target = reportTarget(n);
  return { ...run, u: unlabelledOf(n), target, withinTarget: run.requests <= target };
}
