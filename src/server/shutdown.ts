/**
 * Graceful shutdown on SIGTERM (what containers and process managers send): /health turns 503, the server
 * stops taking deliveries, the events under way finish, the monthly job's worker finishes its jobs and
 * the Redis connections close, then the process exits. Bounded, so a stuck request cannot keep a replica
 * from stopping; an unfinished event is redelivered by GitHub or caught up, and an unfinished report job
 * is taken over by another process (or by this one's successor) once its lock lapses.
 */
import { drained } from "../handlers/guard.js";
import { markStopping } from "./health.js";

export const SHUTDOWN_LIMIT_MS = 25_000;

export interface StopOptions {
  /** Redis-backed parts to close once the server has stopped taking deliveries. */
  shared?: { close(): Promise<void> };
  limitMs?: number;
  exit?: (code: number) => void;
}

export async function stopGracefully(server: { stop(): Promise<void> }, options: StopOptions = {}): Promise<void> {
  const { shared, limitMs = SHUTDOWN_LIMIT_MS, exit = process.exit } = options;
  markStopping();
  const finished = (async () => {
    await server.stop();
    await drained();
    await shared?.close();
    return true;
  })();
  const late = new Promise<false>((resolve) => setTimeout(() => resolve(false), limitMs).unref());
  const clean = await Promise.race([finished, late]).catch(() => false);
  exit(clean ? 0 : 1);
}
