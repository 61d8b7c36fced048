/** The machine a run happened on, as the results and docs/performance.md state it. */
import { readFileSync } from "node:fs";
import { availableParallelism, cpus, totalmem } from "node:os";

export interface Machine {
  nproc: number;
  memoryGB: number;
  node: string;
  cpu: string;
}

function cpuModel(): string {
  try {
    const line = readFileSync("/proc/cpuinfo", "utf8")
      .split("\n")
      .find((l) => l.startsWith("model name"));
    if (line) return (line.split(":")[1] ?? "").trim();
  } catch {
    // not Linux: fall back to what Node reports
  }
  return cpus()[0]?.model ?? "unknown";
}

export function machine(): Machine {
  return {
    nproc: availableParallelism(),
    memoryGB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    cpu: cpuModel(),
  };
}
