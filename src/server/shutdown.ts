/**
 * Graceful shutdown on SIGTERM (what containers and process managers send): /health turns 503, the server
 * stops taking deliveries, the events under way finish, then the process exits. Bounded, so a stuck
 * request cannot keep a replica from stopping; an unfinished event is redelivered by GitHub or caught up.
 */
import { drained } from "../handlers/guard.js";
import { markStopping } from "./health.js";

export const SHUTDOWN_LIMIT_MS = 25_000;

export async function stopGracefully(server: { stop(): Promise<void> }, limitMs = SHUTDOWN_LIMIT_MS, exit = process.exit): Promise<void> {
  markStopping();
  const finished = (async () => {
    await server.stop();
    await drained();
    return true;
  })();
  const late = new Promise<false>((resolve) => setTimeout(() => resolve(false), limitMs).unref());
  const clean = await Promise.race([finished, late]).catch(() => false);
  exit(clean ? 0 : 1);
}
