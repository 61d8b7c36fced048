/**
 * Graceful shutdown on SIGTERM (what containers and process managers send): /health turns 503, the server
 * stops taking deliveries, the events under way finish, the monthly job's worker finishes its jobs and
 * the Redis connections close, then the process exits. Bounded, so a stuck request cannot keep a replica
 * from stopping; an unfinished event is redelivered by GitHub or caught up, and an unfinished report job
 * is taken over by another process (or by this one's successor) once its lock lapses.
 */
import type { Guards } from "../handlers/guard.js";

export const SHUTDOWN_LIMIT_MS = 25_000;

export interface StopOptions {
  /** The app state's guards: marked stopping (/health turns 503), then waited on for the events under way. */
  guards: Guards;
  /** Redis-backed parts to close once the server has stopped taking deliveries. */
  shared?: { close(): Promise<void> };
  limitMs?: number;
  exit?: (code: number) => void;
}

export async function stopGracefully(server: { stop(): Promise<void> }, options: StopOptions): Promise<void> {
  const { guards, shared, limitMs = SHUTDOWN_LIMIT_MS, exit = process.exit } = options;
  guards.stopping = true;
  const finished = (async () => {
    await server.stop();
    await guards.drained();
    await shared?.close();
    return true;
  })();
  const late = new Promise<false>((resolve) => setTimeout(() => resolve(false), limitMs).unref());
  const clean = await Promise.race([finished, late]).catch(() => false);
  exit(clean ? 0 : 1);
}
