/** GET /health: a liveness and readiness answer for load balancers and orchestrators. */
import type { IncomingMessage, ServerResponse } from "node:http";
import { inFlight } from "../handlers/guard.js";

let stopping = false;

/** From now on /health answers 503, so traffic moves to other replicas while in-flight events finish. */
export function markStopping(): void {
  stopping = true;
}

export function healthHandler(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== "GET" || req.url?.split("?")[0] !== "/health") return false;
  const body = JSON.stringify({ status: stopping ? "stopping" : "ok", in_flight: inFlight() });
  res.writeHead(stopping ? 503 : 200, { "content-type": "application/json" }).end(body);
  return true;
}
