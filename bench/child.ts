/**
 * Runs a measurement in its own Node process, so its peak memory (maxRSS) is its own and not the sum of
 * everything measured before it. The child sends one JSON message back and exits.
 */
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";

export function runChild<T>(module: string, args: string[]): Promise<T> {
  const file = fileURLToPath(new URL(module, import.meta.url));
  return new Promise((resolve, reject) => {
    let answer: T | undefined;
    const child = fork(file, args, {
      execArgv: ["--import", "tsx", "--expose-gc"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    child.on("message", (message) => (answer = message as T));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 && answer !== undefined
        ? resolve(answer)
        : reject(new Error(`${module} ${args.join(" ")} exited with ${code}`)),
    );
  });
}

/** In a child: send the result to the parent and end. */
export function reply(result: unknown): void {
  process.send?.(result, () => process.exit(0));
}

/** Peak of a gauge (e.g. heapUsed) while `work` runs, sampled every few milliseconds and at the end. */
async function sampledPeak<T>(gauge: () => number, work: () => Promise<T>): Promise<{ result: T; peak: number }> {
  let peak = gauge();
  const timer = setInterval(() => (peak = Math.max(peak, gauge())), 2);
  try {
    const result = await work();
    peak = Math.max(peak, gauge());
    return { result, peak };
  } finally {
    clearInterval(timer);
  }
}

/** What `measured` reports of one piece of work, in MB and milliseconds. */
export interface Measured {
  ms: number;
  /** The heap and RSS at the start, after a collection. */
  heapBaseMB: number;
  rssBaseMB: number;
  /** The heap's peak, sampled every 2 ms (garbage not yet collected included), and the process's peak RSS. */
  heapPeakMB: number;
  maxRssMB: number;
}

const MB = 2 ** 20;

/** Runs `work` in this process from a collected heap, measuring its wall time and memory. */
export async function measured<T>(work: () => Promise<T>): Promise<{ result: T; measured: Measured }> {
  global.gc?.();
  const base = process.memoryUsage();
  const started = performance.now();
  const { result, peak } = await sampledPeak(() => process.memoryUsage().heapUsed, work);
  return {
    result,
    measured: {
      ms: performance.now() - started,
      heapBaseMB: base.heapUsed / MB,
      rssBaseMB: base.rss / MB,
      heapPeakMB: peak / MB,
      maxRssMB: process.resourceUsage().maxRSS / 1024,
    },
  };
}
