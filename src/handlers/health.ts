/**
 * GET /health: a liveness and readiness answer for load balancers and orchestrators. With REDIS_URL it
 * also says whether Redis answers; the process keeps handling webhooks without it, so that alone does
 * not make it unhealthy.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Guards } from "../handlers/guard.js";

export interface HealthSources {
  /** The app state's guards: the events under way, and whether the process is stopping (then 503). */
  guards: Guards;
  /** The shared Redis, when REDIS_URL is set. */
  redis?: { available(): boolean };
}

/** The /health route for Probot's server. */
export function healthRoute({ guards, redis }: HealthSources) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== "GET" || req.url?.split("?")[0] !== "/health") return false;
    const body = JSON.stringify({
      status: guards.stopping ? "stopping" : "ok",
      in_flight: guards.inFlight(),
      ...(redis ? { redis: redis.available() ? "ok" : "unreachable" } : {}),
    });
    res.writeHead(guards.stopping ? 503 : 200, { "content-type": "application/json" }).end(body);
    return true;
  };
}
