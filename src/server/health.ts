/**
 * GET /health: a liveness and readiness answer for load balancers and orchestrators. With REDIS_URL it
 * also says whether Redis answers; the process keeps handling webhooks without it, so that alone does
 * not make it unhealthy.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { inFlight } from "../handlers/guard.js";

let stopping = false;

/** From now on /health answers 503, so traffic moves to other replicas while in-flight events finish. */
export function markStopping(): void {
  stopping = true;
}

export interface HealthSources {
  /** The shared Redis, when REDIS_URL is set. */
  redis?: { available(): boolean };
}

/** The /health route for Probot's server. */
export function healthRoute({ redis }: HealthSources = {}) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== "GET" || req.url?.split("?")[0] !== "/health") return false;
    const body = JSON.stringify({
      status: stopping ? "stopping" : "ok",
      in_flight: inFlight(),
      ...(redis ? { redis: redis.available() ? "ok" : "unreachable" } : {}),
    });
    res.writeHead(stopping ? 503 : 200, { "content-type": "application/json" }).end(body);
    return true;
  };
}

export const healthHandler = healthRoute();
